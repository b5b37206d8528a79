#!/usr/bin/env python3
"""Start-up: from launching the supervisor to the invoker's first instruction (Linux).

`run` is launched against the fake invoker, which stamps the clock (µs) as it begins
(`--start-stamp`); the time from just before the launch to that stamp is the start-up the
invoker waits for. The limit, in the same run and launched the same way: the fake invoker
started directly. Measured with the host's usual processes and again with EXTRA more sleeping
processes (the supervisor lists processes for the `pre-invoker` snapshot before the spawn).

Usage: python3 Benchmarks/startup.py [RUNS] [EXTRA]   (defaults 50 and 1000)
"""
import json, os, subprocess, sys, tempfile, time

from benchlib import build, percentile

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 50
EXTRA = int(sys.argv[2]) if len(sys.argv) > 2 else 1000


def first_instruction(command, folder):
    stamp = os.path.join(folder, "start.txt")
    if os.path.exists(stamp):
        os.remove(stamp)
    launched = time.time()
    process = subprocess.Popen(command, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not (os.path.exists(stamp) and open(stamp).read().strip()):
        time.sleep(0.0005)
    started = int(open(stamp).read().split()[0]) / 1e6
    process.kill()
    process.wait()
    return (started - launched) * 1000


def measure(supervisor, fake, folder):
    config = {"invoker": {"command": [fake, "--start-stamp", "start.txt", "--hang"]}, "ready": {"line": "^READY$"},
              "attempts": 1, "timeoutSeconds": 30, "resultsDir": "results", "stopGraceSeconds": 0.5}
    json.dump(config, open(os.path.join(folder, "config.json"), "w"))
    ours, direct = [], []
    for _ in range(RUNS):
        ours.append(first_instruction([supervisor, "run", "--config", "config.json"], folder))
        direct.append(first_instruction([fake, "--start-stamp", "start.txt", "--hang"], folder))
    return ours, direct


def main():
    supervisor, _, fake = build()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        ours, direct = measure(supervisor, fake, folder)
        rows.append((f"host as it is ({len(os.listdir('/proc'))} /proc entries)", ours, direct))
        sleepers = [subprocess.Popen(["sleep", "600"]) for _ in range(EXTRA)]
        try:
            ours, direct = measure(supervisor, fake, folder)
            rows.append((f"with {EXTRA} more processes", ours, direct))
        finally:
            for sleeper in sleepers:
                sleeper.kill()
            for sleeper in sleepers:
                sleeper.wait()
    print(f"start-up: launch -> the invoker's first instruction, {RUNS} runs, release build (static runtime), {os.cpu_count()} cores")
    print(f"  {'':44} {'p50 ms':>8} {'p99 ms':>8} {'limit p50':>10}")
    for name, ours, direct in rows:
        print(f"  {name:44} {percentile(ours, 50):8.2f} {percentile(ours, 99):8.2f} {percentile(direct, 50):10.2f}")
    print("  limit: the fake invoker launched directly the same way; goal <= 2.5 ms p50, <= 4 ms with 1,000 more processes")


if __name__ == "__main__":
    main()
