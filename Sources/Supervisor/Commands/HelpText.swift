import SupervisorPlatform

/// The text of `invoker-supervisor --help`.
package enum HelpText {
    package static let main = """
    OVERVIEW: Starts the LabVIEW compare invoker, gates on READY, warms up, runs the heavy steps,
    and writes boot.log, GitHub outputs and a step summary anyone can read.

    USAGE: invoker-supervisor run --config FILE [options]
           invoker-supervisor start --config FILE [options]
           invoker-supervisor warmup --config FILE
           invoker-supervisor step --name NAME [--require-ready] [--config FILE] -- COMMAND [ARGS…]
           invoker-supervisor stop [--config FILE]
           invoker-supervisor status [--json] [--config FILE]
           invoker-supervisor snapshot --phase NAME [options]
           invoker-supervisor provenance | outcome | summary [--results-dir DIR | --config FILE] [--summary FILE]
           invoker-supervisor validate FILE --schema NAME|PATH
           invoker-supervisor --help | --version

    SUBCOMMANDS:
      run                     Run the whole sequence in one process: invoker → READY → warmup → steps → stop.
      start                   Open a workflow session: start the invoker detached, wait for READY, warm up.
      warmup                  Run the configured warmup in the session (refused unless READY was observed).
      step                    Run one heavy step in the session, passing its exit code through; when the
                              invoker is not READY, print 'skipped: invoker_not_ready' and exit 0 (3 with
                              --require-ready).
      stop                    Stop the session's invoker tree (graceful stop first); safe to repeat.
      status                  Show the session: state, invoker PID and start time, alive or not, attempts.
      snapshot                List the watched processes (pwsh, LVCompare, LabVIEW) now, as markdown or JSON.
      provenance              Write provenance.json (run-provenance/v1) and the Run Provenance block.
      outcome                 Read the newest compare-exec.json (--search DIR), write compare-outcome.json
                              (--out FILE) with a reason code when there is no result, and its block.
      summary                 Append the ordered summary: provenance, invoker and snapshots, compare
                              outcome, re-run hint (as 'run' and 'stop' do).
      escalation show|record  The READY-timeout history of a branch, and the next boot's settings.
      hook job-started|job-completed
                              The GitHub runner's job hooks: wait for the daemon or open the job's
                              session (bounded by --deadline), snapshot, stop, report leftovers.
      dispatch event|poll|links
                              PR comment dispatch: '/run orchestrated …' acknowledged, dispatched and
                              linked, or answered with a reason (runs invoker-supervisor-dispatch).
      daemon                  Keep the invoker alive between jobs: restart with backoff, health checks,
                              give up into 'fatal'; 'status --daemon' reports it.
      validate                Schema-lite check of a JSON (or .ndjson) file against a built-in schema
                              (run-provenance, compare-exec, compare-outcome, process-snapshot, session,
                              daemon-status, escalation)
                              or a schema file; exit 0 passed, 2 unreadable, 3 violations.

    OPTIONS (run, start):
      --config FILE           The JSON config (see docs/configuration.md). Required.
      --attempts N            Attempts to bring the invoker to READY (overrides "attempts").
      --delay S               Seconds between attempts (overrides "delaySeconds").
      --timeout S             Seconds one attempt may take to signal READY (overrides "timeoutSeconds").
      --results-dir DIR       Results folder, relative to the current folder (overrides "resultsDir").
                              boot.log goes to DIR/_invoker/boot.log.
      --summary FILE          Append the summary here (default: $GITHUB_STEP_SUMMARY).
                              (Also for stop, summary, snapshot, provenance and outcome.)
      --on-not-ready skip|fail
                              When READY never comes: skip steps and exit 0, or exit 3 (default: skip).
      --branch B              Branch for escalation (default: $GITHUB_HEAD_REF, else $GITHUB_REF_NAME).
      --state-dir D           Folder of the escalation histories (overrides "stateDir").

    OPTIONS (warmup, step, stop, status): the session lives in DIR/_invoker/session.json, DIR being
      --results-dir DIR, else the --config's "resultsDir", else tests/results.

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
      0    success, or not READY with --on-not-ready skip (or a step skipped)
      1    a heavy step failed ('step' passes its command's own exit code through)
      3    not READY with --on-not-ready fail
      64   bad usage or config (one 'Error:' line on stderr; nothing written)
      65   refused: out of order for the session's state (one 'Error:' line naming the state)
      70   internal error (see boot.log)
      74   a file users read could not be written in full (stderr names it)
      129  cancelled by SIGHUP
      130  cancelled by SIGINT
      143  cancelled by SIGTERM
    """
}
