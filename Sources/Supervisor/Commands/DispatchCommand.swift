import Foundation
import SupervisorPlatform

/// `invoker-supervisor dispatch …`: runs the PR comment dispatcher, `invoker-supervisor-dispatch`
/// (installed next to this binary), with the same arguments and passes its exit code through. It is
/// a separate program so the supervisor never loads the HTTP stack (docs/dispatch.md).
package enum DispatchCommand {
    package static let toolName = "invoker-supervisor-dispatch"

    package static let spec = SubcommandSpec("dispatch", synopsis: "dispatch event|poll|links [options]",
        summary: "PR comment dispatch: '/run orchestrated …' acknowledged, dispatched and linked, or answered\nwith a reason (runs invoker-supervisor-dispatch; its --help lists the options).",
        options: [])

    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let folder = (Bundle.main.executablePath.map { ($0 as NSString).deletingLastPathComponent }) ?? FileManager.default.currentDirectoryPath
        let suffix = Bundle.main.executablePath?.hasSuffix(".exe") == true ? ".exe" : ""
        let tool = folder + "/" + toolName + suffix
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            throw UsageError.cannotRun(program: tool, fix: "install \(toolName) next to invoker-supervisor (the packaging scripts do)")
        }
        let command = CommandSpec(arguments: [tool] + arguments, workingDirectory: FileManager.default.currentDirectoryPath, environment: [:])
        let child = try Launcher(environment: environment).spawn(command, stdout: .inherit, stderr: .inherit, domain: .tree)
        return CancellableWait.wait(for: child, grace: 5).shellCode
    }
}
