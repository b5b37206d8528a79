import Foundation
import SafeText
import Supervisor

/// The compare reader: the input split at its first NUL into `lvcompare-capture.json` and
/// `compare-exec.json` (its first byte says which are written). Whatever they hold, the outcome is
/// written as valid `compare-outcome/v1` and its Markdown block keeps its shape.
@_cdecl("LLVMFuzzerTestOneInput")
public func compareFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzCheck.bytes(data, size)
    guard let which = bytes.first else { return 0 }
    let body = bytes.dropFirst()
    let cut = body.firstIndex(of: 0) ?? body.endIndex
    let files = [("lvcompare-capture.json", Data(body[..<cut]), which & 1 != 0),
                 ("compare-exec.json", Data(body[min(cut + 1, body.endIndex)...]), which & 2 != 0)]
    for (name, content, present) in files {
        let path = CompareFolder.path + "/" + name
        // An empty file is written as one space: swift-foundation (6.3.1) leaks 4 KiB reading an
        // empty file, which would stop every run on a leak that is not this package's.
        if present { try? (content.isEmpty ? Data(" ".utf8) : content).write(to: URL(fileURLWithPath: path)) } else { unlink(path) }
    }
    guard let outcome = CompareOutcome.find(under: CompareFolder.path, expectation: .expected, exists: { _ in false }) else {
        FuzzCheck.require(false, "no outcome although a compare was expected")
        return 0
    }
    let text = outcome.json(at: Date(timeIntervalSince1970: 0)).pretty()
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else {
        FuzzCheck.require(false, "compare-outcome.json is not JSON: \(text)")
        return 0
    }
    do {
        let violations = try SchemaLite.validate(object, against: CompareFolder.schema, strict: true)
        FuzzCheck.require(violations.isEmpty, "compare-outcome.json breaks its schema: \(violations) in \(text)")
    } catch {
        FuzzCheck.require(false, "the shipped compare-outcome schema is unsupported: \(error)")
    }
    let lines = outcome.markdown.split(separator: "\n", omittingEmptySubsequences: false)
    FuzzCheck.require(lines.first == "### Compare Outcome" && lines.dropFirst().allSatisfy { $0.isEmpty || $0.hasPrefix("- ") },
                      "the Markdown block lost its shape: \(outcome.markdown)")
    FuzzCheck.require(outcome.markdown.unicodeScalars.allSatisfy { $0 == "\n" || LogText.isPlain(String($0)) }, "a control character in: \(outcome.markdown)")
    return 0
}

/// One scratch folder per fuzzing process (in memory when /dev/shm is there), and the schema the
/// outcome must meet.
enum CompareFolder {
    static let path: String = {
        let folder = (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory()) + "compare-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }()
    nonisolated(unsafe) static let schema = try! EmbeddedSchemas.load("compare-outcome")
}
