#!/usr/bin/env python3
"""READY detection latency, start-up time and peak RSS of invoker-supervisor (Linux).

Runs the release build (statically linked Swift runtime, as shipped) against the bundled fake invoker, RUNS times per READY mode
(file, line, tcp), interleaved, and prints p50/p99 of the time between the fake invoker stamping
the clock just before it signals READY (--stamp, microseconds) and an outside observer (a thread
blocked on inotify for boot.log's folder) seeing boot.log's `ready observed` line. Peers, in the
same run: the seed repo's PowerShell loop (`Test-Path ready.json` every 300 ms) emulated in Python,
and for TCP a 1 ms connect loop in Python (the limit reference).

Usage: python3 Benchmarks/ready_latency.py [RUNS]   (default 50; builds with `swift build -c release`,
       the static binary into .build-static)
"""
import datetime, json, os, random, statistics, subprocess, sys, tempfile, time

import socket

from benchlib import LineObserver, build, percentile
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 50


def boot_stamp(line):
    stamp = line[1:line.index("]")]
    return datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc).timestamp()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write_config(folder, fake, mode, boot_delay, knobs=()):
    """config.json in `folder`: the fake invoker signalling READY in `mode` after `boot_delay` s."""
    port = free_port()
    ready = {"file": {"file": "ready.json"}, "line": {"line": "^READY$"}, "tcp": {"tcp": f"127.0.0.1:{port}"}}[mode]
    signal = {"file": ["--ready-file", "ready.json"], "line": ["--ready-line", "READY"], "tcp": ["--ready-port", str(port)]}[mode]
    config = {"invoker": {"command": [fake, "--boot-delay", str(boot_delay), *knobs, *signal]},
              "ready": ready, "attempts": 1, "timeoutSeconds": 30, "resultsDir": "results", "stopGraceSeconds": 2}
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(config, f)


def run_once(supervisor, fake, mode, folder):
    write_config(folder, fake, mode, 0.2, ["--stamp", "stamp.txt"])
    observer = LineObserver(os.path.join(folder, "results/_invoker/boot.log"), "ready observed")
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
    observer.close()
    assert observer.seen is not None, f"no 'ready observed' seen in {folder}"
    lines = open(os.path.join(folder, "results/_invoker/boot.log")).read().splitlines()
    signalled = int(open(os.path.join(folder, "stamp.txt")).read().split()[0]) / 1e6
    spawned = boot_stamp(next(l for l in lines if "attempt#1 spawn pid=" in l))
    return (observer.seen - signalled) * 1000, (spawned - launched) * 1000, peak_kb / 1024


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


def observer_floor_once(folder):
    """The observer's own latency: a process stamps the clock, then appends the line itself."""
    path = os.path.join(folder, "results/_invoker/boot.log")
    observer = LineObserver(path, "ready observed")
    writer = ("import os, time\ntime.sleep(0.2)\nfd = os.open(%r, os.O_WRONLY | os.O_CREAT | os.O_APPEND)\n"
              "stamp = time.time()\nos.write(fd, b'[x] attempt#1 ready observed\\n')\nprint(stamp)") % path
    stamp = float(subprocess.run([sys.executable, "-c", writer], check=True, capture_output=True, text=True).stdout)
    observer.close()
    return (observer.seen - stamp) * 1000


def tcp_peer_once(fake, folder):
    """The limit reference for TCP: connect every 1 ms until the port accepts."""
    port = free_port()
    process = subprocess.Popen([fake, "--boot-delay", "0.2", "--ready-port", str(port), "--stamp", "stamp.txt"],
                               cwd=folder, stdout=subprocess.DEVNULL)
    while True:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                seen = time.time()
                break
        time.sleep(0.001)
    process.kill()
    process.wait()
    return (seen - int(open(os.path.join(folder, "stamp.txt")).read().split()[0]) / 1e6) * 1000


def waiting_cpu(supervisor, fake, mode, seconds=3):
    """CPU time (% of one core) the supervisor spends while the invoker boots for `seconds`."""
    with tempfile.TemporaryDirectory() as folder:
        write_config(folder, fake, mode, seconds)
        started = time.time()
        process = subprocess.Popen([supervisor, "run", "--config", "config.json"], cwd=folder,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(process.pid, 0)
        return (usage.ru_utime + usage.ru_stime) / (time.time() - started) * 100


def version_ms(supervisor):
    started = time.perf_counter()
    subprocess.run([supervisor, "--version"], check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - started) * 1000


def main():
    static, dynamic, fake = build()
    modes = ("file", "line", "tcp")
    results = {mode: [] for mode in modes}
    peer, tcp_peer, floor = [], [], []
    for _ in range(RUNS):  # interleaved, so load on the machine falls on every row alike
        for mode in modes:
            with tempfile.TemporaryDirectory() as folder:
                results[mode].append(run_once(static, fake, mode, folder))
        with tempfile.TemporaryDirectory() as folder:
            peer.append(peer_once(fake, folder))
        with tempfile.TemporaryDirectory() as folder:
            tcp_peer.append(tcp_peer_once(fake, folder))
        with tempfile.TemporaryDirectory() as folder:
            floor.append(observer_floor_once(folder))
    dynamic_rss = []
    for _ in range(min(RUNS, 10)):
        with tempfile.TemporaryDirectory() as folder:
            dynamic_rss.append(run_once(dynamic, fake, "file", folder)[2])
    versions = [version_ms(static) for _ in range(RUNS)]

    print(f"invoker-supervisor benchmark, {RUNS} runs per row, release build, {os.cpu_count()} cores")
    print("READY detection latency (invoker stamps just before READY -> an inotify observer sees boot.log's 'ready observed')")
    print(f"  {'mode':32} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}  goal")
    for mode, goal in (("file", "p50 <= 0.5 ms"), ("line", "p50 <= 0.3 ms"), ("tcp", "p50 <= 1.5 ms")):
        lat = [s[0] for s in results[mode]]
        print(f"  {'supervisor, ready.' + mode:32} {percentile(lat, 50):8.2f} {percentile(lat, 99):8.2f} {max(lat):8.2f}  {goal}")
    print(f"  {'peer: seed 300 ms Test-Path':32} {percentile(peer, 50):8.2f} {percentile(peer, 99):8.2f} {max(peer):8.2f}  (emulated poll)")
    print(f"  {'reference: 1 ms connect loop':32} {percentile(tcp_peer, 50):8.2f} {percentile(tcp_peer, 99):8.2f} {max(tcp_peer):8.2f}  (Python)")
    print(f"  {'observer floor (line appended)':32} {percentile(floor, 50):8.2f} {percentile(floor, 99):8.2f} {max(floor):8.2f}"
          "  (the observer's own share of every row)")
    print("CPU while waiting 3 s for READY (supervisor and its reaped children, % of one core)")
    print("  " + ", ".join(f"ready.{mode} {waiting_cpu(static, fake, mode):.2f} %" for mode in modes))
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
