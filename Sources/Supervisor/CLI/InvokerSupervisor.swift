import Foundation

/// The `invoker-supervisor` command: picks the subcommand and turns errors into exit codes.
@main
enum InvokerSupervisor {
    static func main() {
        exit(run(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
    }

    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        do {
            guard let first = arguments.first else { throw UsageError.noSubcommand }
            switch first {
            case "-h", "--help", "help":
                Console.out(HelpText.main)
                return ExitCode.success
            case "--version":
                Console.out("invoker-supervisor \(Version.current)")
                return ExitCode.success
            case "run", "snapshot":
                if arguments.dropFirst().contains(where: { $0 == "-h" || $0 == "--help" }) {
                    Console.out(HelpText.main)
                    return ExitCode.success
                }
                let rest = Array(arguments.dropFirst())
                return first == "run" ? try RunCommand.execute(rest, environment: environment)
                                      : try SnapshotCommand.execute(rest, environment: environment)
            default:
                throw UsageError.unknownSubcommand(first)
            }
        } catch {
            Console.err("Error: \(error)")
            return ExitCode.usage
        }
    }
}
