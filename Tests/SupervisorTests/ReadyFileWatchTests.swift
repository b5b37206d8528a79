import Foundation
import XCTest
@testable import Supervisor
import SupervisorPlatform

/// The READY file is waited for with a directory watch, not a poll.
final class ReadyFileWatchTests: XCTestCase {
    func testTheFolderOfAReadyFile() {
        XCTAssertEqual(ReadyProbe.folder(of: "results/_invoker/ready.json"), "results/_invoker")
        XCTAssertEqual(ReadyProbe.folder(of: "/ready.json"), "/")
        XCTAssertEqual(ReadyProbe.folder(of: "ready.json"), ".")
        XCTAssertEqual(ReadyProbe.folder(of: "C:\\results\\ready.json"), "C:\\results")
        XCTAssertEqual(ReadyProbe.folder(of: "C:\\ready.json"), "C:\\")
    }

    #if os(Linux)
    func testAWatchWakesWhenAFileAppearsAndCannotWatchAMissingFolder() throws {
        let folder = NSTemporaryDirectory() + "watch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        XCTAssertNil(DirectoryWatch.open(folder + "/missing"))
        let watch = try XCTUnwrap(DirectoryWatch.open(folder))
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) {
            FileManager.default.createFile(atPath: folder + "/ready.json", contents: Data("{}".utf8))
        }
        let started = Date()
        // Each change wakes the wait (a temporary file, then its rename): look after each.
        while !FileManager.default.fileExists(atPath: folder + "/ready.json") && Date().timeIntervalSince(started) < 25 {
            watch.wait(timeout: 30)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 25, "woken by the file, not by the timeout")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/ready.json"))
    }

    func testAReadyFileIsReportedOnceItAppears() throws {
        let folder = NSTemporaryDirectory() + "probe-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let reported = expectation(description: "READY reported")
        let probe = ReadyProbe(signal: .file(folder + "/ready.json"), notBefore: Date().timeIntervalSince1970) { reported.fulfill() }
        probe.startPolling()
        defer { probe.cancel() }
        try Data("{\"ready\":true}".utf8).write(to: URL(fileURLWithPath: folder + "/ready.json"), options: .atomic)
        wait(for: [reported], timeout: 30)
    }
    #endif
}
