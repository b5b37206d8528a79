#if os(Windows)
import Foundation
import WinSDK

/// A child started by the supervisor: a Windows process in its own console process group and,
/// unless detached, in its own Job Object so that its whole tree can be ended.
package final class ChildProcess: @unchecked Sendable {
    package let pid: Int32
    /// Read end of the stdout pipe, when stdout was `.pipe`.
    package let stdoutPipe: HANDLE?
    private let process: HANDLE
    private let job: HANDLE?
    private let jobName: String?
    private let mark: String?
    private let exitLatch = ExitLatch()

    private init(pid: Int32, process: HANDLE, job: HANDLE?, jobName: String?, mark: String?, stdoutPipe: HANDLE?) {
        self.pid = pid
        self.process = process
        self.job = job
        self.jobName = jobName
        self.mark = mark
        self.stdoutPipe = stdoutPipe
    }

    // MARK: - Spawn

    /// Starts the child; call from one thread only. Only the child's three standard handles are
    /// inherited (an explicit handle list), so long-lived children never hold the supervisor's pipes.
    package static func spawn(_ request: SpawnRequest) throws(PlatformError) -> ChildProcess {
        let plan = try WindowsSpawnPlan(request, commandInterpreter: commandInterpreter())
        var handles = StandardHandles()
        defer { handles.closeChildSide() }
        try handles.open(request)

        var listSize: SIZE_T = 0
        _ = InitializeProcThreadAttributeList(nil, 1, 0, &listSize)
        let listMemory = UnsafeMutableRawPointer.allocate(byteCount: Int(listSize), alignment: 16)
        defer { listMemory.deallocate() }
        let attributeList = OpaquePointer(listMemory)
        guard InitializeProcThreadAttributeList(attributeList, 1, 0, &listSize) else { throw lastError("InitializeProcThreadAttributeList") }
        defer { DeleteProcThreadAttributeList(attributeList) }
        var inherited = handles.uniqueChildHandles
        let handleListAttribute = DWORD_PTR(0x0002_0002)  // PROC_THREAD_ATTRIBUTE_HANDLE_LIST
        guard UpdateProcThreadAttribute(attributeList, 0, handleListAttribute, &inherited,
                                        SIZE_T(MemoryLayout<HANDLE?>.stride * inherited.count), nil, nil) else {
            throw lastError("UpdateProcThreadAttribute")
        }

        var startup = STARTUPINFOEXW()
        startup.StartupInfo.cb = DWORD(MemoryLayout<STARTUPINFOEXW>.size)
        startup.StartupInfo.dwFlags = DWORD(STARTF_USESTDHANDLES)
        startup.StartupInfo.hStdInput = handles.input
        startup.StartupInfo.hStdOutput = handles.output
        startup.StartupInfo.hStdError = handles.error
        startup.lpAttributeList = attributeList

        var flags = DWORD(EXTENDED_STARTUPINFO_PRESENT) | DWORD(CREATE_UNICODE_ENVIRONMENT) | DWORD(CREATE_NEW_PROCESS_GROUP)
        flags |= plan.job == nil ? DWORD(DETACHED_PROCESS) | DWORD(CREATE_BREAKAWAY_FROM_JOB) : DWORD(CREATE_SUSPENDED)
        var info = PROCESS_INFORMATION()
        var created = create(plan, workingDirectory: request.workingDirectory, flags: flags, startup: &startup, info: &info)
        if !created, GetLastError() == DWORD(ERROR_ACCESS_DENIED), flags & DWORD(CREATE_BREAKAWAY_FROM_JOB) != 0 {
            // The runner's own job forbids breakaway: start the warmup inside it, still detached.
            flags &= ~DWORD(CREATE_BREAKAWAY_FROM_JOB)
            created = create(plan, workingDirectory: request.workingDirectory, flags: flags, startup: &startup, info: &info)
        }
        guard created, let processHandle = info.hProcess else { throw lastError(request.executable) }
        defer { CloseHandle(info.hThread) }

        var job: HANDLE?
        var jobName: String?
        if let jobPlan = plan.job {
            if jobPlan == .named {
                jobName = WindowsSpawnPlan.jobName(supervisorPID: GetCurrentProcessId(), childPID: info.dwProcessId)
            }
            job = jobName.map { name in name.withCString(encodedAs: UTF16.self) { CreateJobObjectW(nil, $0) } } ?? CreateJobObjectW(nil, nil)
            guard let job, configure(job, killOnClose: jobPlan == .killedWithSupervisor),
                  AssignProcessToJobObject(job, processHandle) else {
                let error = lastError("AssignProcessToJobObject")
                TerminateProcess(processHandle, 1)
                CloseHandle(processHandle)
                throw error
            }
            ResumeThread(info.hThread)
        }
        let child = ChildProcess(pid: Int32(bitPattern: info.dwProcessId), process: processHandle, job: job,
                                 jobName: jobName, mark: request.mark, stdoutPipe: handles.takeParentReadEnd())
        Thread.detachNewThread { child.reap() }
        return child
    }

    /// `cmd.exe` in the system folder (not `%ComSpec%`, which the environment could point elsewhere).
    private static func commandInterpreter() -> String {
        var buffer = [WCHAR](repeating: 0, count: Int(MAX_PATH))
        let length = GetSystemDirectoryW(&buffer, UINT(buffer.count))
        let folder = length > 0 ? String(decoding: buffer[0..<Int(length)], as: UTF16.self) : "C:\\Windows\\System32"
        return WindowsPath.join(folder, "cmd.exe")
    }

    private static func create(_ plan: WindowsSpawnPlan, workingDirectory: String, flags: DWORD, startup: inout STARTUPINFOEXW,
                               info: inout PROCESS_INFORMATION) -> Bool {
        var commandLine = Array(plan.commandLine.utf16) + [0]
        var environment = plan.environmentBlock
        return plan.application.withCString(encodedAs: UTF16.self) { application in
            workingDirectory.withCString(encodedAs: UTF16.self) { folder in
                withUnsafeMutablePointer(to: &startup) { startupPointer in
                    startupPointer.withMemoryRebound(to: STARTUPINFOW.self, capacity: 1) { startupInfo in
                        CreateProcessW(application, &commandLine, nil, nil, true, flags, &environment, folder, startupInfo, &info)
                    }
                }
            }
        }
    }

    private static func configure(_ job: HANDLE, killOnClose: Bool) -> Bool {
        guard killOnClose else { return true }
        var limits = JOBOBJECT_EXTENDED_LIMIT_INFORMATION()
        limits.BasicLimitInformation.LimitFlags = DWORD(JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE)
        return SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits,
                                       DWORD(MemoryLayout<JOBOBJECT_EXTENDED_LIMIT_INFORMATION>.size))
    }

    // MARK: - Exit

    private func reap() {
        WaitForSingleObject(process, INFINITE)
        var code: DWORD = 0
        GetExitCodeProcess(process, &code)
        exitLatch.set(.exited(code: Int32(bitPattern: code)))
    }

    /// Blocks until the child has exited, or until `timeout` seconds pass (then nil).
    package func waitForExit(timeout: Double? = nil) -> ProcessExit? {
        exitLatch.wait(timeout: timeout)
    }

    /// The exit status if the child has exited.
    package var exit: ProcessExit? { exitLatch.value }

    // MARK: - Tree stop

    /// The child's job, addressable from other processes when it has a name.
    package var tree: ProcessTreeID { ProcessTreeID(leader: pid, jobName: jobName, mark: mark) }

    /// Stops the child's whole job: CTRL_BREAK to its process group, up to `grace` seconds,
    /// then TerminateJobObject. Returns when the job is empty (or 5 s after the kill).
    package func stopTree(grace: Double) -> TreeStopReport {
        guard let job else {
            return exit == nil ? stopWithoutJob(process: process, leader: pid, grace: grace)
                               : TreeStopReport(signalled: 0, killed: false, survivors: [])
        }
        return stopJob(job, leader: pid, grace: grace)
    }

    // MARK: - Output

    /// Reads the stdout pipe until every writer has closed it, passing each chunk on.
    package func drainStdout(_ onChunk: ([UInt8]) -> Void) {
        guard let pipe = stdoutPipe else { return }
        defer { CloseHandle(pipe) }
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            var count: DWORD = 0
            let ok = buffer.withUnsafeMutableBytes { ReadFile(pipe, $0.baseAddress, DWORD($0.count), &count, nil) }
            if !ok || count == 0 { return }
            onChunk(Array(buffer[0..<Int(count)]))
        }
    }
}

