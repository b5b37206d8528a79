/// Windows' rules for environment variables: a name is the same variable whatever its case, and
/// the block `CreateProcessW` takes lists the variables sorted as Windows sorts them.
package enum WindowsEnvironment {
    /// The inherited environment with `overrides` applied, one entry per name regardless of case.
    /// An override replaces every inherited spelling of its name and keeps its own spelling; when
    /// the inherited environment itself holds two spellings, the first in `sorted` order is kept.
    package static func merge(_ inherited: [String: String], _ overrides: [String: String]) -> [String: String] {
        var byName: [[UInt16]: (name: String, value: String)] = [:]
        for entry in sorted(inherited) {
            let key = folded(entry.name)
            if byName[key] == nil { byName[key] = entry }
        }
        for (name, value) in overrides { byName[folded(name)] = (name, value) }
        return Dictionary(uniqueKeysWithValues: byName.values.map { ($0.name, $0.value) })
    }

    /// The value of `name`, whatever the case of its spelling in `environment`.
    package static func value(_ name: String, in environment: [String: String]) -> String? {
        let key = folded(name)
        return sorted(environment).first { folded($0.name) == key }?.value
    }

    /// The variables in Windows' order: names compared code unit by code unit after folding to
    /// upper case (so `GITHUB_ACTIONS` sorts before `GITHUB_ACTION_PATH`), ties by exact spelling.
    package static func sorted(_ environment: [String: String]) -> [(name: String, value: String)] {
        environment.map { (name: $0.key, value: $0.value, key: folded($0.key)) }
            .sorted { $0.key != $1.key ? $0.key.lexicographicallyPrecedes($1.key) : Array($0.name.utf16).lexicographicallyPrecedes($1.name.utf16) }
            .map { (name: $0.name, value: $0.value) }
    }

    /// The UTF-16 environment block: `name=value` entries each ended by NUL, then one more NUL.
    package static func block(_ environment: [String: String]) -> [UInt16] {
        let entries = sorted(environment)
        guard !entries.isEmpty else { return [0, 0] }
        return entries.flatMap { Array("\($0.name)=\($0.value)".utf16) + [0] } + [0]
    }

    /// A name folded the way Windows compares names: each UTF-16 code unit mapped to its simple
    /// upper-case form where that is a single code unit.
    package static func folded(_ name: String) -> [UInt16] {
        name.utf16.map { unit in
            guard let scalar = Unicode.Scalar(unit) else { return unit }
            let upper = scalar.properties.uppercaseMapping.utf16
            return upper.count == 1 ? upper.first! : unit
        }
    }
}
