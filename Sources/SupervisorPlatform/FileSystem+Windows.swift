#if os(Windows)
import Foundation
import WinSDK

/// The open file type of this platform.
package typealias PlatformFile = HANDLE

package extension FileSystem {
    /// Writes `bytes` to `path` through a temporary file created with `CREATE_NEW` (never opening
    /// a reparse point) and `MoveFileExW`, so readers see the old file or the new one. A target that
    /// is a link or a folder is refused; on any failure the target is left as it was.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(PlatformError) {
        try checkReplaceable(path)
        let temporary = temporaryName(for: path)
        let handle = try create(temporary, disposition: DWORD(CREATE_NEW), access: DWORD(GENERIC_WRITE))
        do throws(PlatformError) {
            try writeAll(handle, bytes, path: path)
            CloseHandle(handle)
        } catch {
            CloseHandle(handle)
            _ = temporary.withCString(encodedAs: UTF16.self) { DeleteFileW($0) }
            throw error
        }
        let moved = temporary.withCString(encodedAs: UTF16.self) { from in
            path.withCString(encodedAs: UTF16.self) { to in
                MoveFileExW(from, to, DWORD(MOVEFILE_REPLACE_EXISTING) | DWORD(MOVEFILE_WRITE_THROUGH))
            }
        }
        guard moved else {
            let error = PlatformError(message: "\(path): cannot replace (Windows error \(GetLastError()))")
            _ = temporary.withCString(encodedAs: UTF16.self) { DeleteFileW($0) }
            throw error
        }
    }

    /// Opens `path` for appending (creating it). With `followLinks` false a reparse point at `path`
    /// is refused.
    static func openForAppending(_ path: String, followLinks: Bool) throws(PlatformError) -> HANDLE {
        if !followLinks, FileKind.of(path) == .symbolicLink {
            throw PlatformError(message: "\(path): is a symbolic link; refusing to write through it")
        }
        return try create(path, disposition: DWORD(OPEN_ALWAYS), access: DWORD(FILE_APPEND_DATA))
    }

    /// Writes all of `bytes` to `handle`, or throws naming `path` and the system's error.
    static func writeAll(_ handle: HANDLE, _ bytes: [UInt8], path: String) throws(PlatformError) {
        var offset = 0
        while offset < bytes.count {
            var written: DWORD = 0
            let ok = bytes.withUnsafeBytes { WriteFile(handle, $0.baseAddress! + offset, DWORD(bytes.count - offset), &written, nil) }
            guard ok else { throw PlatformError(message: "\(path): cannot write (Windows error \(GetLastError()))") }
            offset += Int(written)
        }
    }

    static func closeFile(_ handle: HANDLE) {
        CloseHandle(handle)
    }

    /// Creates `path` and any missing parent folders (permissions inherited from the parent).
    static func makeDirectories(_ path: String) throws(PlatformError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw PlatformError(message: "\(path): cannot create the folder: \(error.localizedDescription)")
        }
    }

    private static func create(_ path: String, disposition: DWORD, access: DWORD) throws(PlatformError) -> HANDLE {
        let handle = path.withCString(encodedAs: UTF16.self) {
            CreateFileW($0, access, DWORD(FILE_SHARE_READ) | DWORD(FILE_SHARE_WRITE) | DWORD(FILE_SHARE_DELETE), nil,
                        disposition, DWORD(FILE_ATTRIBUTE_NORMAL) | DWORD(FILE_FLAG_OPEN_REPARSE_POINT), nil)
        }
        guard let handle, handle != INVALID_HANDLE_VALUE else {
            throw PlatformError(message: "\(path): cannot open (Windows error \(GetLastError()))")
        }
        return handle
    }
}
#endif