// MARK: - Trees

/// Nothing to do on Windows: a Job Object holds every descendant (no breakaway is allowed), and a
/// job nests inside the runner's own job.
package func becomeSubreaper() {}

/// Nothing to do on Windows: there are no zombies to reap.
package func reapAdoptedOrphans() {}

/// The containment this platform uses, as boot.log names it.
package let containmentMechanism = "job-object"

/// Stops a tree recorded by another supervisor process: its named job, or the leader alone.
package func stopProcessTree(_ tree: ProcessTreeID, grace: Double) -> TreeStopReport {
    let access = DWORD(JOB_OBJECT_TERMINATE) | DWORD(JOB_OBJECT_QUERY)
    if let name = tree.jobName, let job = name.withCString(encodedAs: UTF16.self, { OpenJobObjectW(access, false, $0) }) {
        defer { CloseHandle(job) }
        return stopJob(job, leader: tree.leader, grace: grace)
    }
    guard let process = OpenProcess(DWORD(PROCESS_TERMINATE) | DWORD(PROCESS_QUERY_LIMITED_INFORMATION) | DWORD(SYNCHRONIZE), false,
                                    DWORD(bitPattern: tree.leader)) else {
        return TreeStopReport(signalled: 0, killed: false, survivors: [])
    }
    defer { CloseHandle(process) }
    return stopWithoutJob(process: process, leader: tree.leader, grace: grace)
}

