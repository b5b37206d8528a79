#!/usr/bin/env python3
"""One process snapshot, whole process start to finish, against the peers a user would reach for.

  ours    invoker-supervisor snapshot --phase bench --json   (release, static Swift runtime; lists
          every process in /proc, keeps pwsh / LVCompare / LabVIEW)
  ps      ps -e -o pid,ppid,comm,lstart
  psutil  python3 -c 'psutil.process_iter(pid, ppid, name, create_time)' filtered to the same names

RUNS runs each, interleaved, with EXTRA idle processes started first so the machine has a runner-like
process count, plus one pwsh, LVCompare and LabVIEW (the fake invoker through links).
psutil is installed for the benchmark only (pip install psutil); it is not a dependency, and
without it the comparison is with ps only.

Usage: python3 Benchmarks/snapshot_vs_peers.py [RUNS] [EXTRA]   (defaults 50 and 200)
"""
import os, statistics, subprocess, sys, time

from benchlib import build, percentile
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 50
EXTRA = int(sys.argv[2]) if len(sys.argv) > 2 else 200
PSUTIL = ("import psutil\n"
          "names = {'pwsh', 'lvcompare', 'labview'}\n"
          "[p.info for p in psutil.process_iter(['pid', 'ppid', 'name', 'create_time']) if (p.info['name'] or '').lower() in names]\n")


def timed(command):
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - started) * 1000


def main():
    supervisor, _, fake = build()
    idle = [subprocess.Popen(["sleep", "600"]) for _ in range(EXTRA)]
    named = subprocess.Popen([fake, "--hang", "--grandchildren", "pwsh,LVCompare,LabVIEW"])
    time.sleep(0.5)
    try:
        peers = {
            "ours": [supervisor, "snapshot", "--phase", "bench", "--json"],
            "ps": ["ps", "-e", "-o", "pid,ppid,comm,lstart"],
        }
        if subprocess.run([sys.executable, "-c", "import psutil"], capture_output=True).returncode == 0:
            peers["psutil"] = [sys.executable, "-c", PSUTIL]
        else:
            print("psutil is not installed (pip install psutil): compared with ps only")
        times = {name: [] for name in peers}
        for _ in range(RUNS):
            for name, command in peers.items():
                times[name].append(timed(command))
        count = len([d for d in os.listdir("/proc") if d.isdigit()])
    finally:
        named.kill()
        subprocess.run(["pkill", "-x", "pwsh"]); subprocess.run(["pkill", "-x", "LVCompare"]); subprocess.run(["pkill", "-x", "LabVIEW"])
        for process in idle:
            process.kill()
        for process in idle:
            process.wait()
    ours = statistics.median(times["ours"])
    print(f"process snapshot, whole process start to finish, {RUNS} runs each, {count} processes on the machine, {os.cpu_count()} cores")
    print(f"  {'tool':8} {'p50 ms':>8} {'p99 ms':>8}  ours / tool (p50)")
    for name, values in times.items():
        p50 = statistics.median(values)
        print(f"  {name:8} {p50:8.1f} {percentile(values, 99):8.1f}  {ours / p50:5.2f}x")
    print("targets: ours <= 1.0x ps, <= 0.2x psutil")


if __name__ == "__main__":
    main()
