// A stand-in for the seed repo's PowerShell invoker, LVCompare and LabVIEW, used by the tests,
// the demo and the benchmark. Every behaviour is a command-line knob; see `usage` below.
import Foundation
#if os(Linux)
import Glibc

let usage = """
usage: fake-invoker [knobs]
  --boot-delay S        wait S seconds before signalling READY (or crashing)
  --ready-file PATH     signal READY by writing an invoker-ready/v1 JSON file (atomically)
  --ready-line TEXT     signal READY by printing TEXT on stdout
  --ready-port N        signal READY by listening on 127.0.0.1:N
  --stamp FILE          append the epoch time (µs) just before READY is signalled
  --start-stamp FILE    append the epoch time (µs) as the program begins (after reading its arguments)
  --crash CODE          exit with CODE after the boot delay, before READY
  --hang                never signal READY
  --exit-after S        exit 0 S seconds after READY (default: run until stopped)
  --grandchildren A,B   start children named A, B (e.g. pwsh,LVCompare,LabVIEW) that sleep forever
  --pid-file PATH       write own PID then the children's PIDs, one per line
  --ignore-term         ignore SIGTERM (so only a kill stops it); also the children started by
                        --grandchildren and --escape
  --escape A,B          start processes named A, B that leave the tree as daemons do: each is
                        started by an intermediate that calls setsid() and exits (a double fork),
                        so they are in another session and process group, orphaned; their PIDs are
                        appended to the --pid-file
  --noise N             print N lines of chatter on stdout and stderr before READY
  --serve-queue DIR     after READY, answer the seed's file-queue Ping: DIR/requests/<id>.json -> DIR/responses/<id>.json
  --serve-after S       start answering only S seconds after READY (the seed's bug #87)
  --serving-stamp FILE  append the epoch time (µs) at which answering began
  --serve-for S         stop answering S seconds after starting to (keep running: a hung invoker)
  --compare-exec PATH   write a compare-exec/v1 file as the seed's CompareVI does (LVCompare exit code 1: a diff)
  --queue-error         answer every request with {"ok":false,"error":...}
"""

var options: [String: String] = [:]
var flags: Set<String> = []
var index = 1
let arguments = CommandLine.arguments
while index < arguments.count {
    let name = arguments[index]
    if ["--hang", "--ignore-term", "--sleep", "--queue-error", "--setsid"].contains(name) {
        flags.insert(name)
    } else if name.hasPrefix("--"), index + 1 < arguments.count {
        options[name] = arguments[index + 1]
        index += 1
    } else {
        FileHandle.standardError.write(Data("fake-invoker: unknown argument \(name)\n\(usage)\n".utf8))
        exit(2)
    }
    index += 1
}
stamp(to: options["--start-stamp"])

/// One line on stdout in one write(2), so a READY line leaves the moment its stamp is taken.
func say(_ text: String) {
    let bytes = Array((text + "\n").utf8)
    _ = bytes.withUnsafeBufferPointer { write(1, $0.baseAddress, $0.count) }
}

func sleepForever() -> Never {
    while true { sleep(3600) }
}

func ownExecutable() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
}

/// Starts a copy of this program under another image name (a symlink named `name`), sleeping forever.
func spawnNamed(_ name: String, ignoringTerm: Bool) -> pid_t {
    let folder = NSTemporaryDirectory() + "fake-invoker-names-\(getuid())"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let link = folder + "/" + name
    if (try? FileManager.default.destinationOfSymbolicLink(atPath: link)) != ownExecutable() {
        try? FileManager.default.removeItem(atPath: link)
        try? FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: ownExecutable())
    }
    var pid: pid_t = 0
    let argv = [strdup(link), strdup("--sleep")] + (ignoringTerm ? [strdup("--ignore-term")] : []) + [nil]
    defer { argv.forEach { free($0) } }
    let result = posix_spawn(&pid, link, nil, nil, argv, environ)
    guard result == 0 else {
        FileHandle.standardError.write(Data("fake-invoker: cannot start \(name): \(result)\n".utf8))
        exit(4)
    }
    return pid
}

func listen(port: UInt16) -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0, Glibc.listen(fd, 16) == 0 else {
        FileHandle.standardError.write(Data("fake-invoker: cannot listen on port \(port)\n".utf8))
        exit(5)
    }
    return fd
}

func appendLine(_ line: String, to path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    _ = (line + "\n").withCString { write(fd, $0, strlen($0)) }
    close(fd)
}

func stamp(to path: String?) {
    guard let path else { return }
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    let micros = Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000
    let line = "\(micros)\n"
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    _ = line.withCString { write(fd, $0, strlen($0)) }
    close(fd)
}

