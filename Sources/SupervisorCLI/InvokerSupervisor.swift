import Foundation
import Supervisor
import SupervisorPlatform
import SafeText

/// The `invoker-supervisor` command: picks the subcommand, answers `--help` from its declaration,
/// and turns errors into their documented exit codes.
@main
enum InvokerSupervisor {
    static func main() {
        becomeSubreaper()
        exit(run(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
    }

    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        do {
            guard let first = arguments.first else { throw UsageError.noSubcommand }
            switch first {
            case "-h", "--help", "help":
                Console.out(HelpText.main)
                return ExitCode.success
            case "__watchdog":
                // Internal: the watchdog process a supervisor starts for itself (Watchdog+Linux.swift).
                return Watchdog.serve(grace: Double(arguments.dropFirst(2).first ?? "") ?? 5)
            case "--version":
                Console.out("invoker-supervisor \(Version.current)")
                return ExitCode.success
            default:
                guard let subcommand = Subcommands.named(first) else { throw UsageError.unknownSubcommand(first) }
                let rest = Array(arguments.dropFirst())
                if !subcommand.forwardsHelp, rest.prefix(while: { $0 != "--" }).contains(where: { $0 == "-h" || $0 == "--help" }) {
                    Console.out(subcommand.spec.help)
                    return ExitCode.success
                }
                let code = try subcommand.execute(rest, environment)
                return code == ExitCode.success && WriteFailures.any ? ExitCode.outputsFailed : code
            }
        } catch let error as ExitCodeError {
            Console.err("Error: \(error)")
            return error.exitCode
        } catch {
            Console.err("Error: internal error: \(LogText.escaped("\(error)")); this is a supervisor bug, please report it")
            return ExitCode.internalError
        }
    }
}
