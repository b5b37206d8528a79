import XCTest
@testable import ProcessProbe

/// /proc parsing on samples captured from a real Linux machine (Debian 12, kernel clock 100 Hz).
final class ProcStatTests: XCTestCase {
    private let initLine = "1 (process_api) S 0 0 0 0 -1 4194560 41980 862587 0 152 97 402 2149 1083 10 -10 13 0 25 38236160 2307 18446744073709551615 1 1 0 0 0 0 0 4096 1256 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0"
    private let catLine = "4636 (cat) R 4633 4633 1306 0 -1 4194304 98 0 0 0 0 0 0 0 20 0 1 0 141173 3133440 394 18446744073709551615 94640626618368 94640626638249 140725052388608 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 94640626654256 94640626655872 94640917950464 140725052390094 140725052390114 140725052390114 140725052391403 0"
    private let oddNameLine = "4641 (we ird) name) S 4638 4633 1306 0 -1 4194304 99 0 0 0 0 0 0 0 20 0 1 0 141174 2990080 405 18446744073709551615 94558972588032 94558972605961 140722363194368 0 0 0 0 0 0 1 0 0 17 1 0 0 0 0 0 94558972620048 94558972621312 94559230922752 140722363202244 140722363202264 140722363202264 140722363203558 0"

    func testParsesPidParentGroupStateAndStartTicks() throws {
        let stat = try XCTUnwrap(ProcStat.parse(catLine))
        XCTAssertEqual(stat, ProcStat(pid: 4636, comm: "cat", state: "R", parentPID: 4633, processGroup: 4633, startTicks: 141173))
        XCTAssertEqual(ProcStat.parse(initLine)?.startTicks, 25)
    }

    func testCommandNameWithSpacesAndParenthesesRunsToTheLastParenthesis() throws {
        let stat = try XCTUnwrap(ProcStat.parse(oddNameLine))
        XCTAssertEqual(stat.comm, "we ird) name")
        XCTAssertEqual(stat.parentPID, 4638)
        XCTAssertEqual(stat.startTicks, 141174)
    }

    /// Issue 18's reproducer: a process renamed itself (`prctl(PR_SET_NAME)`) to the 10 bytes
    /// `) Z 9 9 \u{600}`. U+0600 merges with the `)` that follows into one Character, so a parser
    /// on Characters found the name's own `)` as the last one and read state Z, parent 9, group 9.
    func testNameThatForgesFieldsIsReadAsBytesUpToTheLastParenthesis() throws {
        let name = ") Z 9 9 \u{600}"
        XCTAssertEqual(name.utf8.count, 10)
        let line = "4700 (\(name)) S 4638 4633 1306 0 -1 4194304 99 0 0 0 0 0 0 0 20 0 1 0 141175 2990080 405 18446744073709551615 0"
        let stat = try XCTUnwrap(ProcStat.parse(bytes: Array(line.utf8)))
        XCTAssertEqual(stat, ProcStat(pid: 4700, comm: name, state: "S", parentPID: 4638, processGroup: 4633, startTicks: 141175))
        XCTAssertEqual(ProcStat.parse(line), stat)
    }

    func testNameBytesThatAreNotUTF8DoNotShiftTheFields() throws {
        let line = Array("4701 (".utf8) + [0xFF, 0xCC, 0x29, 0x20, 0x5A] + Array(") R 1 1 0 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 77 0 0\n".utf8)
        let stat = try XCTUnwrap(ProcStat.parse(bytes: line))
        XCTAssertEqual(stat.state, "R")
        XCTAssertEqual(stat.parentPID, 1)
        XCTAssertEqual(stat.startTicks, 77)
    }

    /// Found by Fuzz/procstat.swift: numbers were refused past 20 digits even when leading zeros
    /// kept them in range, and the type's minimum could not be written.
    func testNumbersWithLeadingZerosAndTheMinimumParse() throws {
        let found = try XCTUnwrap(Data(base64Encoded: "LTQoKSAmIC0xIDIgICAgLTQoKSAnIC0xIDIgICAyICAgKwEgICABICAhICAgIGErKysrKysgDUEAFiAwMDAwMDE3ODgyOTk1ODgyNDQyODI0ODE4IDIgABYg"))
        let stat = try XCTUnwrap(ProcStat.parse(bytes: Array(found)))
        XCTAssertEqual(stat.startTicks, 17882995882442824818)
        XCTAssertEqual(stat.pid, -4)
        XCTAssertEqual(Int32(decimal: Array("-2147483648".utf8)[...]), Int32.min)
        XCTAssertNil(Int32(decimal: Array("2147483648".utf8)[...]))
        XCTAssertNil(UInt64(decimal: Array("-0".utf8)[...]))
    }

    func testRejectsTruncatedOrForeignText() {
        XCTAssertNil(ProcStat.parse(""))
        XCTAssertNil(ProcStat.parse("4636 (cat) R 4633"))
        XCTAssertNil(ProcStat.parse("not a stat line"))
    }

    func testStartTimeFromBootTimeAndTicks() throws {
        let boot = try XCTUnwrap(ProcStat.bootTime(fromProcStat: "cpu  1 2 3\nintr 5\nbtime 1795692038\nprocesses 4700\n"))
        XCTAssertEqual(boot, 1795692038)
        let stat = try XCTUnwrap(ProcStat.parse(catLine))
        XCTAssertEqual(stat.startTime(bootTime: boot, ticksPerSecond: 100).timeIntervalSince1970, 1795692038 + 1411.73, accuracy: 0.0001)
    }

    func testCmdlineSplitsOnNul() {
        let bytes = Array("/tmp/we ird) name\u{0}5\u{0}".utf8)
        XCTAssertEqual(ProcStat.arguments(fromCmdline: bytes), ["/tmp/we ird) name", "5"])
        XCTAssertEqual(ProcStat.arguments(fromCmdline: []), [])
    }

    func testImageNameUsesTheFullFileNameWhenCommWasCut() {
        XCTAssertEqual(ProcStat.imageName(comm: "invoker-supervi", arguments: ["/opt/bin/invoker-supervisor", "run"]), "invoker-supervisor")
        XCTAssertEqual(ProcStat.imageName(comm: "LVCompare", arguments: ["/x/LVCompare"]), "LVCompare")
        XCTAssertEqual(ProcStat.imageName(comm: "abcdefghijklmno", arguments: ["/x/other"]), "abcdefghijklmno")
    }

    func testNamesCompareWithoutExeAndCase() {
        XCTAssertEqual(ProcessName.normalized("C:\\Program Files\\National Instruments\\Shared\\LabVIEW Compare\\LVCompare.exe"), "LVCompare")
        XCTAssertTrue(ProcessName.matches("labview.EXE", "LabVIEW"))
        XCTAssertFalse(ProcessName.matches("LabVIEWCLI", "LabVIEW"))
    }
}