if flags.contains("--ignore-term") { signal(SIGTERM, SIG_IGN) }
if flags.contains("--sleep") { sleepForever() }
/// The intermediate of a double fork: a new session, one named child, then gone.
if let name = options["--daemonize"] {
    if flags.contains("--setsid") { setsid() }
    let child = spawnNamed(name, ignoringTerm: flags.contains("--ignore-term"))
    if let path = options["--pid-file"] { appendLine("\(child)", to: path) }
    exit(0)
}
if let path = options["--compare-exec"] {
    let me = ownExecutable()
    let exec: [String: Any] = [
        "schema": "compare-exec/v1", "generatedAt": ISO8601DateFormatter().string(from: Date()), "cliPath": me,
        "command": "\"\(me)\" VI1.vi VI2.vi", "args": [String](), "exitCode": 1, "diff": true,
        "cwd": FileManager.default.currentDirectoryPath, "duration_s": 0.25, "duration_ns": 250_000_000, "base": me, "head": me,
    ]
    try? JSONSerialization.data(withJSONObject: exec, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: path))
}

var pids = [getpid()]
for name in (options["--grandchildren"] ?? "").split(separator: ",") {
    pids.append(spawnNamed(String(name), ignoringTerm: flags.contains("--ignore-term")))
}
if let path = options["--pid-file"] {
    try? pids.map(String.init).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
}
for name in (options["--escape"] ?? "").split(separator: ",") {
    var intermediate: pid_t = 0
    var argv = [ownExecutable(), "--daemonize", String(name), "--setsid"] + (flags.contains("--ignore-term") ? ["--ignore-term"] : [])
    if let path = options["--pid-file"] { argv += ["--pid-file", path] }
    let cArgs = argv.map { strdup($0) } + [nil]
    defer { cArgs.forEach { free($0) } }
    guard posix_spawn(&intermediate, ownExecutable(), nil, nil, cArgs, environ) == 0 else { exit(4) }
    var status: Int32 = 0
    waitpid(intermediate, &status, 0)
}
for number in 0..<(Int(options["--noise"] ?? "0") ?? 0) {
    say("fake-invoker: chatter \(number)")
    FileHandle.standardError.write(Data("fake-invoker: warning \(number)\n".utf8))
}
if let delay = Double(options["--boot-delay"] ?? "0"), delay > 0 {
    Thread.sleep(forTimeInterval: delay)
}
if let code = options["--crash"] {
    say("fake-invoker: crashing with code \(code)")
    exit(Int32(code) ?? 1)
}
if flags.contains("--hang") { sleepForever() }

var listener: Int32 = -1
// Each --stamp is taken just before the signal, so an observer measures the supervisor's reaction.
if let port = options["--ready-port"].flatMap(UInt16.init) {
    stamp(to: options["--stamp"])
    listener = listen(port: port)
}
if let path = options["--ready-file"] {
    let body = #"{"schema":"invoker-ready/v1","pipe":"fake","pid":\#(getpid()),"at":"\#(Date())"}"#
    // Written to a temporary file first, then renamed into place: READY is the rename.
    let temporary = path + ".tmp-\(getpid())"
    try? body.write(toFile: temporary, atomically: false, encoding: .utf8)
    stamp(to: options["--stamp"])
    rename(temporary, path)
}
if let line = options["--ready-line"] {
    stamp(to: options["--stamp"])
    say(line)
}
/// Answers Ping requests in the seed invoker's file queue until the process is stopped.
func serveQueue(_ folder: String, after delay: Double, for duration: Double?, failing: Bool, stampFile: String?) -> Never {
    Thread.sleep(forTimeInterval: delay)
    stamp(to: stampFile)
    let hangAt = duration.map { Date(timeIntervalSinceNow: $0) }
    let requests = folder + "/requests"
    let responses = folder + "/responses"
    try? FileManager.default.createDirectory(atPath: responses, withIntermediateDirectories: true)
    while true {
        if let hangAt, Date() >= hangAt { sleepForever() }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: requests)) ?? [] where name.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: requests + "/" + name),
                  let request = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let id = request["id"] as? String else { continue }
            let answer: [String: Any] = failing
                ? ["ok": false, "id": id, "verb": request["verb"] ?? "", "error": "fake failure"]
                : ["ok": true, "id": id, "verb": request["verb"] ?? "", "result": ["pong": "fake", "at": "\(Date())"]]
            if let body = try? JSONSerialization.data(withJSONObject: answer) {
                try? body.write(to: URL(fileURLWithPath: responses + "/" + name), options: .atomic)
            }
            try? FileManager.default.removeItem(atPath: requests + "/" + name)
        }
        Thread.sleep(forTimeInterval: 0.02)
    }
}

if let folder = options["--serve-queue"] {
    serveQueue(folder, after: Double(options["--serve-after"] ?? "0") ?? 0, for: options["--serve-for"].flatMap(Double.init),
               failing: flags.contains("--queue-error"), stampFile: options["--serving-stamp"])
}
if let after = options["--exit-after"].flatMap(Double.init) {
    Thread.sleep(forTimeInterval: after)
    exit(0)
}
if listener >= 0 {
    while true {
        let client = accept(listener, nil, nil)
        if client >= 0 { close(client) }
    }
}
sleepForever()
#else
FileHandle.standardError.write(Data("fake-invoker runs on Linux only; the integration tests that use it are Linux-only.\n".utf8))
exit(2)
#endif
