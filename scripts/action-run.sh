#!/usr/bin/env bash
# Runs invoker-supervisor for this repository's actions, with the inputs the action passed as
# ACTION_* variables turned into the subcommand's flags (an empty input adds no flag; the binary
# checks every value and names the flag when one is wrong). The binary's exit code is the step's.
#
#   ACTION_BINARY     the installed binary (the install step's output `binary`)
#   ACTION_COMMAND    start | stop | run | install (action.yml), dispatch (dispatch/action.yml)
#   action.yml:       ACTION_CONFIG --config, ACTION_ATTEMPTS --attempts, ACTION_DELAY_SECONDS --delay,
#                     ACTION_TIMEOUT_SECONDS --timeout, ACTION_ON_NOT_READY --on-not-ready,
#                     ACTION_RESULTS_DIR --results-dir, ACTION_SUMMARY --summary, ACTION_BRANCH --branch,
#                     ACTION_STATE_DIR --state-dir (stop takes only config, results-dir, summary)
#   dispatch:         ACTION_DISPATCH event | links, ACTION_CONFIG --config, ACTION_REPO --repo,
#                     ACTION_RUN_ID --run-id, ACTION_SUMMARY --summary (links only)
set -euo pipefail

# shellcheck source=scripts/workflow-commands.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/workflow-commands.sh"

binary=${ACTION_BINARY:-}
[ -n "$binary" ] || fail "no binary from the install step; run this through the action"
command=${ACTION_COMMAND:-start}
arguments=()
flag() { # FLAG VARIABLE
    local value=${!2:-}
    if [ -n "$value" ]; then arguments+=("$1" "$value"); fi
}

case $command in
    install)
        exit 0
        ;;
    start | run)
        [ -n "${ACTION_CONFIG:-}" ] || fail "config: '$command' needs the supervisor's config; set config: to its path, e.g. ci/supervisor.json"
        arguments=("$command")
        flag --config ACTION_CONFIG
        flag --attempts ACTION_ATTEMPTS
        flag --delay ACTION_DELAY_SECONDS
        flag --timeout ACTION_TIMEOUT_SECONDS
        flag --on-not-ready ACTION_ON_NOT_READY
        flag --results-dir ACTION_RESULTS_DIR
        flag --summary ACTION_SUMMARY
        flag --branch ACTION_BRANCH
        flag --state-dir ACTION_STATE_DIR
        ;;
    stop)
        arguments=(stop)
        flag --config ACTION_CONFIG
        flag --results-dir ACTION_RESULTS_DIR
        flag --summary ACTION_SUMMARY
        ;;
    dispatch)
        mode=${ACTION_DISPATCH:-event}
        case $mode in
            event)
                arguments=(dispatch event)
                flag --config ACTION_CONFIG
                ;;
            links)
                arguments=(dispatch links)
                flag --repo ACTION_REPO
                flag --run-id ACTION_RUN_ID
                flag --summary ACTION_SUMMARY
                ;;
            *) fail "command: '$mode' is not event or links ('dispatch poll' is a long-running agent for a host, docs/dispatch.md)" ;;
        esac
        ;;
    *)
        fail "command: '$command' is not start, stop, run or install; write one of them"
        ;;
esac

exec "$binary" "${arguments[@]}"
