import SupervisorPlatform

/// The text of `invoker-supervisor --help`, made from the subcommands' declarations.
package enum HelpText {
    package static var main: String {
        let usage = Subcommands.all.map { "invoker-supervisor " + $0.spec.synopsis } + ["invoker-supervisor --help | --version"]
        let list = Subcommands.all.map { subcommand in
            let lines = subcommand.spec.summary.split(separator: "\n")
            let name = "  " + subcommand.spec.name
            let first = name.count < 14 ? name + String(repeating: " ", count: 14 - name.count) + lines[0] : name + "\n" + String(repeating: " ", count: 14) + lines[0]
            return ([first] + lines.dropFirst().map { String(repeating: " ", count: 14) + $0 }).joined(separator: "\n")
        }
        return """
        OVERVIEW: Starts the LabVIEW compare invoker, gates on READY, warms up, runs the heavy steps,
        and writes boot.log, GitHub outputs and a step summary anyone can read.

        USAGE: \(usage.joined(separator: "\n       "))

        SUBCOMMANDS:
        \(list.joined(separator: "\n"))

        Each subcommand lists its options: invoker-supervisor COMMAND --help.

        """ + "\n" + exitCodes
    }

    private static let exitCodes = """
    EXIT CODES:
      0    success, or not READY with --on-not-ready skip (or a step skipped)
      1    a heavy step failed ('step' passes its command's own exit code through)
      3    not READY with --on-not-ready fail; 'timeline' found no run; 'status --daemon' found no daemon
      64   bad usage or config (one 'Error:' line on stderr; nothing written)
      65   refused: out of order for the session's state (one 'Error:' line naming the state)
      70   internal error (see boot.log)
      74   a file users read could not be written in full (stderr names it)
      129  cancelled by SIGHUP
      130  cancelled by SIGINT
      143  cancelled by SIGTERM
    """
}
