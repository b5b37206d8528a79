import XCTest
@testable import ProcessProbe

/// The byte-level pre-filter never rules out a name that `ProcessName.matches` would accept.
final class WatchedNamesTests: XCTestCase {
    private let raws = [
        "pwsh", "PWSH", "pwsh.exe", "PwSh.EXE", "/usr/bin/pwsh", "C:\\Program Files\\pwsh.exe", "pwsh/", "pwsh//", "/", "",
        ".exe", "lvcompare", "LVCompare.exe", "LabVIEW", "labview.EXE", "bash", "kworker/0:1", "pwsh2", "pws", "xpwsh",
        "\u{212A}ernel", "LVCompare\u{0301}", "LVCompar\u{212A}", "p\u{FFFD}wsh", "LabVIEW.ex", "sh.exe.exe",
    ]

    func testNothingTheSlowRuleAcceptsIsRuledOut() {
        for names in [ProcessProbe.defaultWatch, ["pwsh.exe"], ["C:\\x\\LVCompare.EXE"], ["kelvin\u{212A}"], ["sh.exe"]] {
            let watched = WatchedNames(names)
            for raw in raws {
                let slow = ProcessProbe.isWatched(raw, by: names)
                let fast = watched.mayMatch(ArraySlice(Array(raw.utf8)))
                XCTAssertTrue(fast || !slow, "'\(raw)' ruled out for \(names) although it matches")
                if raw.utf8.allSatisfy({ $0 < 0x80 }) && names.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
                    XCTAssertEqual(fast, slow, "'\(raw)' for \(names): ASCII names are decided exactly")
                }
            }
        }
    }
}
