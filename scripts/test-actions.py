#!/usr/bin/env python3
"""Runs this repository's actions (action.yml, dispatch/action.yml) as a runner would, here.

Each test reads the action.yml, evaluates its `${{ inputs.* }}` / `${{ steps.*.outputs.* }}`
expressions, and runs every step's `run:` with bash the way GitHub's `shell: bash` does, with
GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_PATH, RUNNER_TOOL_CACHE, RUNNER_OS and RUNNER_ARCH in a
temporary folder, and the installer pointed at a local release (file://) built here by
scripts/package-release.sh: from a fake binary (a shell script), and, when it has been built, from the
real .build/debug/invoker-supervisor against the bundled fake invoker.

Python 3 standard library only. Usage: python3 scripts/test-actions.py [-v] [TestName …]
Set TEST_ACTIONS_REQUIRE_REAL=1 to fail instead of skipping when the real binary is not built.
"""
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL_BIN = os.path.join(ROOT, ".build", "debug")


# ---- a small YAML reader: the subset action.yml files here use (maps, lists, block scalars) ----

class MiniYAML:
    KEY = re.compile(r"^([^\s:#][^:#]*?):(?:\s+(.*))?$")

    def __init__(self, text):
        self.lines = text.split("\n")
        self.i = 0

    @classmethod
    def load(cls, path):
        with open(path, encoding="utf-8") as f:
            return cls(f.read()).node(0)

    def peek(self):
        while self.i < len(self.lines):
            line = self.lines[self.i]
            s = line.strip()
            if s and not s.startswith("#"):
                return len(line) - len(line.lstrip(" ")), s
            self.i += 1
        return None

    def node(self, indent):
        top = self.peek()
        if top is None:
            return None
        return self.seq(top[0]) if top[1].startswith("- ") else self.map(top[0])

    def map(self, indent):
        out = {}
        while True:
            top = self.peek()
            if top is None or top[0] < indent or top[1].startswith("- "):
                return out
            if top[0] > indent:
                raise ValueError("line %d: unexpected indent" % (self.i + 1))
            m = self.KEY.match(top[1])
            if not m:
                raise ValueError("line %d: not a key: %r" % (self.i + 1, top[1]))
            key, rest = m.group(1).strip(), (m.group(2) or "").strip()
            self.i += 1
            if rest in ("|", "|-", ">", ">-"):
                out[key] = self.block(indent, rest)
            elif rest == "":
                nxt = self.peek()
                deeper = nxt is not None and (nxt[0] > indent or (nxt[0] == indent and nxt[1].startswith("- ")))
                out[key] = self.node(nxt[0]) if deeper else ""
            else:
                out[key] = self.scalar(rest)

    def seq(self, indent):
        out = []
        while True:
            top = self.peek()
            if top is None or top[0] != indent or not top[1].startswith("- "):
                return out
            item = top[1][2:]
            if self.KEY.match(item):
                self.lines[self.i] = " " * (indent + 2) + item
                out.append(self.map(indent + 2))
            else:
                self.i += 1
                out.append(self.scalar(item))

    def block(self, indent, style):
        body = []
        while self.i < len(self.lines):
            line = self.lines[self.i]
            if line.strip() and len(line) - len(line.lstrip(" ")) <= indent:
                break
            body.append(line)
            self.i += 1
        while body and not body[-1].strip():
            body.pop()
        cut = min((len(l) - len(l.lstrip(" ")) for l in body if l.strip()), default=0)
        body = [l[cut:] for l in body]
        text = "\n".join(body) if style.startswith("|") else " ".join(l.strip() for l in body)
        return text if style.endswith("-") else text + "\n"

    @staticmethod
    def scalar(text):
        if text[:1] in ("'", '"'):
            quote = text[0]
            end = text.rfind(quote)
            inner = text[1:end]
            return inner.replace("''", "'") if quote == "'" else json.loads('"' + inner + '"')
        return re.sub(r"\s+#.*$", "", text)


# ---- the runner: composite steps with bash, files the runner gives each step ----

