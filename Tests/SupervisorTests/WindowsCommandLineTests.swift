import XCTest
@testable import Supervisor

/// Argument quoting for CreateProcessW, checked against the documented CommandLineToArgvW examples.
final class WindowsCommandLineTests: XCTestCase {
    func testPlainArgumentsStayBare() {
        XCTAssertEqual(WindowsCommandLine.join(["pwsh", "-NoProfile", "-File", "tools\\Run-Compare.ps1"]),
                       "pwsh -NoProfile -File tools\\Run-Compare.ps1")
    }

    func testSpacesAndEmptyArgumentsAreQuoted() {
        XCTAssertEqual(WindowsCommandLine.join(["C:\\Program Files\\National Instruments\\Shared\\LabVIEW Compare\\LVCompare.exe", ""]),
                       "\"C:\\Program Files\\National Instruments\\Shared\\LabVIEW Compare\\LVCompare.exe\" \"\"")
    }

    func testQuotesAndBackslashesFollowTheCRuntimeRules() {
        XCTAssertEqual(WindowsCommandLine.quote("a\"b"), #""a\"b""#)
        XCTAssertEqual(WindowsCommandLine.quote("a\\\"b c"), #""a\\\"b c""#)
        XCTAssertEqual(WindowsCommandLine.quote("C:\\out dir\\"), #""C:\out dir\\""#)
        XCTAssertEqual(WindowsCommandLine.quote("C:\\no\\space\\"), #"C:\no\space\"#)
    }
}
