#!/usr/bin/env python3
"""Cost of one session `step` as a session grows: is it constant per step?

A session is started against the fake invoker (READY at once), then STEPS `step` commands run
`/bin/true` one after another; each step's wall time is measured from outside (process launch to
exit). Printed: the median of steps 6-15 and of the last 10, and their ratio (target <= 1.3).
Peer, in the same run: `/bin/true` launched the same way, the floor any step pays.

Usage: python3 Benchmarks/session_steps.py [STEPS]   (default 500)
"""
import json, os, statistics, subprocess, sys, tempfile, time

from benchlib import build

STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 500


def timed(command, cwd):
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - started) * 1000


def main():
    supervisor, _, fake = build()
    with tempfile.TemporaryDirectory() as folder:
        config = {"invoker": {"command": [fake, "--ready-line", "READY"]}, "ready": {"line": "READY"},
                  "attempts": 1, "timeoutSeconds": 10, "resultsDir": "results"}
        json.dump(config, open(os.path.join(folder, "config.json"), "w"))
        subprocess.run([supervisor, "start", "--config", "config.json"], cwd=folder, check=True, stdout=subprocess.DEVNULL)
        try:
            steps, floor = [], []
            for index in range(STEPS):
                steps.append(timed([supervisor, "step", "--config", "config.json", "--name", f"s{index}", "--", "/bin/true"], folder))
                floor.append(timed(["/bin/true"], folder))
        finally:
            subprocess.run([supervisor, "stop", "--config", "config.json"], cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        snapshots = os.path.getsize(os.path.join(folder, "results", "_invoker", "snapshots.ndjson"))
    early, late = statistics.median(steps[5:15]), statistics.median(steps[-10:])
    print(f"session step, {STEPS} steps, release build (static runtime), {os.cpu_count()} cores")
    print(f"  step 6-15 median {early:.1f} ms, last 10 median {late:.1f} ms: ratio {late / early:.2f} (target <= 1.3)")
    print(f"  peer /bin/true launched alike: median {statistics.median(floor):.2f} ms; snapshots.ndjson grew to {snapshots / 1024:.0f} KB")


if __name__ == "__main__":
    main()
