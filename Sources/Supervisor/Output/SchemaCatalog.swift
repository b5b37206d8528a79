import Foundation

package extension EmbeddedSchemas {
    /// An embedded schema by short name (`compare-outcome`, `run-provenance`, `compare-exec`,
    /// `process-snapshot`, `session`, …), else a schema file.
    static func load(_ nameOrPath: String) throws(UsageError) -> [String: Any] {
        let text = byName[nameOrPath].map { Data($0.utf8) } ?? FileManager.default.contents(atPath: nameOrPath)
        guard let text, let schema = try? JSONSerialization.jsonObject(with: text) as? [String: Any] else {
            throw .badValue(option: "--schema", value: nameOrPath,
                            expected: "one of \(byName.keys.sorted().joined(separator: ", ")) or a readable JSON Schema file")
        }
        return schema
    }
}
