#!/usr/bin/env python3
"""The daemon's idle cost and its memory over many restarts (Linux).

1. Idle: a daemon keeping a healthy fake invoker (health check every 30 s), CPU time (utime+stime
   from /proc/<pid>/stat) over IDLE seconds after READY. Target < 0.1 s CPU per idle minute.
2. Restarts: a fake invoker that exits right after READY, restarted at once (restartBaseSeconds 0),
   RESTARTS times; the daemon's VmRSS sampled along the way. Target: flat.
Peer for scale: supervisord's documented idle loop wakes every second (select with a 1 s timeout).

Usage: python3 Benchmarks/daemon_idle_and_restarts.py [IDLE_SECONDS] [RESTARTS]   (defaults 60 and 1000)
"""
import json, os, subprocess, sys, tempfile, time

from benchlib import build
IDLE = float(sys.argv[1]) if len(sys.argv) > 1 else 60
RESTARTS = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def status(folder):
    try:
        return json.load(open(os.path.join(folder, "state", "daemon-status.json")))
    except (OSError, ValueError):
        return {}


def start(supervisor, folder, knobs, extra):
    config = {"invoker": {"command": knobs}, "ready": {"line": "^READY$"}, "attempts": 1, "timeoutSeconds": 30,
              "stopGraceSeconds": 2, "stateDir": "state"}
    config.update(extra)
    json.dump(config, open(os.path.join(folder, "config.json"), "w"))
    return subprocess.Popen([supervisor, "daemon", "--config", "config.json"], cwd=folder,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    supervisor, _, fake = build()
    with tempfile.TemporaryDirectory() as folder:
        daemon = start(supervisor, folder, [fake, "--ready-line", "READY"], {"healthCheck": {"intervalSeconds": 30}})
        while status(folder).get("state") != "running":
            time.sleep(0.05)
        before = cpu_seconds(daemon.pid)
        time.sleep(IDLE)
        idle_cpu = cpu_seconds(daemon.pid) - before
        idle_rss = rss_mb(daemon.pid)
        daemon.terminate()
        daemon.wait()

    samples = []
    with tempfile.TemporaryDirectory() as folder:
        daemon = start(supervisor, folder, [fake, "--ready-line", "READY", "--exit-after", "0"],
                       {"daemon": {"restartBaseSeconds": 0, "restartFactor": 1, "giveUpFailures": 1000000,
                                   "logMaxBytes": 1048576, "logKeep": 2}})
        started = time.time()
        marks = sorted({10, 100, RESTARTS // 4, RESTARTS // 2, 3 * RESTARTS // 4, RESTARTS})
        for mark in marks:
            while status(folder).get("restarts", 0) < mark:
                time.sleep(0.02)
            samples.append((mark, rss_mb(daemon.pid)))
        took = time.time() - started
        daemon.terminate()
        daemon.wait()
        logs = sorted(os.listdir(os.path.join(folder, "state", "daemon", "_invoker")))

    print(f"daemon benchmark, release build (static Swift runtime), {os.cpu_count()} cores")
    print(f"Idle: {idle_cpu:.3f} s CPU over {IDLE:.0f} s with a READY invoker and a 30 s health check"
          f" = {idle_cpu * 60 / IDLE:.3f} s per idle minute (target < 0.1); RSS {idle_rss:.1f} MB")
    print("  peer for scale: supervisord's main loop wakes every 1 s (poll timeout 1 s) even when idle")
    print(f"Restarts: {RESTARTS} restart cycles in {took:.1f} s ({took / RESTARTS * 1000:.1f} ms each); daemon VmRSS by restart count:")
    for mark, rss in samples:
        print(f"  after {mark:5d} restarts: {rss:6.1f} MB")
    growth = samples[-1][1] - samples[1][1]
    print(f"  growth from {samples[1][0]} to {samples[-1][0]} restarts: {growth:+.1f} MB (target: flat)")
    print(f"  log files after rotation (1 MiB, keep 2): {', '.join(logs)}")


if __name__ == "__main__":
    main()
