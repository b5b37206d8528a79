"""What the benchmarks share: building the binaries they measure, and percentiles."""
import os
import time
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


class LineObserver:
    """Stamps (time.time()) the first moment a line containing `needle` is in `path`, from outside the
    writer: a thread blocked on inotify for the file's folder, which re-reads the new bytes on every
    change. Its own reaction is tens of microseconds, so sub-millisecond latencies can be measured."""

    IN_MODIFY, IN_CREATE, IN_MOVED_TO = 0x2, 0x100, 0x80

    def __init__(self, path, needle):
        import ctypes, threading
        self.path, self.needle, self.seen = path, needle.encode(), None
        libc = ctypes.CDLL(None, use_errno=True)
        self.fd = libc.inotify_init1(0o2000000)  # IN_CLOEXEC
        os.makedirs(os.path.dirname(path), exist_ok=True)
        libc.inotify_add_watch(self.fd, os.path.dirname(path).encode(), self.IN_MODIFY | self.IN_CREATE | self.IN_MOVED_TO)
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        offset, pending = 0, b""
        while self.seen is None:
            try:
                os.read(self.fd, 65536)
            except OSError:
                return
            try:
                with open(self.path, "rb") as f:
                    f.seek(offset)
                    data = f.read()
            except OSError:
                continue
            now = time.time()
            offset += len(data)
            pending += data
            if self.needle in pending:
                self.seen = now
                return
            pending = pending[-len(self.needle):]

    def close(self):
        """Closes the inotify descriptor once the thread is done with it (a thread still blocked keeps it)."""
        self.thread.join(timeout=1)
        if not self.thread.is_alive():
            os.close(self.fd)
