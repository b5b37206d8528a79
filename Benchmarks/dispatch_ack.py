#!/usr/bin/env python3
"""PR comment dispatch: time to acknowledge, and API calls per dispatch, against a fake GitHub.

`invoker-supervisor dispatch event` (which runs invoker-supervisor-dispatch) is run once per comment (RUNS comments, as an issue_comment
workflow would), against a local fake of the REST endpoints it uses. Measured per comment:
the time from the process start (handling start) to the ack reply's POST reaching the server, and
the API calls made. Targets: ack p99 <= 1 s; API calls per successful dispatch as docs/performance.md says.
Peer: the seed repo's comment handler posts its reply only after dispatching (no separate ack).

Usage: python3 Benchmarks/dispatch_ack.py [RUNS]   (default 100)
"""
import json, os, subprocess, sys, tempfile, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from benchlib import ROOT, build, percentile, swift_build

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 100
calls = []
acks = []
lock = threading.Lock()


class FakeGitHub(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body=None):
        data = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length) or b"null")
        path = self.path.split("?")[0]
        with lock:
            calls.append((self.command, path))
            if self.command == "POST" and path.endswith("/issues/42/comments"):
                acks.append(time.time())
        if path.endswith("/pulls/42"):
            return self.reply(200, {"number": 42, "head": {"ref": "feature/x", "sha": "ab" * 20, "repo": {"full_name": "o/r"}},
                                    "base": {"ref": "develop"}})
        if path.endswith("/permission"):
            return self.reply(200, {"permission": "write", "role_name": "write"})
        if path.endswith("/runs"):
            return self.reply(200, {"total_count": 0, "workflow_runs": []})
        if path.endswith("/dispatches"):
            return self.reply(200, {"workflow_run_id": 1, "html_url": "https://github.com/o/r/actions/runs/1"})
        if self.command == "POST" and path.endswith("/comments"):
            return self.reply(201, {"id": 99, "body": body["body"]})
        if path.endswith("/comments"):
            return self.reply(200, [])
        return self.reply(201 if self.command == "POST" else 200, {})

    do_GET = do_POST = do_PATCH = handle_any


def main():
    supervisor, dynamic, _ = build()
    runtime = "static runtime"
    try:
        swift_build("--static-swift-stdlib", "--scratch-path", os.path.join(ROOT, ".build-static"), "--product", "invoker-supervisor-dispatch")
    except subprocess.CalledProcessError:
        # A static FoundationNetworking needs libcurl's development files (libcurl.so); without them, the dynamic build.
        supervisor, runtime = dynamic, "dynamic runtime: no libcurl.so here to link a static dispatcher"
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeGitHub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    latencies, per_dispatch = [], []
    with tempfile.TemporaryDirectory() as folder:
        for index in range(RUNS):
            event = {"repository": {"full_name": "o/r"}, "issue": {"number": 42, "pull_request": {}},
                     "comment": {"id": 1000 + index, "html_url": "https://github.com/o/r/pull/42#issuecomment-1",
                                 "user": {"login": "maintainer"}, "author_association": "MEMBER",
                                 "body": f"/run orchestrated sample_id=bench-{index}"}}
            path = os.path.join(folder, "event.json")
            json.dump(event, open(path, "w"))
            before = len(calls)
            started = time.time()
            subprocess.run([supervisor, "dispatch", "event"], check=True, stdout=subprocess.DEVNULL,
                           env={"GITHUB_TOKEN": "t", "GITHUB_EVENT_PATH": path,
                                "GITHUB_API_URL": f"http://127.0.0.1:{server.server_port}", "PATH": os.environ["PATH"]})
            latencies.append((acks[-1] - started) * 1000)
            per_dispatch.append(len(calls) - before)
    server.shutdown()
    print(f"dispatch event against a fake GitHub on loopback, {RUNS} comments, release build ({runtime}), {os.cpu_count()} cores")
    print(f"  handling start (process launch) -> ack POST: p50 {percentile(latencies, 50):.1f} ms, p99 {percentile(latencies, 99):.1f} ms  (target p99 <= 1000 ms)")
    print(f"  API calls per dispatch in event mode: {min(per_dispatch)}-{max(per_dispatch)}"
          " (PR lookup + permission + earlier replies + busy check in_progress + queued + ack + reaction + race check + dispatch + edit)")
    print("  in poll mode the PR lookup is cached and the replies are remembered locally: 7 calls (CommentPollerTests)")


if __name__ == "__main__":
    main()
