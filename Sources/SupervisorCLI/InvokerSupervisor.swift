import Foundation
import Supervisor
import SupervisorPlatform

/// The `invoker-supervisor` command: picks the subcommand and turns errors into exit codes.
@main
enum InvokerSupervisor {
    static func main() {
        becomeSubreaper()
        exit(run(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
    }

    static let subcommands: [String: @Sendable ([String], [String: String]) throws -> Int32] = [
        "run": RunCommand.execute, "start": StartCommand.execute, "warmup": WarmupCommand.execute,
        "step": StepCommand.execute, "stop": StopCommand.execute, "status": StatusCommand.execute,
        "snapshot": SnapshotCommand.execute, "validate": ValidateCommand.execute,
        "provenance": ProvenanceCommand.execute, "outcome": OutcomeCommand.execute, "summary": SummaryCommand.execute,
        "escalation": EscalationCommand.execute, "daemon": DaemonCommand.execute,
        "hook": HookCommand.execute, "dispatch": DispatchCommand.execute,
    ]

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
                guard let subcommand = subcommands[first] else { throw UsageError.unknownSubcommand(first) }
                let rest = Array(arguments.dropFirst())
                if rest.prefix(while: { $0 != "--" }).contains(where: { $0 == "-h" || $0 == "--help" }) {
                    Console.out(HelpText.main)
                    return ExitCode.success
                }
                let code = try subcommand(rest, environment)
                return code == ExitCode.success && WriteFailures.any ? ExitCode.outputsFailed : code
            }
        } catch let refusal as SessionRefusal {
            Console.err("Error: \(refusal)")
            return ExitCode.refused
        } catch let refusal as DaemonRefusal {
            Console.err("Error: \(refusal)")
            return ExitCode.refused
        } catch {
            Console.err("Error: \(error)")
            return ExitCode.usage
        }
    }
}
