#!/usr/bin/env python3
"""READY detection latency, start-up time and peak RSS of invoker-supervisor (Linux).

Runs the release build (statically linked Swift runtime, as shipped) against the bundled fake invoker, RUNS times per READY mode, and prints
p50/p99 of the time between the fake invoker signalling READY (its --stamp, in microseconds)
and boot.log's `ready observed` line (milliseconds). The named peer is the seed repo's
PowerShell loop (`Test-Path ready.json` every 300 ms), emulated here as the same poll in Python.

Usage: python3 Benchmarks/ready_latency.py [RUNS]   (default 50; builds with `swift build -c release`,
       the static binary into .build-static)
"""
import datetime, json, os, random, statistics, subprocess, sys, tempfile, time

from benchlib import build, percentile
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 50


def boot_stamp(line):
    stamp = line[1:line.index("]")]
    return datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc).timestamp()


def run_once(supervisor, fake, mode, folder):
    ready = {"file": {"file": "ready.json"}, "line": {"line": "^READY$"}}[mode]
    knobs = {"file": ["--ready-file", "ready.json"], "line": ["--ready-line", "READY"]}[mode]
    config = {"invoker": {"command": [fake, "--boot-delay", "0.2", "--stamp", "stamp.txt"] + knobs},
              "ready": ready, "attempts": 1, "timeoutSeconds": 30, "resultsDir": "results", "stopGraceSeconds": 2}
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(config, f)
    launched = time.time()
    process = subprocess.Popen([supervisor, "run", "--config", "config.json"], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak_kb = 0
    while process.poll() is None:
        try:
            with open(f"/proc/{process.pid}/status") as status:
                for entry in status:
                    if entry.startswith("VmHWM:"):
                        peak_kb = max(peak_kb, int(entry.split()[1]))
        except OSError:
            pass
        time.sleep(0.005)
    assert process.returncode == 0, f"supervisor exited {process.returncode} in {folder}"
    lines = open(os.path.join(folder, "results/_invoker/boot.log")).read().splitlines()
    signalled = int(open(os.path.join(folder, "stamp.txt")).read().split()[0]) / 1e6
    observed = boot_stamp(next(l for l in lines if "ready observed" in l))
    spawned = boot_stamp(next(l for l in lines if "attempt#1 spawn pid=" in l))
    return (observed - signalled) * 1000, (spawned - launched) * 1000, peak_kb / 1024


def peer_once(fake, folder):
    """The seed's loop: Test-Path ready.json every 300 ms, its phase random against the invoker's boot."""
    process = subprocess.Popen([fake, "--boot-delay", "0.2", "--ready-file", "ready.json", "--stamp", "stamp.txt"],
                               cwd=folder, stdout=subprocess.DEVNULL)
    time.sleep(random.uniform(0, 0.3))
    while not os.path.exists(os.path.join(folder, "ready.json")):
        time.sleep(0.3)
    seen = time.time()
    stamp = os.path.join(folder, "stamp.txt")
    while not (os.path.exists(stamp) and open(stamp).read().strip()):
        time.sleep(0.001)
    process.kill()
    process.wait()
    return (seen - int(open(os.path.join(folder, "stamp.txt")).read().split()[0]) / 1e6) * 1000


def version_ms(supervisor):
    started = time.perf_counter()
    subprocess.run([supervisor, "--version"], check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - started) * 1000


def runs(supervisor, fake, mode, count):
    samples = []
    for _ in range(count):
        with tempfile.TemporaryDirectory() as folder:
            samples.append(run_once(supervisor, fake, mode, folder))
    return samples


def main():
    static, dynamic, fake = build()
    results = {mode: runs(static, fake, mode, RUNS) for mode in ("file", "line")}
    dynamic_rss = [s[2] for s in runs(dynamic, fake, "file", min(RUNS, 10))]
    peer = []
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as folder:
            peer.append(peer_once(fake, folder))
    versions = [version_ms(static) for _ in range(RUNS)]

    print(f"invoker-supervisor benchmark, {RUNS} runs per row, release build, {os.cpu_count()} cores")
    print("READY detection latency (fake invoker signals READY -> boot.log 'ready observed'; boot.log has 1 ms resolution)")
    print(f"  {'mode':28} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}  target")
    for mode, target in (("file", "p99 <= 20 ms"), ("line", "p99 <= 5 ms")):
        lat = [s[0] for s in results[mode]]
        print(f"  {'supervisor, ready.' + mode:28} {percentile(lat, 50):8.1f} {percentile(lat, 99):8.1f} {max(lat):8.1f}  {target}")
    print(f"  {'peer: seed 300 ms Test-Path':28} {percentile(peer, 50):8.1f} {percentile(peer, 99):8.1f} {max(peer):8.1f}  (emulated poll)")
    startup = [s[1] for r in results.values() for s in r]
    rss = [s[2] for r in results.values() for s in r]
    print("Start-up")
    print(f"  launch -> first invoker spawn logged: p50 {percentile(startup, 50):.1f} ms, p99 {percentile(startup, 99):.1f} ms  (target <= 20 ms)")
    print(f"  `invoker-supervisor --version` wall time: p50 {percentile(versions, 50):.1f} ms, p99 {percentile(versions, 99):.1f} ms")
    print("Peak RSS (VmHWM) during a run  (target <= 20 MB)")
    print(f"  static Swift runtime (shipped): max {max(rss):.1f} MB, p50 {statistics.median(rss):.1f} MB")
    print(f"  dynamic Swift runtime (swift build default): max {max(dynamic_rss):.1f} MB, p50 {statistics.median(dynamic_rss):.1f} MB"
          " (mostly shared library pages)")


if __name__ == "__main__":
    main()
