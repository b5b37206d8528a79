/// The text of `invoker-supervisor --help`.
enum HelpText {
    static let main = """
    OVERVIEW: Starts the LabVIEW compare invoker, gates on READY, warms up, runs the heavy steps,
    and writes boot.log, GitHub outputs and a step summary anyone can read.

    USAGE: invoker-supervisor run --config FILE [options]
           invoker-supervisor snapshot --phase NAME [options]
           invoker-supervisor --help | --version

    SUBCOMMANDS:
      run                     Run the whole sequence in one process: invoker → READY → warmup → steps → stop.
      snapshot                List the watched processes (pwsh, LVCompare, LabVIEW) now, as markdown or JSON.

    OPTIONS (run):
      --config FILE           The JSON config (see docs/config.md). Required.
      --attempts N            Attempts to bring the invoker to READY (overrides "attempts").
      --delay S               Seconds between attempts (overrides "delaySeconds").
      --timeout S             Seconds one attempt may take to signal READY (overrides "timeoutSeconds").
      --results-dir DIR       Results folder, relative to the current folder (overrides "resultsDir").
                              boot.log goes to DIR/_invoker/boot.log.
      --summary FILE          Append the summary here (default: $GITHUB_STEP_SUMMARY).
      --on-not-ready skip|fail
                              When READY never comes: skip steps and exit 0, or exit 3 (default: skip).

    OPTIONS (snapshot):
      --phase NAME            The phase to record (e.g. pre-invoker, post-step:compare). Required.
      --watch A,B,C           Process names to list (default: the config's "watch", else pwsh,LVCompare,LabVIEW).
      --json                  Print the process-snapshot/v1 JSON line instead of markdown.
      --config FILE           Take "watch" and "resultsDir" from this config.
      --results-dir DIR       Also append to DIR/_invoker/snapshots.ndjson and boot.log.
      --summary FILE          Append the markdown section here (default: $GITHUB_STEP_SUMMARY).

      -h, --help              Show this help.
      --version               Show the version.

    EXIT CODES:
      0    success, or not READY with --on-not-ready skip
      1    a heavy step failed
      3    not READY with --on-not-ready fail
      64   bad usage or config (one 'Error:' line on stderr; nothing written)
      70   internal error (see boot.log)
      130  cancelled by SIGINT
      143  cancelled by SIGTERM
    """
}
