#if os(Windows)
import WinSDK

package extension FileKind {
    /// `GetFileAttributesW`'s answer for `path`; a reparse point (symbolic link, junction) is a link.
    static func of(_ path: String) -> FileKind {
        let attributes = path.withCString(encodedAs: UTF16.self) { GetFileAttributesW($0) }
        guard attributes != INVALID_FILE_ATTRIBUTES else { return .missing }
        if attributes & DWORD(FILE_ATTRIBUTE_REPARSE_POINT) != 0 { return .symbolicLink }
        if attributes & DWORD(FILE_ATTRIBUTE_DIRECTORY) != 0 { return .directory }
        if attributes & DWORD(FILE_ATTRIBUTE_DEVICE) != 0 { return .other }
        return .regular
    }

    /// The last-write time of a regular file, in seconds since 1970, or nil.
    static func modificationTime(_ path: String) -> Double? {
        guard of(path) == .regular else { return nil }
        var data = WIN32_FILE_ATTRIBUTE_DATA()
        let ok = path.withCString(encodedAs: UTF16.self) { GetFileAttributesExW($0, GetFileExInfoStandard, &data) }
        guard ok else { return nil }
        let ticks = UInt64(data.ftLastWriteTime.dwHighDateTime) << 32 | UInt64(data.ftLastWriteTime.dwLowDateTime)
        return Double(ticks) / 10_000_000 - 11_644_473_600
    }

    /// The size in bytes of a regular file, or nil.
    static func size(_ path: String) -> UInt64? {
        guard of(path) == .regular else { return nil }
        var data = WIN32_FILE_ATTRIBUTE_DATA()
        let ok = path.withCString(encodedAs: UTF16.self) { GetFileAttributesExW($0, GetFileExInfoStandard, &data) }
        guard ok else { return nil }
        return UInt64(data.nFileSizeHigh) << 32 | UInt64(data.nFileSizeLow)
    }

    /// Removes `path` if it is a regular file; never a directory, never what a link points to.
    @discardableResult
    static func removeRegularFile(_ path: String) throws(PlatformError) -> FileKind {
        let kind = of(path)
        guard kind == .regular else { return kind }
        let removed = path.withCString(encodedAs: UTF16.self) { DeleteFileW($0) }
        guard removed || GetLastError() == DWORD(ERROR_FILE_NOT_FOUND) else {
            throw PlatformError(message: "\(path): cannot remove (Windows error \(GetLastError()))")
        }
        return kind
    }
}
#endif
