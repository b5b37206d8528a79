import Foundation
import XCTest
@testable import Supervisor

/// Reading a file's last meaningful line from its end, across chunk boundaries.
final class FileTailTests: XCTestCase {
    private func file(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "tail-\(UUID().uuidString).txt"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func lastBrace(_ path: String, chunk: Int) -> String? {
        FileTail.lastLine(in: path, chunk: chunk) { $0.hasPrefix("{") ? $0 : nil }
    }

    func testTheLastAcceptedLineIsFoundWhateverTheChunkSize() throws {
        let long = "{" + String(repeating: "x", count: 50) + "}"
        let path = try file("{first}\n\(long)\nnoise\nmore noise that is long\n\n")
        for chunk in [1, 2, 3, 7, 16, 60, 64 * 1024] {
            XCTAssertEqual(lastBrace(path, chunk: chunk), long, "chunk \(chunk)")
        }
        let unterminated = try file("{a}\nplain\n{b}")
        for chunk in [1, 2, 5, 100] { XCTAssertEqual(lastBrace(unterminated, chunk: chunk), "{b}", "chunk \(chunk)") }
        let onlyFirst = try file("{only}\n" + String(repeating: "no\n", count: 40))
        for chunk in [1, 4, 9, 1000] { XCTAssertEqual(lastBrace(onlyFirst, chunk: chunk), "{only}", "chunk \(chunk)") }
    }

    func testNothingAcceptedOrNoFileIsNil() throws {
        XCTAssertNil(lastBrace(try file(""), chunk: 4))
        XCTAssertNil(lastBrace(try file("a\nb\n"), chunk: 1))
        XCTAssertNil(lastBrace("/nonexistent/\(UUID().uuidString)", chunk: 4))
    }
}