class Result:
    def __init__(self):
        self.code = 0
        self.log = ""
        self.outputs = {}
        self.step_outputs = {}
        self.summary = ""
        self.path = []


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def read_outputs(path):
    """name=value lines and name<<DELIMITER blocks, as the runner reads GITHUB_OUTPUT."""
    values, lines, i = {}, read(path).split("\n"), 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            end = lines.index(delimiter, i + 1)
            values[name] = "\n".join(lines[i + 1:end])
            i = end
        elif "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
        i += 1
    return values


class Runner:
    """One job's runner state in a temporary folder."""

    def __init__(self, folder, runner_os="Linux", runner_arch="X64", env=None):
        self.folder = folder
        self.workspace = os.path.join(folder, "workspace")
        self.tool_cache = os.path.join(folder, "toolcache")
        self.temp = os.path.join(folder, "runner-temp")
        for d in (self.workspace, self.tool_cache, self.temp):
            os.makedirs(d, exist_ok=True)
        self.path = []
        self.count = 0
        self.base_env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.environ.get("HOME", folder),
            "LANG": "C.UTF-8",
            "GITHUB_ACTIONS": "true",
            "GITHUB_WORKSPACE": self.workspace,
            "GITHUB_SERVER_URL": "https://github.invalid",
            "GITHUB_REPOSITORY": "octo/app",
            "RUNNER_OS": runner_os,
            "RUNNER_ARCH": runner_arch,
            "RUNNER_TOOL_CACHE": self.tool_cache,
            "RUNNER_TEMP": self.temp,
        }
        self.base_env.update(env or {})

    def files(self):
        self.count += 1
        names = {}
        for variable in ("GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_PATH", "GITHUB_ENV"):
            path = os.path.join(self.temp, "%s_%d" % (variable.lower(), self.count))
            open(path, "w").close()
            names[variable] = path
        return names

    def env(self):
        env = dict(self.base_env)
        env["PATH"] = os.pathsep.join(list(reversed(self.path)) + [env["PATH"]])
        return env

    def shell(self, script):
        """A workflow's own `run:` step (bash), after the action: sees GITHUB_PATH's additions."""
        env = self.env()
        env.update(self.files())
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=self.workspace,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120)
        return done.returncode, done.stdout

    def use(self, action_dir, inputs=None, token="fake-token"):
        meta = MiniYAML.load(os.path.join(action_dir, "action.yml"))
        declared = meta.get("inputs") or {}
        inputs = dict(inputs or {})
        unknown = set(inputs) - set(declared)
        if unknown:
            raise AssertionError("inputs the action does not declare: %s" % sorted(unknown))
        result = Result()
        context = {"inputs": {}, "steps": {}, "github": {"token": token}}
        for name, spec in declared.items():
            value = inputs[name] if name in inputs else (spec or {}).get("default", "")
            context["inputs"][name] = self.evaluate(str(value), context)
        assert meta["runs"]["using"] == "composite"
        for step in meta["runs"]["steps"]:
            assert step.get("shell") == "bash", "every step uses shell: bash (Git Bash on Windows)"
            script = step["run"]
            if "${{" in script:
                raise AssertionError("run: has a ${{ }} expression; pass values through env: (%r)" % script)
            env = self.env()
            files = self.files()
            env.update(files)
            env["GITHUB_ACTION_PATH"] = action_dir
            for key, value in (step.get("env") or {}).items():
                env[key] = self.evaluate(str(value), context)
            done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=self.workspace,
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120)
            result.log += done.stdout
            outputs = read_outputs(files["GITHUB_OUTPUT"])
            if "id" in step:
                context["steps"][step["id"]] = {"outputs": outputs}
                result.step_outputs[step["id"]] = outputs
            result.summary += read(files["GITHUB_STEP_SUMMARY"])
            added = [l for l in read(files["GITHUB_PATH"]).split("\n") if l]
            self.path += added
            result.path += added
            if done.returncode != 0:
                result.code = done.returncode
                break
        for name, spec in (meta.get("outputs") or {}).items():
            result.outputs[name] = self.evaluate(spec["value"], context)
        return result

    @staticmethod
    def evaluate(text, context):
        def value(match):
            expression = match.group(1).strip()
            parts = expression.split(".")
            if parts[0] == "inputs" and len(parts) == 2:
                return context["inputs"][parts[1]]
            if parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
                return context["steps"].get(parts[1], {}).get("outputs", {}).get(parts[3], "")
            if expression == "github.token":
                return context["github"]["token"]
            raise AssertionError("expression this test runner does not know: %s" % expression)
        return re.sub(r"\$\{\{(.*?)\}\}", value, text)


