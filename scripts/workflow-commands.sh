# Sourced by the actions' scripts: workflow commands whose text cannot end or forge a command.
# shellcheck shell=bash

# Text for a workflow command: %, CR and LF escaped so it stays one command.
escape() {
    local s=$1
    s=${s//%/%25}
    s=${s//$'\r'/%0D}
    s=${s//$'\n'/%0A}
    printf '%s' "$s"
}
fail() { printf '::error::%s\n' "$(escape "invoker-supervisor: $1")"; exit 1; }
warn() { printf '::warning::%s\n' "$(escape "invoker-supervisor: $1")"; }
