#!/usr/bin/env bash
# Builds the package and runs the main job against the bundled fake invoker:
# READY after a short boot, a warmup, two heavy steps; then prints boot.log and the step summary.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
rm -rf demo/results
.build/debug/invoker-supervisor run --config demo/demo.json --summary demo/results/summary.md
echo
echo "== demo/results/_invoker/boot.log"
cat demo/results/_invoker/boot.log
echo
echo "== demo/results/summary.md"
cat demo/results/summary.md