# ---- releases for the installer ----

FAKE = r"""#!/usr/bin/env bash
# A fake invoker-supervisor for the action tests: says its version, records its arguments.
if [ "${1:-}" = --version ]; then echo "invoker-supervisor @VERSION@"; exit 0; fi
{ printf 'arg=%s\n' "$@"; printf 'token=%s\n' "${GITHUB_TOKEN:-}"; } >>"${FAKE_RECORD:?}"
if [ "${1:-}" = start ] || [ "${1:-}" = run ]; then
  printf 'ready=true\nreason=ready\nattempts=1\nelapsed_ms=42\nreason_code=ready\n' >>"$GITHUB_OUTPUT"
  printf '### Invoker Boot\n\nfake READY\n' >>"$GITHUB_STEP_SUMMARY"
fi
exit "${FAKE_EXIT:-0}"
"""


def executable(path, text):
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, 0o755)


def source_version():
    out = subprocess.run(["bash", os.path.join(ROOT, "scripts", "package-release.sh"), "version"],
                         stdout=subprocess.PIPE, text=True, check=True)
    return out.stdout.strip()


VERSION = source_version()


def fake_bin(folder, version=VERSION, dispatch=True):
    os.makedirs(folder, exist_ok=True)
    executable(os.path.join(folder, "invoker-supervisor"), FAKE.replace("@VERSION@", version))
    if dispatch:
        executable(os.path.join(folder, "invoker-supervisor-dispatch"), "#!/bin/sh\nexit 0\n")
    return folder


def linux_release(out, bin_dir, arch="x64", version=VERSION):
    subprocess.run(["bash", os.path.join(ROOT, "scripts", "package-release.sh"), "archive", "--bin-dir", bin_dir,
                    "--os", "linux", "--arch", arch, "--out", out, "--version", version],
                   check=True, stdout=subprocess.DEVNULL)
    sums(out)
    return out


def windows_release(out, version=VERSION, dispatch=True):
    os.makedirs(out, exist_ok=True)
    name = os.path.join(out, "invoker-supervisor-%s-windows-x64.zip" % version)
    with zipfile.ZipFile(name, "w") as z:
        programs = ["invoker-supervisor.exe"] + (["invoker-supervisor-dispatch.exe"] if dispatch else [])
        for program in programs:
            info = zipfile.ZipInfo(program)
            info.external_attr = (stat.S_IFREG | 0o755) << 16
            z.writestr(info, FAKE.replace("@VERSION@", version) if program == "invoker-supervisor.exe" else "#!/bin/sh\n")
        z.writestr("hooks/job-started.ps1", "# hook\n")
    sums(out)
    return out


def sums(out):
    subprocess.run(["bash", os.path.join(ROOT, "scripts", "package-release.sh"), "sums", out], check=True,
                   stdout=subprocess.DEVNULL)


def errors(log):
    return [l for l in log.split("\n") if l.startswith("::error::")]


GATE = ROOT
DISPATCH = os.path.join(ROOT, "dispatch")


class ActionTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="test-actions-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.record = os.path.join(self.tmp, "record.txt")
        self.release = os.path.join(self.tmp, "release")

    def runner(self, **kw):
        env = kw.pop("env", {})
        env.setdefault("FAKE_RECORD", self.record)
        return Runner(os.path.join(self.tmp, "job%d" % len(os.listdir(self.tmp))), env=env, **kw)

    def recorded(self):
        with open(self.record) as f:
            return f.read().split("\n")

    def args(self):
        return [l[4:] for l in self.recorded() if l.startswith("arg=")]

    def url(self, folder=None):
        return "file://" + (folder or self.release)

    def assertOneError(self, result, *phrases):
        self.assertNotEqual(result.code, 0, result.log)
        lines = errors(result.log)
        self.assertEqual(len(lines), 1, result.log)
        for phrase in phrases:
            self.assertIn(phrase, lines[0])
        return lines[0]


