import XCTest
import SupervisorPlatform
@testable import Supervisor

/// The Windows decisions (environment, program lookup, paths, quoting, batch files, the spawn plan)
/// as plain code, tested here with the names a GitHub runner really sets and hostile arguments.
final class WindowsEnvironmentTests: XCTestCase {
    /// A slice of a windows-latest runner's environment, as `set` prints it.
    private let runner = [
        "Path": "C:\\Windows\\system32;C:\\Program Files\\PowerShell\\7", "PATHEXT": ".COM;.EXE;.BAT;.CMD;.VBS;.PS1",
        "GITHUB_ACTIONS": "true", "GITHUB_ACTION_PATH": "C:\\a\\_actions\\x", "GITHUB_ACTION": "__run",
        "GITHUB_ACTION_REF": "", "ComSpec": "C:\\Windows\\system32\\cmd.exe", "RUNNER_TEMP": "D:\\a\\_temp",
        "windir": "C:\\Windows", "SystemRoot": "C:\\Windows",
    ]

    func testConfigPATHReplacesInheritedPathAsOneVariable() {
        let merged = WindowsEnvironment.merge(runner, ["PATH": "C:\\tools"])
        XCTAssertEqual(merged.keys.filter { $0.uppercased() == "PATH" }, ["PATH"])
        XCTAssertEqual(merged["PATH"], "C:\\tools")
        XCTAssertEqual(WindowsEnvironment.value("path", in: merged), "C:\\tools")
        XCTAssertEqual(merged.count, runner.count)
    }

    func testInheritedDuplicatesKeepOneDeterministically() {
        for _ in 0..<20 {
            let merged = WindowsEnvironment.merge(["Path": "b", "PATH": "a"], [:])
            XCTAssertEqual(merged, ["PATH": "a"])
        }
    }

    func testBlockIsSortedAsWindowsSortsByUpperCase() {
        let names = WindowsEnvironment.sorted(runner).map(\.name)
        XCTAssertEqual(names, ["ComSpec", "GITHUB_ACTION", "GITHUB_ACTION_PATH", "GITHUB_ACTION_REF", "GITHUB_ACTIONS",
                               "Path", "PATHEXT", "RUNNER_TEMP", "SystemRoot", "windir"].sorted { a, b in
                                   Array(a.uppercased().utf16).lexicographicallyPrecedes(b.uppercased().utf16) })
        XCTAssertLessThan(names.firstIndex(of: "GITHUB_ACTIONS")!, names.firstIndex(of: "GITHUB_ACTION_PATH")!,
                          "'S' (0x53) sorts before '_' (0x5F) when folded to upper case; 's' (0x73) would sort after")
        XCTAssertEqual(WindowsEnvironment.sorted(["GITHUB_ACTIONS": "", "GITHUB_ACTION_PATH": ""]).map(\.name),
                       ["GITHUB_ACTIONS", "GITHUB_ACTION_PATH"])
        XCTAssertEqual(WindowsEnvironment.sorted(["github_actions": "", "github_action_path": ""]).map(\.name),
                       ["github_actions", "github_action_path"])
    }

    func testBlockLayout() {
        XCTAssertEqual(WindowsEnvironment.block([:]), [0, 0])
        XCTAssertEqual(String(decoding: WindowsEnvironment.block(["b": "2", "A": "1"]), as: UTF16.self), "A=1\0b=2\0\0")
    }
}

final class WindowsLookupTests: XCTestCase {
    private func lookup(_ environment: [String: String], files: Set<String>) -> ExecutableLookup {
        .windows(environment: environment) { files.contains($0.lowercased()) }
    }

    func testSearchesTheMergedPathInOrderWithPathExtOrder() throws {
        let environment = WindowsEnvironment.merge(["Path": "C:\\old"], ["PATH": "\"C:\\Program Files\\PowerShell\\7\";;C:\\tools\\"])
        let found = lookup(environment, files: ["c:\\program files\\powershell\\7\\pwsh.exe", "c:\\old\\pwsh.exe",
                                               "c:\\tools\\run.bat", "c:\\tools\\run.cmd"])
        XCTAssertEqual(try found.resolve("pwsh", workingDirectory: "C:\\work"), "C:\\Program Files\\PowerShell\\7\\pwsh.exe")
        XCTAssertEqual(try found.resolve("run", workingDirectory: "C:\\work"), "C:\\tools\\run.bat")
    }

    func testExplicitExtensionWinsAndPathExtIsCaseInsensitive() throws {
        let found = lookup(["PATH": "C:\\bin", "pathext": ".exe;.cmd"], files: ["c:\\bin\\lvcompare.exe", "c:\\bin\\lvcompare.exe.cmd", "c:\\bin\\x.cmd"])
        XCTAssertEqual(try found.resolve("LVCompare.EXE", workingDirectory: "C:\\w"), "C:\\bin\\LVCompare.EXE")
        XCTAssertEqual(try found.resolve("x", workingDirectory: "C:\\w"), "C:\\bin\\x.cmd")
    }

