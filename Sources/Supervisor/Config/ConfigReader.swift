/// Reads typed values out of one JSON object, naming every key by its full dotted path in errors.
package struct ConfigReader {
    package let path: String
    package let fields: [String: JSONValue]

    package init(_ value: JSONValue, path: String, allowed: [String]) throws(ConfigError) {
        guard case .object(let fields) = value else {
            throw .wrongType(key: path.isEmpty ? "(top level)" : path, expected: "an object", got: value.typeName)
        }
        for key in fields.keys.sorted() where !allowed.contains(key) {
            throw .unknownKey(key: Self.join(path, key), allowed: allowed)
        }
        self.path = path
        self.fields = fields
    }

    package func key(_ name: String) -> String { Self.join(path, name) }

    package func has(_ name: String) -> Bool {
        if let value = fields[name], value != .null { return true }
        return false
    }

    package func value(_ name: String) throws(ConfigError) -> JSONValue {
        guard let value = fields[name], value != .null else { throw .missingKey(key: key(name)) }
        return value
    }

    package func string(_ name: String) throws(ConfigError) -> String {
        let value = try value(name)
        guard case .string(let text) = value else { throw .wrongType(key: key(name), expected: "a string", got: value.typeName) }
        return text
    }

    package func number(_ name: String) throws(ConfigError) -> Double {
        let value = try value(name)
        guard case .number(let number) = value else { throw .wrongType(key: key(name), expected: "a number", got: value.typeName) }
        return number
    }

    package func wholeNumber(_ name: String) throws(ConfigError) -> Int {
        let value = try value(name)
        guard case .number(let number) = value, number == number.rounded(), abs(number) < 1e9 else {
            throw .wrongType(key: key(name), expected: "a whole number", got: value.typeName)
        }
        return Int(number)
    }

    package func bool(_ name: String) throws(ConfigError) -> Bool {
        let value = try value(name)
        guard case .bool(let flag) = value else { throw .wrongType(key: key(name), expected: "true or false", got: value.typeName) }
        return flag
    }

    package func strings(_ name: String) throws(ConfigError) -> [String] {
        let value = try value(name)
        guard case .array(let items) = value else {
            throw .wrongType(key: key(name), expected: "an array of strings", got: value.typeName)
        }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else {
                throw .wrongType(key: "\(key(name))[\(index)]", expected: "a string", got: item.typeName)
            }
            result.append(text)
        }
        return result
    }

    package func stringMap(_ name: String) throws(ConfigError) -> [String: String] {
        let value = try value(name)
        guard case .object(let items) = value else {
            throw .wrongType(key: key(name), expected: "an object of strings", got: value.typeName)
        }
        var result: [String: String] = [:]
        for (entry, item) in items {
            guard case .string(let text) = item else {
                throw .wrongType(key: "\(key(name)).\(entry)", expected: "a string", got: item.typeName)
            }
            result[entry] = text
        }
        return result
    }

    package func object(_ name: String, allowed: [String]) throws(ConfigError) -> ConfigReader {
        try ConfigReader(value(name), path: key(name), allowed: allowed)
    }

    package func objects(_ name: String, allowed: [String]) throws(ConfigError) -> [ConfigReader] {
        let value = try value(name)
        guard case .array(let items) = value else {
            throw .wrongType(key: key(name), expected: "an array of objects", got: value.typeName)
        }
        var result: [ConfigReader] = []
        for (index, item) in items.enumerated() {
            result.append(try ConfigReader(item, path: "\(key(name))[\(index)]", allowed: allowed))
        }
        return result
    }

    private static func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : "\(path).\(name)"
    }
}