class InstallerTests(ActionTestCase):
    def test_gate_start_installs_the_release_and_passes_inputs_as_flags(self):
        linux_release(self.release, fake_bin(os.path.join(self.tmp, "bin")))
        job = self.runner()
        result = job.use(GATE, {"config": "ci/supervisor.json", "attempts": "2", "delay-seconds": "1",
                                "timeout-seconds": "5", "on-not-ready": "fail", "results-dir": "tests/results/x",
                                "download-url": self.url()})
        self.assertEqual(result.code, 0, result.log)
        self.assertEqual(errors(result.log), [])
        self.assertEqual(self.args(), ["start", "--config", "ci/supervisor.json", "--attempts", "2", "--delay", "1",
                                       "--timeout", "5", "--on-not-ready", "fail", "--results-dir", "tests/results/x"])
        self.assertEqual({k: result.outputs[k] for k in ("ready", "reason", "attempts", "elapsed_ms", "reason_code")},
                         {"ready": "true", "reason": "ready", "attempts": "1", "elapsed_ms": "42", "reason_code": "ready"})
        installed = os.path.join(job.tool_cache, "invoker-supervisor", VERSION, "x64")
        self.assertEqual(result.outputs["binary"], os.path.join(installed, "invoker-supervisor"))
        self.assertEqual(result.outputs["version"], VERSION)
        self.assertEqual(result.path, [installed])
        self.assertTrue(os.path.isfile(installed + ".complete"))
        for extra in ("invoker-supervisor-dispatch", "hooks/job-started.sh", "linux/install.sh", "examples/supervisor.json",
                      "schemas/session-v1.schema.json"):
            self.assertTrue(os.path.exists(os.path.join(installed, extra)), extra)
        self.assertIn("### Invoker Boot", result.summary)
        self.assertEqual([n for n in os.listdir(os.path.dirname(installed)) if n.startswith(".")], [],
                         "no staging folder left")
        # A later step of the workflow finds it on PATH.
        code, out = job.shell("command -v invoker-supervisor; invoker-supervisor --version")
        self.assertEqual(code, 0, out)
        self.assertIn(os.path.join(installed, "invoker-supervisor"), out)

    def test_cache_is_reused_without_downloading(self):
        linux_release(self.release, fake_bin(os.path.join(self.tmp, "bin")))
        job = self.runner()
        first = job.use(GATE, {"command": "install", "download-url": self.url()})
        self.assertEqual(first.code, 0, first.log)
        shutil.rmtree(self.release)  # nothing left to download
        second = job.use(GATE, {"config": "c.json", "download-url": self.url()})
        self.assertEqual(second.code, 0, second.log)
        self.assertIn("already in the tool cache", second.log)
        self.assertEqual(second.outputs["binary"], first.outputs["binary"])
        self.assertEqual(self.args()[:1], ["start"])

    def test_checksum_mismatch_is_refused(self):
        linux_release(self.release, fake_bin(os.path.join(self.tmp, "bin")))
        sums_file = os.path.join(self.release, "SHA256SUMS")
        with open(sums_file) as f:
            text = f.read()
        with open(sums_file, "w") as f:
            f.write(re.sub(r"^[0-9a-f]{64}", "0" * 64, text))
        job = self.runner()
        result = job.use(GATE, {"config": "c.json", "download-url": self.url()})
        self.assertOneError(result, "checksum mismatch", "invoker-supervisor-%s-linux-x64.tar.gz" % VERSION,
                            "0" * 64, "not installed")
        self.assertFalse(os.path.exists(self.record), "the supervisor step did not run")
        cache = os.path.join(job.tool_cache, "invoker-supervisor", VERSION)
        self.assertEqual(os.listdir(cache), [], "nothing installed, no staging folder left")

    def test_sha256_input_pins_the_archive(self):
        linux_release(self.release, fake_bin(os.path.join(self.tmp, "bin")))
        with open(os.path.join(self.release, "SHA256SUMS")) as f:
            right = f.read().split()[0]
        os.remove(os.path.join(self.release, "SHA256SUMS"))  # the input alone decides
        wrong = self.runner().use(GATE, {"command": "install", "download-url": self.url(), "sha256": "ab" * 32})
        self.assertOneError(wrong, "checksum mismatch", "the sha256 input")
        good = self.runner().use(GATE, {"command": "install", "download-url": self.url(), "sha256": right.upper()})
        self.assertEqual(good.code, 0, good.log)

    def test_archive_missing_from_the_sums_is_refused(self):
        linux_release(self.release, fake_bin(os.path.join(self.tmp, "bin")))
        with open(os.path.join(self.release, "SHA256SUMS"), "w") as f:
            f.write("%s  something-else.tar.gz\n" % ("0" * 64))
        result = self.runner().use(GATE, {"command": "install", "download-url": self.url()})
        self.assertOneError(result, "lists no invoker-supervisor-%s-linux-x64.tar.gz" % VERSION)

    def test_missing_release_names_what_to_do(self):
        os.makedirs(self.release)
        result = self.runner().use(GATE, {"config": "c.json", "download-url": self.url()})
        self.assertOneError(result, "no such file", "Set version:", "binary-path")
        result = self.runner(runner_arch="ARM").use(GATE, {"config": "c.json", "download-url": self.url()})
        self.assertOneError(result, "runner.arch 'ARM'", "binary-path")
        result = self.runner(runner_os="macOS").use(GATE, {"config": "c.json", "download-url": self.url()})
        self.assertOneError(result, "runner.os 'macOS'", "binary-path")

    def test_missing_binary_path_is_one_escaped_error(self):
        result = self.runner().use(GATE, {"config": "c.json", "binary-path": os.path.join(self.tmp, "100%", "bin")})
        line = self.assertOneError(result, "binary-path:", "does not exist", "docs/install.md", "100%25")
        self.assertNotIn("command not found", result.log)
        self.assertNotIn("100%/", line)
        result = self.runner().use(GATE, {"config": "c.json", "binary-path": "a\nb"})
        self.assertOneError(result, "binary-path has a line break")

    def test_binary_path_and_runner_env_use_an_installed_binary(self):
        bin_dir = fake_bin(os.path.join(self.tmp, "host bin"), version="0.0.1")
        job = self.runner()
        result = job.use(GATE, {"config": "c.json", "binary-path": bin_dir})
        self.assertEqual(result.code, 0, result.log)
        self.assertEqual(result.outputs["binary"], os.path.join(bin_dir, "invoker-supervisor"))
        self.assertEqual(result.outputs["version"], "0.0.1")
        self.assertEqual(len([l for l in result.log.split("\n") if l.startswith("::warning::")]), 1, result.log)
        self.assertEqual(os.listdir(job.tool_cache), [], "nothing downloaded")
        relative = self.runner()
        fake_bin(os.path.join(relative.workspace, "tools", "bin"))
        result = relative.use(GATE, {"command": "install", "binary-path": "tools/bin"})
        self.assertEqual(result.code, 0, result.log)
        self.assertEqual(result.path, [os.path.join(relative.workspace, "tools", "bin")], "absolute for GITHUB_PATH")
        by_env = self.runner(env={"INVOKER_SUPERVISOR_BIN": os.path.join(bin_dir, "invoker-supervisor")})
        result = by_env.use(GATE, {"command": "stop", "results-dir": "r"})
        self.assertEqual(result.code, 0, result.log)
        self.assertIn("INVOKER_SUPERVISOR_BIN", result.log)
        self.assertEqual(self.args()[-3:], ["stop", "--results-dir", "r"])

    def test_incomplete_cache_folder_is_not_touched(self):
        linux_release(self.release, fake_bin(os.path.join(self.tmp, "bin")))
        job = self.runner()
        leftover = os.path.join(job.tool_cache, "invoker-supervisor", VERSION, "x64")
        os.makedirs(leftover)
        open(os.path.join(leftover, "mine.txt"), "w").close()
        result = job.use(GATE, {"command": "install", "download-url": self.url()})
        self.assertOneError(result, "not a finished install", "remove that folder")
        self.assertEqual(os.listdir(leftover), ["mine.txt"])

    def test_windows_zip(self):
        windows_release(self.release)
        job = self.runner(runner_os="Windows")
        result = job.use(GATE, {"config": "c.json", "download-url": self.url()})
        self.assertEqual(result.code, 0, result.log)
        self.assertTrue(result.outputs["binary"].endswith("/x64/invoker-supervisor.exe"))
        self.assertEqual(result.outputs["ready"], "true")

    def test_arm64(self):
        linux_release(self.release, fake_bin(os.path.join(self.tmp, "bin")), arch="arm64")
        job = self.runner(runner_arch="ARM64")
        result = job.use(GATE, {"command": "install", "download-url": self.url()})
        self.assertEqual(result.code, 0, result.log)
        self.assertIn("/%s/arm64/" % VERSION, result.outputs["binary"])

    def test_version_input_and_bad_values(self):
        linux_release(self.release, fake_bin(os.path.join(self.tmp, "bin"), version="9.8.7"), version="9.8.7")
        result = self.runner().use(GATE, {"command": "install", "download-url": self.url(), "version": "v9.8.7"})
        self.assertEqual(result.code, 0, result.log)
        self.assertEqual(result.outputs["version"], "9.8.7")
        self.assertOneError(self.runner().use(GATE, {"command": "install", "version": "latest"}),
                            "version: 'latest' is not a release version")
        self.assertOneError(self.runner().use(GATE, {"command": "install", "download-url": "http://x/y"}),
                            "download-url:", "https://")
        self.assertOneError(self.runner().use(GATE, {"command": "install"}), "repository:", "OWNER/NAME")

    def test_release_url_from_the_runner_actions_folder(self):
        # The runner puts `uses: octo/invoker-supervisor@v1` in _actions/octo/invoker-supervisor/v1.
        copy = os.path.join(self.tmp, "runner", "_work", "_actions", "octo", "invoker-supervisor", "v1")
        os.makedirs(os.path.dirname(copy))
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".build*", ".git", "demo"))
        result = self.runner().use(copy, {"command": "install"})
        self.assertOneError(result, "https://github.invalid/octo/invoker-supervisor/releases/download/v%s/"
                            "invoker-supervisor-%s-linux-x64.tar.gz" % (VERSION, VERSION), "curl exit")

    def test_unknown_command_and_missing_config(self):
        linux_release(self.release, fake_bin(os.path.join(self.tmp, "bin")))
        result = self.runner().use(GATE, {"command": "restart", "download-url": self.url()})
        self.assertOneError(result, "command: 'restart' is not start, stop, run or install")
        result = self.runner().use(GATE, {"command": "run", "download-url": self.url()})
        self.assertOneError(result, "config: 'run' needs", "ci/supervisor.json")

    def test_supervisor_exit_code_is_the_step_result(self):
        linux_release(self.release, fake_bin(os.path.join(self.tmp, "bin")))
        result = self.runner(env={"FAKE_EXIT": "3"}).use(GATE, {"config": "c.json", "download-url": self.url()})
        self.assertEqual(result.code, 3)


