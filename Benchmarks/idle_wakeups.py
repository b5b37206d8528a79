#!/usr/bin/env python3
"""Wake-ups while idle: how often does the supervisor run when nothing happens? (Linux)

Counts, from outside, the voluntary context switches of every thread of the process
(/proc/<pid>/task/*/status) over IDLE seconds, converted to wake-ups per minute:
1. `run` waiting on a long heavy step (`sleep`), the invoker READY and silent;
2. the daemon keeping a READY, silent fake invoker, health check every 30 s.
Reference in the same run: `sleep` itself (0). Peers for scale: s6 and runit wait in a blocking
call (0 wake-ups); supervisord's loop wakes every second (60 a minute). Goal: <= 2 a minute.

Usage: python3 Benchmarks/idle_wakeups.py [IDLE_SECONDS]   (default 60)
"""
import json, os, subprocess, sys, tempfile, time

from benchlib import build

IDLE = float(sys.argv[1]) if len(sys.argv) > 1 else 60


def switches(pid):
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            for line in open(f"/proc/{pid}/task/{task}/status"):
                if line.startswith("voluntary_ctxt_switches:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def per_minute(pid, settle=3):
    time.sleep(settle)
    before = switches(pid)
    time.sleep(IDLE)
    return (switches(pid) - before) / IDLE * 60


def main():
    supervisor, _, fake = build()
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        config = {"invoker": {"command": [fake, "--ready-line", "READY"]}, "ready": {"line": "^READY$"}, "attempts": 1,
                  "timeoutSeconds": 10, "resultsDir": "results", "steps": [{"name": "long", "command": ["sleep", str(IDLE + 10)]}]}
        json.dump(config, open(os.path.join(folder, "run.json"), "w"))
        run = subprocess.Popen([supervisor, "run", "--config", "run.json"], cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        results["run, waiting on a step"] = per_minute(run.pid)
        run.kill()
        run.wait()

        daemon_config = dict(config, steps=[], healthCheck={"intervalSeconds": 30})
        json.dump(daemon_config, open(os.path.join(folder, "daemon.json"), "w"))
        daemon = subprocess.Popen([supervisor, "daemon", "--config", "daemon.json", "--state-dir", "state"], cwd=folder,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        results["daemon, READY, 30 s health check"] = per_minute(daemon.pid)
        daemon.terminate()
        daemon.wait()

        sleeper = subprocess.Popen(["sleep", str(IDLE + 10)])
        results["reference: sleep"] = per_minute(sleeper.pid)
        sleeper.kill()
        sleeper.wait()
    print(f"wake-ups per minute while idle ({IDLE:.0f} s each, voluntary context switches of all threads), {os.cpu_count()} cores")
    for name, value in results.items():
        print(f"  {name:36} {value:6.1f}")
    print("  peers for scale: s6/runit 0 (blocking wait), supervisord 60 (1 s select); goal <= 2")


if __name__ == "__main__":
    main()