/// The PIDs still alive in the tree (the leader's, while the job has members).
package func livingMembers(of tree: ProcessTreeID) -> [Int32] {
    guard let name = tree.jobName, let job = name.withCString(encodedAs: UTF16.self, { OpenJobObjectW(DWORD(JOB_OBJECT_QUERY), false, $0) }) else {
        return []
    }
    defer { CloseHandle(job) }
    return activeProcesses(in: job) > 0 ? [tree.leader] : []
}

private func stopJob(_ job: HANDLE, leader: Int32, grace: Double) -> TreeStopReport {
    TeardownPolicy(grace: grace).run(JobTree(job: job, leader: leader))
}

private func stopWithoutJob(process: HANDLE, leader: Int32, grace: Double) -> TreeStopReport {
    TeardownPolicy(grace: grace).run(LoneProcess(process: process, leader: leader))
}

/// The Windows primitives of a tree stop when the tree is a Job Object.
private struct JobTree: TreeControl {
    let job: HANDLE
    let leader: Int32

    /// The job's process IDs (the leader's stands for all when the list cannot be read).
    func livingMembers() -> [Int32] {
        let count = activeProcesses(in: job)
        guard count > 0 else { return [] }
        return processIDs(in: job) ?? [leader]
    }

    func requestStop(_ members: [Int32]) {
        GenerateConsoleCtrlEvent(DWORD(CTRL_BREAK_EVENT), DWORD(bitPattern: leader))
    }

    func kill(_ members: [Int32]) {
        TerminateJobObject(job, 1)
    }
}

/// The Windows primitives of a tree stop for a process without a job of ours.
private struct LoneProcess: TreeControl {
    let process: HANDLE
    let leader: Int32

    func livingMembers() -> [Int32] {
        WaitForSingleObject(process, 0) == WAIT_OBJECT_0 ? [] : [leader]
    }

    func requestStop(_ members: [Int32]) {
        GenerateConsoleCtrlEvent(DWORD(CTRL_BREAK_EVENT), DWORD(bitPattern: leader))
    }

    func kill(_ members: [Int32]) {
        TerminateProcess(process, 1)
    }
}

/// The IDs of the job's processes (`JobObjectBasicProcessIdList`), or nil when they cannot be read.
private func processIDs(in job: HANDLE) -> [Int32]? {
    let capacity = 256
    let size = MemoryLayout<JOBOBJECT_BASIC_PROCESS_ID_LIST>.size + capacity * MemoryLayout<ULONG_PTR>.stride
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<JOBOBJECT_BASIC_PROCESS_ID_LIST>.alignment)
    defer { buffer.deallocate() }
    guard QueryInformationJobObject(job, JobObjectBasicProcessIdList, buffer, DWORD(size), nil) else { return nil }
    let list = buffer.assumingMemoryBound(to: JOBOBJECT_BASIC_PROCESS_ID_LIST.self)
    let count = Int(list.pointee.NumberOfProcessIdsInList)
    let ids = buffer.advanced(by: MemoryLayout<JOBOBJECT_BASIC_PROCESS_ID_LIST>.offset(of: \.ProcessIdList)!)
        .assumingMemoryBound(to: ULONG_PTR.self)
    return (0..<count).map { Int32(truncatingIfNeeded: ids[$0]) }
}

