/// Finds the program a command names: a path with a folder separator resolves against the
/// command's working folder, a bare name is searched in PATH (with Windows' extensions there).
struct ExecutableLookup {
    /// The folders of PATH, in order.
    var searchPath: [String]
    /// File name endings to try for a bare name (`.exe`, … on Windows; just "" elsewhere).
    var extensions: [String]
    /// Whether the file at this path can be run.
    var isExecutable: (String) -> Bool

    func resolve(_ program: String, workingDirectory: String) throws(PlatformError) -> String {
        if program.contains("/") || program.contains("\\") {
            let path = ConfigLoader.absolute(program, against: workingDirectory)
            guard isExecutable(path) else { throw PlatformError(message: "\(path): not found or not executable") }
            return path
        }
        for folder in searchPath where !folder.isEmpty {
            for ending in extensions {
                let candidate = folder + "/" + program + ending
                if isExecutable(candidate) { return candidate }
            }
        }
        throw PlatformError(message: "\(program): not found in PATH")
    }
}
