import XCTest
@testable import Supervisor

/// The config's JSON reader: strings with and without escapes, the path of a repeated key, and
/// where it stops on bytes that are not UTF-8.
final class JSONParserTests: XCTestCase {
    func testStringsWithAndWithoutEscapes() throws {
        let value = try JSONParser.parse(Array(#"{"plain":"ünï","esc":"a\"b\\c\/d\n\u00e9\ud83d\ude00","mixed":"é\te"}"#.utf8))
        XCTAssertEqual(value, .object(["plain": .string("ünï"), "esc": .string("a\"b\\c/d\né😀"), "mixed": .string("é\te")]))
    }

    func testRepeatedKeyIsNamedByItsPath() {
        XCTAssertThrowsError(try JSONParser.parse(Array(#"{"steps":[{"name":"a"},{"name":"b","name":"c"}]}"#.utf8))) { error in
            XCTAssertEqual((error as? JSONParser.Failure)?.duplicateKey, "steps[1].name")
            XCTAssertEqual((error as? JSONParser.Failure)?.description, "the key 'name' appears twice in one object at line 1, column 36")
        }
        XCTAssertThrowsError(try JSONParser.parse(Array(#"[{"a":1,"a":2}]"#.utf8))) { error in
            XCTAssertEqual((error as? JSONParser.Failure)?.duplicateKey, "[0].a")
        }
    }

    func testBytesThatAreNotUTF8() {
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xE2, 0x82, 0x5C, 0x6E, 0x22], [0x22, 0x5C, 0x6E, 0xC3, 0x22]] {
            XCTAssertThrowsError(try JSONParser.parse(bytes)) { error in
                XCTAssertTrue("\(error)".hasPrefix("text that is not UTF-8"), "\(error)")
            }
        }
    }
}
