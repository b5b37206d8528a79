import Foundation
import SafeText
import Supervisor

/// Config files: `JSONParser` then `ConfigLoader.parse`, as `--config` reads them. Refusals are the
/// typed errors (`JSONParser.Failure`, `ConfigError`, exit 64) on one line; what the parser accepts
/// Foundation's `JSONSerialization` accepts too; an accepted command can be passed to a program
/// (no NUL, no `=` in a variable's name after its first scalar).
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
        let config = try ConfigLoader.parse(root, file: "/fuzz/supervisor.json", overrides: ConfigOverrides(), currentDirectory: "/fuzz")
        for command in [config.invoker] + config.steps.map(\.command) + [config.warmup?.command].compactMap({ $0 }) {
            FuzzCheck.require(!command.arguments.contains { $0.unicodeScalars.contains("\0") }, "a NUL in an accepted command: \(command)")
            for (name, value) in command.environment {
                FuzzCheck.require(!name.isEmpty && !name.unicodeScalars.dropFirst().contains("=") && !(name + value).unicodeScalars.contains("\0"),
                                  "an accepted variable that cannot be passed: \(name.unicodeScalars.map(\.value))")
            }
        }
    } catch {
        FuzzCheck.require(LogText.isPlain(error.description), "a two-line config error: \(error.description)")
        FuzzCheck.require(error.exitCode == 64, "config error with exit \(error.exitCode): \(error.description)")
    }
    return 0
}
