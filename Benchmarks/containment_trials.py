#!/usr/bin/env python3
"""Containment: N trials of a hung invoker whose grandchildren escape its process group.

Each trial: the fake invoker hangs (never READY), ignores SIGTERM, starts a grandchild in its group
(LVCompare) and two that leave the tree as daemons do (setsid + double fork: LabVIEW, pwsh), all
ignoring SIGTERM. The supervisor's attempt times out after 0.3 s and stops the tree with a 0.2 s
grace. Measured from outside: survivors (the PIDs the fake invoker wrote, alive after the
supervisor exited) and the time from the boot.log timeout line to the stop line.

Peer, in the same run: a process-group stop (SIGTERM to the group, the same grace, SIGKILL to the
group), which is what runit, daemontools, s6 and supervisord's `killasgroup` do.

    python3 Benchmarks/containment_trials.py [TRIALS]
"""
import datetime
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

from benchlib import percentile, swift_build


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, IndexError, ProcessLookupError):
        return False


def wait_pids(path, count, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            pids = [int(x) for x in open(path).read().split()]
            if len(pids) >= count:
                return pids
        except FileNotFoundError:
            pass
        time.sleep(0.01)
    return []


def stamp(line):
    return datetime.datetime.strptime(line[1:24], "%Y-%m-%dT%H:%M:%S.%f").timestamp()


def knobs(pid_file):
    return ["--hang", "--ignore-term", "--grandchildren", "LVCompare", "--escape", "LabVIEW,pwsh", "--pid-file", pid_file]


def ours(supervisor, fake, folder):
    pid_file = os.path.join(folder, "pids.txt")
    config = {"invoker": {"command": [fake] + knobs(pid_file)}, "ready": {"line": "^READY$"}, "attempts": 1,
              "timeoutSeconds": 0.3, "stopGraceSeconds": 0.2, "resultsDir": os.path.join(folder, "results")}
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(config, f)
    subprocess.run([supervisor, "run", "--config", os.path.join(folder, "config.json")], cwd=folder,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")})
    pids = wait_pids(pid_file, 4)
    lines = open(os.path.join(folder, "results", "_invoker", "boot.log")).read().splitlines()
    timed_out = next(stamp(l) for l in lines if "timed out after" in l)
    stopped = next(stamp(l) for l in lines if " stopped pid=" in l)
    time.sleep(0.05)
    return [p for p in pids if alive(p)], (stopped - timed_out) * 1000


def group_stop(fake, folder):
    pid_file = os.path.join(folder, "pids.txt")
    child = subprocess.Popen([fake] + knobs(pid_file), start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pids = wait_pids(pid_file, 4)
    began = time.time()
    os.killpg(child.pid, signal.SIGTERM)
    time.sleep(0.2)
    os.killpg(child.pid, signal.SIGKILL)
    child.wait()
    took = (time.time() - began) * 1000
    time.sleep(0.05)
    return [p for p in pids if alive(p)], took


def main():
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    folder = swift_build()
    supervisor, fake = folder + "/invoker-supervisor", folder + "/fake-invoker"
    results = {"invoker-supervisor": [], "process-group stop": []}
    survivors = {"invoker-supervisor": 0, "process-group stop": 0}
    dirty = {"invoker-supervisor": 0, "process-group stop": 0}
    for trial in range(trials):
        for name, runner in (("invoker-supervisor", lambda d: ours(supervisor, fake, d)), ("process-group stop", lambda d: group_stop(fake, d))):
            with tempfile.TemporaryDirectory() as scratch:
                left, ms = runner(scratch)
                survivors[name] += len(left)
                dirty[name] += 1 if left else 0
                results[name].append(ms)
                for pid in left:
                    os.kill(pid, signal.SIGKILL)
    print(f"{trials} trials, hung invoker ignoring SIGTERM, 1 grandchild in its group + 2 escaped (setsid, double fork), grace 0.2 s")
    print(f"{'':22}{'survivors':>10}{'clean trials':>14}{'stop p50 ms':>13}{'stop p99 ms':>13}")
    for name, values in results.items():
        print(f"{name:22}{survivors[name]:>10}{trials - dirty[name]:>10}/{trials:<3}"
              f"{percentile(values, 50):>13.1f}{percentile(values, 99):>13.1f}")


if __name__ == "__main__":
    main()