    func testCurrentFolderIsNeverSearchedForABareName() {
        let found = lookup(["PATH": "C:\\bin"], files: ["c:\\work\\pwsh.exe"])
        XCTAssertThrowsError(try found.resolve("pwsh", workingDirectory: "C:\\work")) { error in
            XCTAssertEqual("\(error)", "pwsh: not found in PATH")
        }
        XCTAssertEqual(try? found.resolve(".\\pwsh", workingDirectory: "C:\\work"), "C:\\work\\pwsh.exe")
    }

    func testFolderNamesResolveAgainstTheWorkingFolder() throws {
        let found = lookup([:], files: ["c:\\repo\\tools\\fake.exe", "d:\\x\\y.cmd"])
        XCTAssertEqual(try found.resolve("tools/fake", workingDirectory: "C:\\repo\\ci\\.."), "C:\\repo\\tools\\fake.exe")
        XCTAssertEqual(try found.resolve("D:/x/y.cmd", workingDirectory: "C:\\repo"), "D:\\x\\y.cmd")
        XCTAssertThrowsError(try found.resolve("tools\\missing", workingDirectory: "C:\\repo")) { error in
            XCTAssertEqual("\(error)", "C:\\repo\\tools\\missing: not found (tried C:\\repo\\tools\\missing.com, C:\\repo\\tools\\missing.exe, C:\\repo\\tools\\missing.bat, C:\\repo\\tools\\missing.cmd)")
        }
    }

    func testPaths() {
        XCTAssertEqual(WindowsPath.absolute("..\\bin\\.\\LVCompare.exe", against: "C:\\repo\\ci"), "C:\\repo\\bin\\LVCompare.exe")
        XCTAssertEqual(WindowsPath.absolute("C:/a//b/../c/", against: "D:\\x"), "C:\\a\\c")
        XCTAssertEqual(WindowsPath.absolute("\\tools\\x.exe", against: "D:\\work"), "D:\\tools\\x.exe")
        XCTAssertEqual(WindowsPath.absolute("x", against: "\\\\srv\\share\\ci"), "\\\\srv\\share\\ci\\x")
        XCTAssertEqual(WindowsPath.absolute("..\\..\\..", against: "\\\\srv\\share\\ci"), "\\\\srv\\share\\")
        XCTAssertEqual(WindowsPath.absolute("\\\\?\\C:\\long", against: "D:\\"), "\\\\?\\C:\\long")
        XCTAssertEqual(WindowsPath.absolute("c:out", against: "C:\\work"), "C:\\work\\out")
        XCTAssertEqual(WindowsPath.absolute("e:out", against: "C:\\work"), "e:\\out")
        XCTAssertEqual(WindowsPath.pathExtension("C:\\a.b\\tool"), nil)
        XCTAssertEqual(WindowsPath.pathExtension("run.CMD"), ".CMD")
    }
}

