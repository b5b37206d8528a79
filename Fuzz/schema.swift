import Foundation
import SafeText
import Supervisor

/// Schema-lite both ways. First byte even: the rest is a document, validated against every shipped
/// schema (which must never be `Unsupported`). Odd: the rest is a schema, applied to fixed
/// documents; a refusal is the typed `SchemaLite.Unsupported` on one line.
@_cdecl("LLVMFuzzerTestOneInput")
public func schemaFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzCheck.bytes(data, size)
    guard let mode = bytes.first,
          let value = try? JSONSerialization.jsonObject(with: Data(bytes.dropFirst()), options: .fragmentsAllowed) else { return 0 }
    if mode & 1 == 0 {
        for (name, schema) in SchemaFixtures.shipped {
            for strict in [false, true] {
                do {
                    for violation in try SchemaLite.validate(value, against: schema, strict: strict) {
                        FuzzCheck.require(!violation.description.isEmpty, "an empty violation against \(name)")
                    }
                } catch {
                    FuzzCheck.require(false, "shipped schema \(name) reported unsupported: \(error)")
                }
            }
        }
    } else if let schema = value as? [String: Any] {
        for document in SchemaFixtures.documents {
            do {
                _ = try SchemaLite.validate(document, against: schema, strict: mode & 2 != 0)
            } catch {
                FuzzCheck.require(LogText.isPlain(error.description), "a two-line unsupported message: \(error.description)")
            }
        }
    }
    return 0
}

/// The shipped schemas and a few documents of every JSON type.
enum SchemaFixtures {
    nonisolated(unsafe) static let shipped = EmbeddedSchemas.byName.keys.sorted().map { ($0, try! EmbeddedSchemas.load($0)) }
    nonisolated(unsafe) static let documents: [Any] = [
        try! JSONSerialization.jsonObject(with: Data(#"{"schema":"compare-exec/v1","exitCode":1,"diff":true,"command":"LVCompare.exe a b","items":[1,"x",null,{"k":[]}],"at":"2026-11-26T11:21:29.000Z"}"#.utf8)),
        try! JSONSerialization.jsonObject(with: Data(#"[0, -1.5, 1e300, "", true, {"a":{"b":{"c":[]}}}]"#.utf8)),
        "text", NSNumber(value: 3), NSNull(), true,
    ]
}
