#!/usr/bin/env bash
# GitHub runner job hook (ACTIONS_RUNNER_HOOK_JOB_COMPLETED): post-job snapshot, stop the job's
# session invoker (never the daemon's), report LVCompare/LabVIEW left running, clean old sessions.
# It never fails the job and never hangs the runner.
set -u
bin="${INVOKER_SUPERVISOR_BIN:-invoker-supervisor}"
config="${INVOKER_SUPERVISOR_CONFIG:-/etc/invoker-supervisor/supervisor.json}"
args=(hook job-completed --config "$config")
[ -n "${INVOKER_SUPERVISOR_STATE_DIR:-}" ] && args+=(--state-dir "$INVOKER_SUPERVISOR_STATE_DIR")

timeout --kill-after=10 120 "$bin" "${args[@]}" </dev/null || echo "invoker-supervisor job-completed: exit $? (ignored)"
exit 0
