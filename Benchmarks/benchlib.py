"""What the benchmarks share: building the binaries they measure, and percentiles."""
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def swift_build(*extra):
    """swift build -c release with `extra`; returns the folder of the built binaries."""
    subprocess.run(["swift", "build", "-c", "release", *extra], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return subprocess.run(["swift", "build", "-c", "release", "--show-bin-path", *extra], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()


def build():
    """(supervisor with the static Swift runtime, as shipped; supervisor with the dynamic one; fake invoker)."""
    dynamic = swift_build()
    static = swift_build("--static-swift-stdlib", "--scratch-path", os.path.join(ROOT, ".build-static"), "--product", "invoker-supervisor")
    return static + "/invoker-supervisor", dynamic + "/invoker-supervisor", dynamic + "/fake-invoker"


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]
