#!/usr/bin/env python3
"""Memory of one long `run`: does the supervisor's resident memory stay flat as steps pile up?

A `run` against the fake invoker (READY at once) runs STEPS heavy steps of `/bin/true`, each with
its pre/post process snapshots. From outside, every 20 ms, the supervisor's VmRSS is read from
/proc and paired with how many steps boot.log says have ended. Printed: RSS after 200 steps and
after the last, and the growth between them (goal: <= 2 MB from 200 to 2,000 steps). The reference,
in the same run, is the supervisor's own RSS after 200 steps.

Usage: python3 Benchmarks/run_memory.py [STEPS]   (default 2000)
"""
import json, os, subprocess, sys, tempfile, time

from benchlib import build

STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 2000


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None


def main():
    supervisor, _, fake = build()
    with tempfile.TemporaryDirectory() as folder:
        steps = [{"name": f"s{index}", "command": ["/bin/true"]} for index in range(STEPS)]
        config = {"invoker": {"command": [fake, "--ready-line", "READY"]}, "ready": {"line": "READY"},
                  "attempts": 1, "timeoutSeconds": 10, "resultsDir": "results", "steps": steps}
        json.dump(config, open(os.path.join(folder, "config.json"), "w"))
        boot_log = os.path.join(folder, "results/_invoker/boot.log")
        started = time.time()
        process = subprocess.Popen([supervisor, "run", "--config", "config.json", "--summary", "summary.md"], cwd=folder,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples, ended, offset = [], 0, 0
        while process.poll() is None:
            try:
                with open(boot_log, "rb") as log:
                    log.seek(offset)
                    data = log.read()
                cut = data.rfind(b"\n") + 1
                ended += data[:cut].count(b" end exit=")
                offset += cut
            except OSError:
                pass
            rss = rss_kb(process.pid)
            if rss is not None:
                samples.append((ended, rss))
            time.sleep(0.02)
        assert process.returncode == 0, f"run exited {process.returncode}"
        elapsed = time.time() - started
        summary = os.path.getsize(os.path.join(folder, "summary.md"))
    at_200 = max((rss for done, rss in samples if done <= 200), default=0)
    at_end = max((rss for done, rss in samples if done >= STEPS - 10), default=samples[-1][1])
    print(f"run with {STEPS} steps of /bin/true, release build (static runtime), {os.cpu_count()} cores, {elapsed:.1f} s")
    print(f"  reference, RSS after 200 steps: {at_200 / 1024:.2f} MB")
    print(f"  RSS after {STEPS} steps:          {at_end / 1024:.2f} MB; growth {(at_end - at_200) / 1024:.2f} MB "
          f"({(at_end - at_200) / max(1, STEPS - 200):.2f} KB per step; goal <= 2 MB from 200 to 2,000)")
    print(f"  summary written: {summary / 1024:.0f} KB")


if __name__ == "__main__":
    main()
