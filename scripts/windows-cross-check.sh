#!/usr/bin/env bash
# Runs ../shared/tools/windows-cross-check.sh (compile every target for x86_64 Windows) with its
# target list taken from this package's Package.swift: the shared script lists the targets it
# compiles by hand, and this package's graph (ProcessProbe → SupervisorPlatform → Supervisor →
# SupervisorCLI, …) is longer than that list; and SwiftPM's -package-name, which `package`
# declarations need, is passed as SwiftPM passes it. The script runs unchanged otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${WINDOWS_CROSS_CHECK:-../shared/tools/windows-cross-check.sh}"
[ -f "$shared" ] || { echo "windows-cross-check: $shared not found (shared/ is laid beside the repository)" >&2; exit 2; }

targets=$(swift package dump-package | python3 -c '
import json, sys
package = json.load(sys.stdin)
targets = {t["name"]: t for t in package["targets"] if t["type"] in ("regular", "executable")}
def deps(t):
    return [d["byName"][0] for d in t.get("dependencies", []) if "byName" in d and d["byName"][0] in targets]
order, seen = [], set()
def visit(name):
    if name in seen: return
    seen.add(name)
    for d in deps(targets[name]): visit(d)
    order.append(name)
for name in targets: visit(name)
for name in order:
    t = targets[name]
    path = t.get("path") or "Sources/" + name
    kind = "lib" if t["type"] == "regular" else "exe"
    print("  \"%s|%s|%s\"" % (name.replace("-", "_"), path, kind))
')

copy=$(mktemp "${TMPDIR:-/tmp}/windows-cross-check.XXXXXX.sh")
trap 'rm -f "$copy"' EXIT
python3 - "$shared" "$copy" "$targets" <<'PY'
import re, sys
source, destination, targets = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(source).read()
patched, count = re.subn(r'TARGETS=\(\n.*?\n\)', 'TARGETS=(\n' + targets + '\n)', text, count=1, flags=re.S)
if count != 1:
    sys.exit("windows-cross-check: the shared script has no TARGETS=( … ) list to fill in; update scripts/windows-cross-check.sh")
# SwiftPM compiles every target with -package-name, which `package` declarations need.
patched, count = re.subn(r'-swift-version 6 -module-name', '-swift-version 6 -package-name invoker_supervisor -module-name', patched)
if count == 0:
    sys.exit("windows-cross-check: the shared script's swiftc line changed; update scripts/windows-cross-check.sh")
patched = patched.replace('-module-name "$name" -parse-as-library', '-package-name invoker_supervisor -module-name "$name" -parse-as-library')
open(destination, "w").write(patched)
PY
bash "$copy" "$@" .
