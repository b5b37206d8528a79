/// Finds the file a command's program names, by one platform's rules, against a file system it is
/// given (so the rules are tested anywhere).
///
/// POSIX: a name with a `/` resolves against the working folder; a bare name is searched in `PATH`.
/// Windows: a name with a folder or drive resolves against the working folder; a bare name is
/// searched in the one `PATH` of the merged environment, folder by folder, in order (surrounding
/// quotes dropped, empty entries skipped). In each place a name whose extension is one of
/// `PATHEXT`'s is taken as it is; any other name is tried with each `PATHEXT` ending in order.
/// Unlike `CreateProcessW` with no application name, the current folder and the supervisor's own
/// folder are never searched for a bare name, so a program planted in the workspace cannot shadow one
/// on `PATH` (the effect of `NoDefaultCurrentDirectoryInExePath`); the result is always passed to
/// `CreateProcessW` as a full path.
package struct ExecutableLookup {
    package var os: HostOS
    /// The folders of PATH, in order.
    package var searchPath: [String]
    /// Windows: the `PATHEXT` endings, lower-cased, in order.
    package var extensions: [String]
    /// Whether a program file exists at this path (and, on POSIX, may be executed).
    package var isExecutable: (String) -> Bool

    /// The default `PATHEXT` when the environment has none.
    package static let defaultPathExt = ".COM;.EXE;.BAT;.CMD"

    /// POSIX lookup with this environment's `PATH`.
    package static func posix(environment: [String: String], isExecutable: @escaping (String) -> Bool) -> ExecutableLookup {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return ExecutableLookup(os: .posix, searchPath: path.split(separator: ":").map(String.init), extensions: [],
                                isExecutable: isExecutable)
    }

    /// Windows lookup with this (merged) environment's `PATH` and `PATHEXT`, names without case.
    package static func windows(environment: [String: String], isFile: @escaping (String) -> Bool) -> ExecutableLookup {
        let pathExt = WindowsEnvironment.value("PATHEXT", in: environment).flatMap { $0.isEmpty ? nil : $0 } ?? defaultPathExt
        let extensions = pathExt.split(separator: ";").map { $0.trimmingQuotes().lowercased() }.filter { $0.hasPrefix(".") && $0.count > 1 }
        let folders = (WindowsEnvironment.value("PATH", in: environment) ?? "").split(separator: ";").map { $0.trimmingQuotes() }
        return ExecutableLookup(os: .windows, searchPath: folders, extensions: extensions, isExecutable: isFile)
    }

    package func resolve(_ program: String, workingDirectory: String) throws(PlatformError) -> String {
        switch os {
        case .posix:
            if program.contains("/") {
                let path = PosixPath.absolute(program, against: workingDirectory)
                guard isExecutable(path) else { throw PlatformError(message: "\(path): not found or not executable") }
                return path
            }
            for folder in searchPath where !folder.isEmpty {
                let candidate = folder + "/" + program
                if isExecutable(candidate) { return candidate }
            }
        case .windows:
            if WindowsPath.hasFolder(program) {
                let path = WindowsPath.absolute(program, against: workingDirectory)
                guard let found = windowsCandidates(path).first(where: isExecutable) else {
                    throw PlatformError(message: "\(path): not found (tried \(windowsCandidates(path).joined(separator: ", ")))")
                }
                return found
            }
            for folder in searchPath where !folder.isEmpty {
                if let found = windowsCandidates(WindowsPath.join(folder, program)).first(where: isExecutable) { return found }
            }
        }
        throw PlatformError(message: "\(program): not found in PATH")
    }

    private func windowsCandidates(_ path: String) -> [String] {
        if let ext = WindowsPath.pathExtension(path)?.lowercased(), extensions.contains(ext) { return [path] }
        return extensions.map { path + $0 }
    }
}

private extension Substring {
    func trimmingQuotes() -> String {
        String(self).unicodeScalars.count >= 2 && hasPrefix("\"") && hasSuffix("\"") ? String(dropFirst().dropLast()) : String(self)
    }
}