class DispatchActionTests(ActionTestCase):
    def test_event_passes_config_and_token(self):
        linux_release(self.release, fake_bin(os.path.join(self.tmp, "bin")))
        result = self.runner().use(DISPATCH, {"config": "ci/dispatch.json", "download-url": self.url()}, token="t0k")
        self.assertEqual(result.code, 0, result.log)
        self.assertEqual(self.args(), ["dispatch", "event", "--config", "ci/dispatch.json"])
        self.assertIn("token=t0k", self.recorded())
        self.assertEqual(result.outputs["version"], VERSION)

    def test_links(self):
        linux_release(self.release, fake_bin(os.path.join(self.tmp, "bin")))
        result = self.runner().use(DISPATCH, {"command": "links", "run-id": "77", "download-url": self.url()})
        self.assertEqual(result.code, 0, result.log)
        self.assertEqual(self.args(), ["dispatch", "links", "--run-id", "77"])
        result = self.runner().use(DISPATCH, {"command": "poll", "download-url": self.url()})
        self.assertOneError(result, "'poll' is not event or links")

    def test_needs_the_dispatch_program_next_to_the_binary(self):
        bin_dir = fake_bin(os.path.join(self.tmp, "bin"), dispatch=False)
        result = self.runner().use(DISPATCH, {"binary-path": bin_dir})
        self.assertOneError(result, "no invoker-supervisor-dispatch next to invoker-supervisor")
        windows_release(self.release, dispatch=False)
        result = self.runner(runner_os="Windows").use(DISPATCH, {"download-url": self.url()})
        self.assertOneError(result, "no invoker-supervisor-dispatch.exe")


