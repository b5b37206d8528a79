#!/usr/bin/env python3
"""Loading a large config, whole process start to finish, against JSON readers a user would reach for.

  ours    invoker-supervisor status --config FILE --results-dir EMPTY  (release, static Swift
          runtime; reads, parses and validates the whole config, then finds no session)
  python  python3 -c 'json.load(open(FILE))'
  jq      jq empty FILE   (when jq is installed)

The config is valid and SIZE MB: the invoker, a READY line, and as many steps as fit (an array of
objects with names, commands and environments, the shape the issue measured). Each tool's time on a
tiny config is subtracted, so the figures are the loading alone; MB/s is SIZE over that.

Usage: python3 Benchmarks/config_load.py [SIZE_MB] [RUNS]   (defaults 4 and 10)
"""
import json, os, statistics, subprocess, sys, tempfile, time

from benchlib import build
SIZE_MB = float(sys.argv[1]) if len(sys.argv) > 1 else 4
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 10


def config(steps):
    return {"invoker": {"command": ["pwsh", "-NoProfile", "-File", "tools/Start-Invoker.ps1"]}, "ready": {"line": "READY"},
            "steps": [{"name": f"step-{i}", "command": ["pwsh", "-NoProfile", "-File", f"tools/Run-Compare-{i}.ps1", "-Mode", "quick check"],
                       "environment": {"COMPARE_INDEX": str(i), "COMPARE_NOTE": "ünïcode and \"quotes\" \\ back"}} for i in range(steps)]}


def write(folder, name, document):
    path = os.path.join(folder, name)
    with open(path, "w") as out:
        json.dump(document, out, indent=2, ensure_ascii=False)
    return path


def timed(command):
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main():
    supervisor, _, _ = build()
    with tempfile.TemporaryDirectory() as folder:
        one = len(json.dumps(config(1)["steps"][0], indent=2, ensure_ascii=False).encode())
        big = write(folder, "big.json", config(int(SIZE_MB * 1e6 / one)))
        tiny = write(folder, "tiny.json", config(1))
        size = os.path.getsize(big) / 1e6
        empty = os.path.join(folder, "results")
        os.mkdir(empty)
        peers = {
            "ours": lambda path: [supervisor, "status", "--config", path, "--results-dir", empty],
            "python": lambda path: [sys.executable, "-c", "import json, sys; json.load(open(sys.argv[1]))", path],
        }
        if subprocess.run(["sh", "-c", "command -v jq"], capture_output=True).returncode == 0:
            peers["jq"] = lambda path: ["jq", "empty", path]
        else:
            print("jq is not installed: compared with python only")
        loads = {}
        for name, command in peers.items():
            startup = statistics.median(timed(command(tiny)) for _ in range(RUNS))
            loads[name] = max(statistics.median(timed(command(big)) for _ in range(RUNS)) - startup, 1e-6)
    print(f"config load, {size:.1f} MB ({RUNS} runs each, start-up on a tiny config subtracted), {os.cpu_count()} cores")
    print(f"  {'tool':8} {'ms':>8} {'MB/s':>8}  ours / tool")
    for name, seconds in loads.items():
        print(f"  {name:8} {seconds * 1000:8.1f} {size / seconds:8.1f}  {loads['ours'] / seconds:5.2f}x")
    print("target: tens of MB/s, as JSONSerialization")


if __name__ == "__main__":
    main()
