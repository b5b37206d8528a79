/// Process image names as users write them: without directory, without `.exe`,
/// compared case-insensitively (`lvcompare.exe` names the same program as `LVCompare`).
public enum ProcessName {
    /// The image name with any directory and a trailing `.exe` removed.
    public static func normalized(_ raw: String) -> String {
        let base = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? raw
        if base.lowercased().hasSuffix(".exe") {
            return String(base.dropLast(4))
        }
        return base
    }

    /// Whether two names denote the same program.
    public static func matches(_ name: String, _ other: String) -> Bool {
        normalized(name).lowercased() == normalized(other).lowercased()
    }
}
