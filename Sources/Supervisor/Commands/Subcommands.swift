/// Every subcommand of `invoker-supervisor`: its declaration and its body, in the order `--help`
/// lists them.
package enum Subcommands {
    package struct Subcommand: Sendable {
        package let spec: SubcommandSpec
        /// `dispatch` hands `--help` to its own program.
        package var forwardsHelp = false
        package let execute: @Sendable ([String], [String: String]) throws -> Int32
    }

    package static let all: [Subcommand] = [
        Subcommand(spec: RunCommand.spec, execute: RunCommand.execute),
        Subcommand(spec: StartCommand.spec, execute: StartCommand.execute),
        Subcommand(spec: WarmupCommand.spec, execute: WarmupCommand.execute),
        Subcommand(spec: StepCommand.spec, execute: StepCommand.execute),
        Subcommand(spec: StopCommand.spec, execute: StopCommand.execute),
        Subcommand(spec: StatusCommand.spec, execute: StatusCommand.execute),
        Subcommand(spec: SnapshotCommand.spec, execute: SnapshotCommand.execute),
        Subcommand(spec: ProvenanceCommand.spec, execute: ProvenanceCommand.execute),
        Subcommand(spec: OutcomeCommand.spec, execute: OutcomeCommand.execute),
        Subcommand(spec: SummaryCommand.spec, execute: SummaryCommand.execute),
        Subcommand(spec: TimelineCommand.spec, execute: TimelineCommand.execute),
        Subcommand(spec: EscalationCommand.spec, execute: EscalationCommand.execute),
        Subcommand(spec: HistoryCommand.spec, execute: HistoryCommand.execute),
        Subcommand(spec: HookCommand.spec, execute: HookCommand.execute),
        Subcommand(spec: DispatchCommand.spec, forwardsHelp: true, execute: DispatchCommand.execute),
        Subcommand(spec: DaemonCommand.spec, execute: DaemonCommand.execute),
        Subcommand(spec: ValidateCommand.spec, execute: ValidateCommand.execute),
    ]

    package static func named(_ name: String) -> Subcommand? {
        all.first { $0.spec.name == name }
    }
}
