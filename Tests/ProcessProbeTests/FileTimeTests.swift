import XCTest
@testable import ProcessProbe

/// FILETIME conversion, with values as GetProcessTimes returns them.
final class FileTimeTests: XCTestCase {
    func testUnixEpoch() {
        XCTAssertEqual(FileTime.date(ticks: 116_444_736_000_000_000).timeIntervalSince1970, 0)
    }

    func testProcessStartTimeFromItsHalves() {
        // 2026-11-26T11:21:29.1234567Z as a FILETIME's low and high words.
        let ticks = FileTime.ticks(low: 0x4839_D907, high: 0x01DD_7D98)
        XCTAssertEqual(ticks, 134_401_656_891_234_567)
        XCTAssertEqual(FileTime.date(ticks: ticks).timeIntervalSince1970, 1_795_692_089.1234567, accuracy: 1e-6)
    }

    func testSubSecondPrecisionIsKept() {
        let date = FileTime.date(ticks: 116_444_736_000_000_000 + 12_345_678)
        XCTAssertEqual(date.timeIntervalSince1970, 1.2345678, accuracy: 1e-7)
    }
}
