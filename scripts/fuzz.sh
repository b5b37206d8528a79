#!/usr/bin/env bash
# Builds one libFuzzer target from Fuzz/ against the library targets it needs (each compiled as its
# module with -sanitize=fuzzer,address and SwiftPM's -package-name, which `package` declarations
# need) and runs it for SECONDS (default 20) on a corpus seeded from Tests/Fixtures, docs/schemas and
# packaging/examples. Fails on a crash, a failed property, a leak, a hang (-timeout) or an
# out-of-memory; the input that did it is left in .build/fuzz/findings/TARGET/.
#
#   scripts/fuzz.sh TARGET [SECONDS] [extra libFuzzer flags…]
#   scripts/fuzz.sh list
#
# Targets: config compare schema provenance comment procstat quoting (docs/contributing.md).
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A MODULES=(
  [config]="SafeText ProcessProbe SupervisorPlatform Supervisor"
  [compare]="SafeText ProcessProbe SupervisorPlatform Supervisor"
  [schema]="SafeText ProcessProbe SupervisorPlatform Supervisor"
  [provenance]="SafeText ProcessProbe SupervisorPlatform Supervisor"
  [comment]="SafeText CommentDispatch"
  [procstat]="ProcessProbe"
  [quoting]="SafeText ProcessProbe SupervisorPlatform"
)
# Sources a harness shares with the unit tests, compiled into it.
declare -A SHARED=(
  [quoting]="Tests/SupervisorTests/Support/CommandLineToArgvModel.swift"
)
# Seeds: files whose names match, from the three seed folders.
declare -A SEEDS=(
  [config]="*.json"
  [compare]="*.json"
  [schema]="*.json"
  [provenance]="*.json"
  [comment]="*.json *.md"
  [procstat]=""
  [quoting]=""
)

target="${1:-}"
if [ "$target" = list ] || [ -z "$target" ] || [ -z "${MODULES[$target]+x}" ]; then
  echo "usage: scripts/fuzz.sh TARGET [SECONDS] [libFuzzer flags…]; targets: ${!MODULES[*]}" >&2
  [ "$target" = list ] && exit 0 || exit 2
fi
seconds="${2:-20}"
shift $(( $# >= 2 ? 2 : 1 ))

build=.build/fuzz
mkdir -p "$build/modules"
flags=(-parse-as-library -swift-version 6 -package-name invoker_supervisor -enable-testing -sanitize=fuzzer,address -O -g -I "$build/modules")

# Each module is rebuilt only when one of its sources (or this script) is newer than its library.
for module in ${MODULES[$target]}; do
  library="$build/modules/lib$module.a"
  mapfile -t sources < <(find "Sources/$module" -name '*.swift' | sort)
  if [ ! -f "$library" ] || [ -n "$(find "${sources[@]}" "$0" -newer "$library" 2>/dev/null | head -1)" ]; then
    echo "fuzz: compiling $module" >&2
    swiftc "${flags[@]}" -module-name "$module" -emit-library -static -emit-module \
      -emit-module-path "$build/modules/$module.swiftmodule" -o "$library" "${sources[@]}" 2>&1 | grep -v "^ld.gold: warning\|/usr/bin/ld.gold: warning" >&2 || true
    [ -f "$library" ] || { echo "fuzz: $module did not compile" >&2; exit 1; }
  fi
done

binary="$build/$target"
libraries=()  # dependents before what they use, as the static linker reads them
for module in ${MODULES[$target]}; do libraries=("$build/modules/lib$module.a" "${libraries[@]}"); done
read -r -a shared <<< "${SHARED[$target]:-}"
harness=("Fuzz/$target.swift" Fuzz/FuzzCheck.swift "${shared[@]}")
if [ ! -f "$binary" ] || [ -n "$(find "${harness[@]}" "${libraries[@]}" -newer "$binary" 2>/dev/null | head -1)" ]; then
  echo "fuzz: linking $target" >&2
  swiftc "${flags[@]}" -module-name "fuzz_$target" -o "$binary" "${harness[@]}" "${libraries[@]}" 2>&1 \
    | grep -v "ld.gold: warning" >&2 || true
  [ -f "$binary" ] || { echo "fuzz: $target did not link" >&2; exit 1; }
fi

# The corpus grows between runs in .build/fuzz/corpus/TARGET (ignored by git); seeds are copied in.
corpus="$build/corpus/$target"
findings="$build/findings/$target"
mkdir -p "$corpus" "$findings"
for pattern in ${SEEDS[$target]}; do
  find Tests/Fixtures docs/schemas packaging/examples -type f -name "$pattern" -size -64k -print0 \
    | while IFS= read -r -d '' file; do cp "$file" "$corpus/seed-$(printf '%s' "$file" | tr '/' '_')"; done
done

# Swift's backtracer makes AddressSanitizer report false stack-buffer-underflows under the fuzzer.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}"
echo "fuzz: running $target for ${seconds}s" >&2
dictionary=()
[ -f "Fuzz/$target.dict" ] && dictionary=(-dict="Fuzz/$target.dict")
set +e
"$binary" "$corpus" "${dictionary[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="$findings/" -print_final_stats=1 "$@"
status=$?
set -e
if [ "$status" -ne 0 ]; then
  echo "fuzz: $target FAILED (exit $status); the input is in $findings/ — see docs/contributing.md" >&2
  exit 1
fi
echo "fuzz: $target passed" >&2
