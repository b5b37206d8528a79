/// Windows' rules for making a path absolute: drive (`C:\`), UNC (`\\server\share`) and device
/// (`\\?\`) paths stand as they are; `\dir` is rooted on the base's drive; anything else is joined
/// to the base. Either slash is accepted; the result uses backslashes, with `.` and `..` resolved
/// as text (never above the root).
package enum WindowsPath {
    package static func absolute(_ path: String, against base: String) -> String {
        let path = path.replacingSlashes()
        if path.hasPrefix("\\\\?\\") || path.hasPrefix("\\\\.\\") { return path }
        if path.hasPrefix("\\\\") { return normalized(root: uncRoot(path), rest: String(path.dropFirst(uncRoot(path).count))) }
        if let drive = drive(of: path) {
            let rest = String(path.dropFirst(2))
            if rest.hasPrefix("\\") { return normalized(root: drive + "\\", rest: rest) }
            // `C:name` is relative to that drive's current folder; only the base's is known.
            if let baseDrive = self.drive(of: base.replacingSlashes()), baseDrive.uppercased() == drive.uppercased() {
                return absolute(rest, against: base)
            }
            return normalized(root: drive + "\\", rest: rest)
        }
        let absoluteBase = base.replacingSlashes()
        if path.hasPrefix("\\") {
            let root = drive(of: absoluteBase).map { $0 + "\\" } ?? uncRoot(absoluteBase)
            return normalized(root: root.isEmpty ? "\\" : root, rest: path)
        }
        return absolute(absoluteBase + "\\" + path, against: "")
    }

    /// `folder` and `name` joined with one backslash.
    package static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("\\") || folder.hasSuffix("/") ? folder + name : folder + "\\" + name
    }

    /// The extension of the last path component, with its dot (`.exe`), or nil.
    package static func pathExtension(_ path: String) -> String? {
        let last = path.replacingSlashes().split(separator: "\\").last.map(String.init) ?? path
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return nil }
        let ext = String(last[dot...])
        return ext.count > 1 ? ext : nil
    }

    /// Whether the program names a folder or drive rather than a bare name to search for.
    package static func hasFolder(_ program: String) -> Bool {
        program.contains("\\") || program.contains("/") || drive(of: program) != nil
    }

    private static func drive(of path: String) -> String? {
        let scalars = Array(path.unicodeScalars.prefix(2))
        guard scalars.count == 2, scalars[1] == ":", scalars[0].isASCII, scalars[0].properties.isAlphabetic else { return nil }
        return String(String.UnicodeScalarView(scalars))
    }

    /// `\\server\share\` of a UNC path, or "" when the path is not one.
    private static func uncRoot(_ path: String) -> String {
        guard path.hasPrefix("\\\\") else { return "" }
        let parts = path.dropFirst(2).split(separator: "\\", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return path.hasSuffix("\\") ? path : path + "\\" }
        return "\\\\" + parts[0] + "\\" + parts[1] + "\\"
    }

    private static func normalized(root: String, rest: String) -> String {
        root + FileSystem.resolvingDots(rest.split(separator: "\\", omittingEmptySubsequences: true)).joined(separator: "\\")
    }
}

private extension String {
    func replacingSlashes() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "/" ? "\\" : $0 }))
    }
}