final class WindowsQuotingTests: XCTestCase {
    func testProgramAndArguments() throws {
        XCTAssertEqual(try WindowsCommandLine.join(program: "pwsh", arguments: ["-NoProfile", "-File", "tools\\Run-Compare.ps1"]),
                       "pwsh -NoProfile -File tools\\Run-Compare.ps1")
        XCTAssertEqual(try WindowsCommandLine.join(program: "C:\\Program Files\\LabVIEW Compare\\LVCompare.exe", arguments: [""]),
                       "\"C:\\Program Files\\LabVIEW Compare\\LVCompare.exe\" \"\"")
        XCTAssertEqual(try WindowsCommandLine.join(program: "C:\\odd dir\\", arguments: []), "\"C:\\odd dir\\\"",
                       "the program name has no escapes: a trailing backslash is not doubled")
        XCTAssertThrowsError(try WindowsCommandLine.join(program: "C:\\a\"b.exe", arguments: []))
        XCTAssertEqual(WindowsCommandLine.quote("a\"b"), #""a\"b""#)
        XCTAssertEqual(WindowsCommandLine.quote("C:\\out dir\\"), #""C:\out dir\\""#)
        XCTAssertEqual(WindowsCommandLine.quote("C:\\no\\space\\"), #"C:\no\space\"#)
    }

    /// Issue 18's reproducers: space + U+0320 and quote + U+0301 are one `Character` each, which
    /// hid the space and the quote from a quoting rule on Characters.
    func testCombiningMarksCannotHideSpacesOrQuotes() throws {
        XCTAssertEqual(WindowsCommandLine.quote(" \u{0320}x"), "\" \u{0320}x\"")
        XCTAssertEqual(WindowsCommandLine.quote("a\"\u{0301}b"), "\"a\\\"\u{0301}b\"")
        for argument in [" \u{0320}x", "a\"\u{0301}b", "\u{0301} ", "a\t\u{0300}"] {
            let line = try WindowsCommandLine.join(program: "p", arguments: [argument])
            XCTAssertEqual(CommandLineToArgvModel.parse(line), ["p", argument], line)
        }
    }

    /// Random vectors of quotes, backslash runs, spaces, tabs, combining marks and empty strings
    /// come back unchanged through the model of `CommandLineToArgvW`.
    func testRoundTripThroughCommandLineToArgvModel() throws {
        let pieces = ["\"", "\\", "\\\\", " ", "\t", "a", "\u{0301}", "\u{0320}", "é", "", "\"\"", "x y", "\\\""]
        var generator = SplitMix(seed: 0x5EED)
        for _ in 0..<3000 {
            let vector = (0..<Int(generator.next() % 5)).map { _ in
                (0..<Int(generator.next() % 6)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            }
            let line = try WindowsCommandLine.join(program: "C:\\Program Files\\x.exe", arguments: vector)
            XCTAssertEqual(CommandLineToArgvModel.parse(line), ["C:\\Program Files\\x.exe"] + vector, line)
        }
    }

    func testBatchFilesRefuseWhatCmdWouldInterpret() {
        let hostile = ["a\"b", "100%", "%PATH%", "wow!", "a^b", "x&calc", "a|b", "<in", ">out", "line\nnext", "cr\r", "\u{0}"]
        for argument in hostile {
            XCTAssertThrowsError(try WindowsBatchLine.commandLine(interpreter: "C:\\Windows\\System32\\cmd.exe",
                                                                  script: "C:\\ci\\run.cmd", arguments: ["ok", argument])) { error in
                XCTAssertTrue("\(error)".hasPrefix("argument 2 "), "\(error)")
                XCTAssertFalse("\(error)".contains("\n"))
            }
        }
        XCTAssertThrowsError(try WindowsBatchLine.commandLine(interpreter: "cmd.exe", script: "C:\\100%\\run.bat", arguments: []))
    }

    func testBatchFilesQuoteForCmd() throws {
        XCTAssertEqual(try WindowsBatchLine.commandLine(interpreter: "C:\\Windows\\System32\\cmd.exe", script: "C:\\My CI\\run.cmd",
                                                        arguments: ["plain", "two words", "", "a=b", "(x)", "C:\\dir\\"]),
                       #"C:\Windows\System32\cmd.exe /d /e:ON /v:OFF /s /c ""C:\My CI\run.cmd" plain "two words" "" "a=b" "(x)" C:\dir\""#)
    }

    func testSpawnPlan() throws {
        let request = SpawnRequest(executable: "C:\\ci\\start.CMD", arguments: ["start", "x y"], workingDirectory: "C:\\ci",
                                   environment: ["b": "1", "A": "2"], stdout: .pipe, stderr: .inherit, domain: .tree)
        let plan = try WindowsSpawnPlan(request, commandInterpreter: "C:\\Windows\\System32\\cmd.exe")
        XCTAssertEqual(plan.application, "C:\\Windows\\System32\\cmd.exe")
        XCTAssertEqual(plan.commandLine, #"C:\Windows\System32\cmd.exe /d /e:ON /v:OFF /s /c ""C:\ci\start.CMD" "x y"""#)
        XCTAssertEqual(plan.job, .killedWithSupervisor)
        XCTAssertEqual(String(decoding: plan.environmentBlock, as: UTF16.self), "A=2\0b=1\0\0")
        var exe = request
        exe.executable = "C:\\bin\\fake.exe"
        exe.domain = .treeKeptAfterExit
        XCTAssertEqual(try WindowsSpawnPlan(exe, commandInterpreter: "cmd").application, "C:\\bin\\fake.exe")
        XCTAssertEqual(try WindowsSpawnPlan(exe, commandInterpreter: "cmd").commandLine, "C:\\bin\\fake.exe \"x y\"")
        XCTAssertEqual(try WindowsSpawnPlan(exe, commandInterpreter: "cmd").job, .named)
        exe.domain = .detached
        XCTAssertNil(try WindowsSpawnPlan(exe, commandInterpreter: "cmd").job)
        exe.arguments = ["x", "a\0b"]
        XCTAssertThrowsError(try WindowsSpawnPlan(exe, commandInterpreter: "cmd"))
        XCTAssertEqual(WindowsSpawnPlan.jobName(supervisorPID: 10, childPID: 42), "Local\\invoker-supervisor-10-42")
    }
}

/// A small deterministic generator for property tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

final class StateDirectoryTests: XCTestCase {
    func testPerPlatformDefaults() {
        XCTAssertEqual(StateDirectory.default(["LocalAppData": "C:\\Users\\runner\\AppData\\Local"], os: .windows),
                       "C:\\Users\\runner\\AppData\\Local\\invoker-supervisor")
        XCTAssertEqual(StateDirectory.default([:], os: .windows, temporary: "C:\\Temp\\"), "C:\\Temp\\invoker-supervisor")
        XCTAssertEqual(StateDirectory.default(["XDG_STATE_HOME": "/s", "HOME": "/h"], os: .posix), "/s/invoker-supervisor")
        XCTAssertEqual(StateDirectory.default(["HOME": "/h"], os: .posix), "/h/.local/state/invoker-supervisor")
    }
}
