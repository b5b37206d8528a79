#!/usr/bin/env bash
# Installs invoker-supervisor on a Linux runner host: the binary, the job hooks, an example config,
# the systemd unit for the daemon, and the hook variables in the runner's .env. Run it again to
# upgrade (idempotent); --uninstall reverses all of it.
#
#   install.sh --binary PATH [--prefix /usr/local] [--runner-dir ~/actions-runner] [--user runner]
#              [--state-dir /var/lib/invoker-supervisor] [--no-systemd]
#   install.sh --uninstall [--prefix …] [--runner-dir …] [--no-systemd]
set -euo pipefail

prefix=/usr/local
runner_dir=""
user="$(id -un)"
state_dir=/var/lib/invoker-supervisor
binary=""
systemd=1
uninstall=0
here="$(cd "$(dirname "$0")" && pwd)"

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --runner-dir) runner_dir="$2"; shift 2 ;;
    --user) user="$2"; shift 2 ;;
    --state-dir) state_dir="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    --no-systemd) systemd=0; shift ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "Error: unknown option '$1'; see install.sh --help" >&2; exit 64 ;;
  esac
done

share="$prefix/share/invoker-supervisor"
etc="$prefix/etc/invoker-supervisor"
unit_dir="$prefix/lib/systemd/system"
if [ "$prefix" = "/usr/local" ] || [ "$prefix" = "/usr" ]; then unit_dir=/etc/systemd/system; fi
env_keys="ACTIONS_RUNNER_HOOK_JOB_STARTED ACTIONS_RUNNER_HOOK_JOB_COMPLETED INVOKER_SUPERVISOR_CONFIG INVOKER_SUPERVISOR_BIN INVOKER_SUPERVISOR_STATE_DIR"

# Removes our keys from the runner's .env, keeping every other line.
drop_env_keys() {
  local file="$1/.env"
  [ -f "$file" ] || return 0
  local pattern
  pattern="^($(echo "$env_keys" | tr ' ' '|'))="
  grep -Ev "$pattern" "$file" > "$file.tmp" || true
  mv "$file.tmp" "$file"
}

systemctl_available() { [ "$systemd" = 1 ] && command -v systemctl >/dev/null 2>&1; }

if [ "$uninstall" = 1 ]; then
  if systemctl_available; then systemctl disable --now invoker-supervisor.service 2>/dev/null || true; fi
  rm -f "$unit_dir/invoker-supervisor.service" "$prefix/bin/invoker-supervisor" "$prefix/bin/invoker-supervisor-dispatch"
  rm -rf "$share"
  [ -n "$runner_dir" ] && drop_env_keys "$runner_dir"
  if systemctl_available; then systemctl daemon-reload; fi
  echo "invoker-supervisor uninstalled from $prefix (config in $etc and state in $state_dir kept)"
  exit 0
fi

[ -n "$binary" ] || { echo "Error: --binary is missing; give the built invoker-supervisor, e.g. --binary .build/release/invoker-supervisor" >&2; exit 64; }
[ -x "$binary" ] || { echo "Error: --binary '$binary' is not an executable file; build it with 'swift build -c release'" >&2; exit 64; }

install -d "$prefix/bin" "$share/hooks" "$etc" "$unit_dir"
install -m 0755 "$binary" "$prefix/bin/invoker-supervisor.tmp" && mv "$prefix/bin/invoker-supervisor.tmp" "$prefix/bin/invoker-supervisor"
# The PR comment dispatcher, built next to the supervisor (invoker-supervisor dispatch runs it).
dispatch="$(dirname "$binary")/invoker-supervisor-dispatch"
if [ -x "$dispatch" ]; then
  install -m 0755 "$dispatch" "$prefix/bin/invoker-supervisor-dispatch.tmp" && mv "$prefix/bin/invoker-supervisor-dispatch.tmp" "$prefix/bin/invoker-supervisor-dispatch"
fi
install -m 0755 "$here/../hooks/job-started.sh" "$here/../hooks/job-completed.sh" "$share/hooks/"
install -m 0644 "$here/../examples/supervisor.json" "$share/supervisor.example.json"
[ -f "$etc/supervisor.json" ] || install -m 0644 "$here/../examples/supervisor.json" "$etc/supervisor.json"
sed -e "s|@PREFIX@|$prefix|g" -e "s|@USER@|$user|g" -e "s|@STATE_DIR@|$state_dir|g" \
  "$here/invoker-supervisor.service" > "$unit_dir/invoker-supervisor.service"

if [ -n "$runner_dir" ]; then
  drop_env_keys "$runner_dir"
  {
    echo "ACTIONS_RUNNER_HOOK_JOB_STARTED=$share/hooks/job-started.sh"
    echo "ACTIONS_RUNNER_HOOK_JOB_COMPLETED=$share/hooks/job-completed.sh"
    echo "INVOKER_SUPERVISOR_CONFIG=$etc/supervisor.json"
    echo "INVOKER_SUPERVISOR_BIN=$prefix/bin/invoker-supervisor"
    echo "INVOKER_SUPERVISOR_STATE_DIR=$state_dir"
  } >> "$runner_dir/.env"
fi

if systemctl_available; then
  install -d -o "$user" "$state_dir"
  systemctl daemon-reload
  systemctl enable --now invoker-supervisor.service
fi
echo "invoker-supervisor installed in $prefix (hooks in $share/hooks, config $etc/supervisor.json${runner_dir:+, runner $runner_dir/.env})"
