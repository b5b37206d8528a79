import Foundation
import SafeText
import Supervisor

/// Config files: `JSONParser` then `ConfigLoader.parse`, as `--config` reads them. Refusals are the
/// typed errors (`JSONParser.Failure`, `ConfigError`, exit 64) on one line; what the parser accepts
/// Foundation's `JSONSerialization` accepts too.
@_cdecl("LLVMFuzzerTestOneInput")
public func configFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzCheck.bytes(data, size)
    let root: JSONValue
    do {
        root = try JSONParser.parse(bytes)
    } catch {
        FuzzCheck.require(LogText.isPlain(error.description), "a two-line parse error: \(error.description)")
        return 0
    }
    let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    FuzzCheck.require((try? JSONSerialization.jsonObject(with: Data(bytes[bom...]), options: .fragmentsAllowed)) != nil,
                      "JSONParser accepted what JSONSerialization refuses: \(String(decoding: bytes, as: UTF8.self))")
    do {
        _ = try ConfigLoader.parse(root, file: "/fuzz/supervisor.json", overrides: ConfigOverrides(), currentDirectory: "/fuzz")
    } catch {
        FuzzCheck.require(LogText.isPlain(error.description), "a two-line config error: \(error.description)")
        FuzzCheck.require(error.exitCode == 64, "config error with exit \(error.exitCode): \(error.description)")
    }
    return 0
}