private func activeProcesses(in job: HANDLE) -> Int {
    var accounting = JOBOBJECT_BASIC_ACCOUNTING_INFORMATION()
    guard QueryInformationJobObject(job, JobObjectBasicAccountingInformation, &accounting,
                                    DWORD(MemoryLayout<JOBOBJECT_BASIC_ACCOUNTING_INFORMATION>.size), nil) else { return 0 }
    return Int(accounting.ActiveProcesses)
}

// MARK: - Standard handles

/// The three handles a child gets, made inheritable, and the parent's end of a stdout pipe.
private struct StandardHandles {
    package var input: HANDLE?
    package var output: HANDLE?
    package var error: HANDLE?
    private var parentReadEnd: HANDLE?

    package mutating func open(_ request: SpawnRequest) throws(PlatformError) {
        var security = SECURITY_ATTRIBUTES(nLength: DWORD(MemoryLayout<SECURITY_ATTRIBUTES>.size),
                                           lpSecurityDescriptor: nil, bInheritHandle: true)
        input = try openFile("NUL", access: DWORD(GENERIC_READ), disposition: DWORD(OPEN_EXISTING), security: &security)
        switch request.stdout {
        case .pipe:
            var read: HANDLE?
            var write: HANDLE?
            guard CreatePipe(&read, &write, &security, 0) else { throw lastError("CreatePipe") }
            SetHandleInformation(read, DWORD(HANDLE_FLAG_INHERIT), 0)
            parentReadEnd = read
            output = write
        case .file(let path):
            output = try openFile(path, access: DWORD(FILE_APPEND_DATA), disposition: DWORD(OPEN_ALWAYS), security: &security)
        case .inherit:
            output = try inheritable(GetStdHandle(STD_OUTPUT_HANDLE))
        }
        if request.stderr == request.stdout, case .file = request.stderr {
            error = output
        } else if case .file(let path) = request.stderr {
            error = try openFile(path, access: DWORD(FILE_APPEND_DATA), disposition: DWORD(OPEN_ALWAYS), security: &security)
        } else {
            error = try inheritable(GetStdHandle(STD_ERROR_HANDLE))
        }
    }

    /// The distinct handles the child inherits (the handle list must not repeat one).
    package var uniqueChildHandles: [HANDLE?] {
        var result: [HANDLE?] = []
        for handle in [input, output, error] where !result.contains(handle) { result.append(handle) }
        return result
    }

    package mutating func takeParentReadEnd() -> HANDLE? {
        defer { parentReadEnd = nil }
        return parentReadEnd
    }

    /// Closes the parent's copies of the child's handles (and an unclaimed pipe end).
    package mutating func closeChildSide() {
        for handle in uniqueChildHandles { if let handle { CloseHandle(handle) } }
        if let parentReadEnd { CloseHandle(parentReadEnd) }
        input = nil
        output = nil
        error = nil
        parentReadEnd = nil
    }

    private func openFile(_ path: String, access: DWORD, disposition: DWORD,
                          security: inout SECURITY_ATTRIBUTES) throws(PlatformError) -> HANDLE? {
        let handle = path.withCString(encodedAs: UTF16.self) {
            CreateFileW($0, access, DWORD(FILE_SHARE_READ) | DWORD(FILE_SHARE_WRITE) | DWORD(FILE_SHARE_DELETE), &security,
                        disposition, DWORD(FILE_ATTRIBUTE_NORMAL), nil)
        }
        guard handle != INVALID_HANDLE_VALUE else { throw lastError(path) }
        return handle
    }

    private func inheritable(_ handle: HANDLE?) throws(PlatformError) -> HANDLE? {
        var copy: HANDLE?
        guard DuplicateHandle(GetCurrentProcess(), handle, GetCurrentProcess(), &copy, 0, true, DWORD(DUPLICATE_SAME_ACCESS)) else {
            throw lastError("DuplicateHandle")
        }
        return copy
    }
}

private func lastError(_ context: String) -> PlatformError {
    let code = GetLastError()
    var buffer = [WCHAR](repeating: 0, count: 512)
    let length = FormatMessageW(DWORD(FORMAT_MESSAGE_FROM_SYSTEM) | DWORD(FORMAT_MESSAGE_IGNORE_INSERTS), nil, code, 0,
                                &buffer, DWORD(buffer.count), nil)
    let text = String(decoding: buffer[0..<Int(length)], as: UTF16.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return PlatformError(message: "\(context): \(text) (Windows error \(code))")
}
#endif