class PackagingTests(ActionTestCase):
    def test_tag_must_match_the_source_version(self):
        script = os.path.join(ROOT, "scripts", "package-release.sh")
        ok = subprocess.run(["bash", script, "version", "v" + VERSION], stdout=subprocess.PIPE, text=True)
        self.assertEqual((ok.returncode, ok.stdout.strip()), (0, VERSION))
        bad = subprocess.run(["bash", script, "version", "v99.0.0"], stderr=subprocess.PIPE, text=True)
        self.assertEqual(bad.returncode, 64)
        self.assertIn("Version.swift", bad.stderr)

    def test_host_install_from_the_archive_feeds_the_action(self):
        linux_release(self.release, fake_bin(os.path.join(self.tmp, "bin")))
        unpacked, prefix, runner_dir = (os.path.join(self.tmp, n) for n in ("unpacked", "prefix", "actions-runner"))
        os.makedirs(unpacked)
        os.makedirs(runner_dir)
        subprocess.run(["tar", "-xzf", os.path.join(self.release, "invoker-supervisor-%s-linux-x64.tar.gz" % VERSION)],
                       cwd=unpacked, check=True)
        done = subprocess.run(["bash", "linux/install.sh", "--binary", "./invoker-supervisor", "--prefix", prefix,
                               "--runner-dir", runner_dir, "--state-dir", os.path.join(self.tmp, "state"), "--no-systemd"],
                              cwd=unpacked, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.assertEqual(done.returncode, 0, done.stdout)
        with open(os.path.join(runner_dir, ".env")) as f:
            env = dict(l.split("=", 1) for l in f.read().split("\n") if "=" in l)
        self.assertTrue(os.path.isfile(os.path.join(prefix, "share", "invoker-supervisor", "hooks", "job-started.sh")))
        job = self.runner(env={"INVOKER_SUPERVISOR_BIN": env["INVOKER_SUPERVISOR_BIN"]})
        result = job.use(DISPATCH, {"config": "ci/dispatch.json"})
        self.assertEqual(result.code, 0, result.log)
        self.assertEqual(result.outputs["binary"], os.path.join(prefix, "bin", "invoker-supervisor"))
        self.assertEqual(os.listdir(job.tool_cache), [], "nothing downloaded")

    def test_archive_refuses_a_binary_of_another_version(self):
        bad = subprocess.run(["bash", os.path.join(ROOT, "scripts", "package-release.sh"), "archive", "--bin-dir",
                              fake_bin(os.path.join(self.tmp, "bin"), version="0.0.1"), "--os", "linux", "--arch", "x64",
                              "--out", self.release], stderr=subprocess.PIPE, text=True)
        self.assertEqual(bad.returncode, 64)
        self.assertIn("not version %s" % VERSION, bad.stderr)


@unittest.skipUnless(os.access(os.path.join(REAL_BIN, "invoker-supervisor"), os.X_OK)
                     and os.access(os.path.join(REAL_BIN, "fake-invoker"), os.X_OK),
                     "the real binary is not built (swift build); skipped")
class RealBinaryTests(ActionTestCase):
    """The real invoker-supervisor from a release archive, against the bundled fake invoker."""

    def setUp(self):
        super().setUp()
        linux_release(self.release, REAL_BIN)
        self.fake = os.path.join(REAL_BIN, "fake-invoker")

    def config(self, job, ready_after=0.3, hang=False):
        invoker = [self.fake, "--boot-delay", str(ready_after), "--ready-file", "results/_invoker/ready.json"]
        if hang:
            invoker = [self.fake, "--hang"]
        config = {"invoker": {"command": invoker}, "ready": {"file": "results/_invoker/ready.json"},
                  "attempts": 2, "delaySeconds": 0.2, "timeoutSeconds": 10, "resultsDir": "results",
                  "warmup": {"command": [self.fake, "--exit-after", "0.1"], "waitForProcess": "fake-invoker",
                             "timeoutSeconds": 5}}
        path = os.path.join(job.workspace, "ci", "supervisor.json")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            json.dump(config, f)
        return "ci/supervisor.json"

    def test_session_start_step_stop(self):
        job = self.runner()
        config = self.config(job)
        start = job.use(GATE, {"config": config, "download-url": self.url()})
        self.addCleanup(job.shell, "invoker-supervisor stop --config ci/supervisor.json || true")
        self.assertEqual(start.code, 0, start.log)
        self.assertEqual((start.outputs["ready"], start.outputs["reason"], start.outputs["attempts"],
                          start.outputs["reason_code"]), ("true", "ready", "1", "ready"), start.log)
        self.assertRegex(start.outputs["elapsed_ms"], r"^\d+$")
        self.assertEqual(start.outputs["version"], VERSION)
        code, out = job.shell("invoker-supervisor --version && invoker-supervisor step --name compare --config "
                              "ci/supervisor.json -- \"$FAKE\" --ready-line 'compare done' --exit-after 0.1"
                              .replace("$FAKE", self.fake))
        self.assertEqual(code, 0, out)
        self.assertIn("invoker-supervisor %s" % VERSION, out)
        self.assertIn("compare done", out)
        stop = job.use(GATE, {"command": "stop", "config": config, "download-url": self.url()})
        self.assertEqual(stop.code, 0, stop.log)
        self.assertIn("already in the tool cache", stop.log)
        self.assertIn("Invoker", stop.summary)
        with open(os.path.join(job.workspace, "ci", "results", "_invoker", "session.json")) as f:
            self.assertEqual(json.load(f)["state"], "stopped")

    def test_run_not_ready_fails_with_outputs(self):
        job = self.runner()
        config = self.config(job, hang=True)
        result = job.use(GATE, {"command": "run", "config": config, "attempts": "1", "timeout-seconds": "0.5",
                                "on-not-ready": "fail", "download-url": self.url()})
        self.assertEqual(result.code, 3, result.log)
        self.assertEqual((result.outputs["ready"], result.outputs["reason"], result.outputs["reason_code"],
                          result.outputs["attempts"]), ("false", "timeout", "timeout", "1"), result.log)
        self.assertIn("not READY", "".join(errors(result.log)))
        self.assertIn("not READY", result.summary)

    def test_dispatch_program_is_found(self):
        result = self.runner().use(DISPATCH, {"download-url": self.url()}, token="")
        self.assertEqual(result.code, 64, result.log)
        self.assertIn("no token in $GITHUB_TOKEN", result.log)


if __name__ == "__main__":
    for program in ("invoker-supervisor", "fake-invoker"):
        if os.environ.get("TEST_ACTIONS_REQUIRE_REAL") == "1" and not os.access(os.path.join(REAL_BIN, program), os.X_OK):
            sys.exit("test-actions: TEST_ACTIONS_REQUIRE_REAL=1 but %s/%s is not built" % (REAL_BIN, program))
    program = unittest.main(exit=False, verbosity=1 if "-v" not in sys.argv else 2)
    r = program.result
    failed = len(r.failures) + len(r.errors)
    skipped = len(r.skipped)
    print("test-actions: %d passed, %d failed, %d skipped" % (r.testsRun - failed - skipped, failed, skipped))
    sys.exit(0 if r.wasSuccessful() else 1)
