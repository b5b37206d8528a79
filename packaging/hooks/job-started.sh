#!/usr/bin/env bash
# GitHub runner job hook (ACTIONS_RUNNER_HOOK_JOB_STARTED). The runner gives hooks no time limit,
# so this one keeps its own: the supervisor's --deadline, and a hard stop a little after it.
# A hook that exits non-zero fails the job: that happens only with INVOKER_SUPERVISOR_REQUIRE_READY=1.
set -u
bin="${INVOKER_SUPERVISOR_BIN:-invoker-supervisor}"
config="${INVOKER_SUPERVISOR_CONFIG:-/etc/invoker-supervisor/supervisor.json}"
deadline="${INVOKER_SUPERVISOR_DEADLINE:-120}"
args=(hook job-started --config "$config" --deadline "$deadline")
[ -n "${INVOKER_SUPERVISOR_STATE_DIR:-}" ] && args+=(--state-dir "$INVOKER_SUPERVISOR_STATE_DIR")
[ "${INVOKER_SUPERVISOR_REQUIRE_READY:-0}" = "1" ] && args+=(--require-ready)

timeout --kill-after=10 "$((deadline + 30))" "$bin" "${args[@]}" </dev/null
code=$?
if [ "$code" -eq 124 ] || [ "$code" -eq 137 ]; then
  echo "invoker-supervisor job-started: did not finish within $((deadline + 30)) s; the job goes on without READY"
  [ "${INVOKER_SUPERVISOR_REQUIRE_READY:-0}" = "1" ] && exit 3
  exit 0
fi
exit "$code"
