import XCTest
@testable import Supervisor

/// The READY line pattern: the supported subset agrees with Swift's Regex, the rest is refused
/// naming the construct, and no pattern takes long on a hostile line.
final class ReadyPatternTests: XCTestCase {
    private let lines = ["READY", "[invoker] READY pid=42", "ready", "READYNESS", "not READY", "", "Listening on port 8765",
                         "a.b", "axb", "tab\there", "Invoker ready (pipe=fake)", "aaaa", "abab", "x-y", "ÉTÉ"]

    func testAgreesWithSwiftRegexOnTheSubset() throws {
        let patterns = ["READY", "^READY$", "^READY\\b", "\\bready\\b", "READY\\B", "(?i)ready", "[Rr]eady", "[^a-z ]+",
                        "port \\d+", "port \\d{2,4}$", "a\\.b", "a.b", "(ab)+", "(?:ab){2}", "^(READY|ready)$", "x|y|z",
                        "\\w+\\s\\w+", "\\S\\s\\S", "[\\d-]", "\\(pipe=\\w+\\)", "^$", "a{0,2}$", "a*?b", "[a-c]{3,}", "É"]
        for pattern in patterns {
            let ours = try ReadyPattern(pattern)
            var regex = try Regex(pattern)
            regex = regex.matchingSemantics(.unicodeScalar)
            for line in lines {
                XCTAssertEqual(ours.matches(line), line.contains(regex), "pattern \(pattern) on \(line.debugDescription)")
            }
        }
    }

    func testClassesAreASCIIAsDocumented() throws {
        XCTAssertTrue(try ReadyPattern("^READY\\b").matches("READY\u{0301}"), "a combining mark is not a word character here")
        XCTAssertFalse(try ReadyPattern("\\w").matches("é"))
    }

    func testUnsupportedConstructsAreRefusedByName() {
        for (pattern, words) in [("(a)\\1", "\\1"), ("(?=READY)", "look-around"), ("(?<name>x)", "(?…)"), ("a++", "possessive"),
                                 ("a{1001}", "1000"), ("[abc", "unclosed '['"), ("(ab", "unclosed '('"), ("ab)", "unbalanced"),
                                 ("*a", "nothing to repeat"), ("", "empty"), ("\\", "ending")] {
            XCTAssertThrowsError(try ReadyPattern(pattern), pattern) { error in
                XCTAssertTrue("\(error)".contains(words), "\(pattern): \(error)")
            }
        }
    }

    func testAPathologicalPatternStaysLinear() throws {
        let pattern = try ReadyPattern("^(a+)+$")
        let hostile = String(repeating: "a", count: 60_000) + "b"
        // Backtracking would not finish on this line; the NFA simulation reads it once.
        XCTAssertFalse(pattern.matches(hostile))
        XCTAssertTrue(pattern.matches("aaaa"))
    }
}
