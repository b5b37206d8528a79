#!/usr/bin/env bash
# Puts invoker-supervisor on the runner for this repository's actions (action.yml and
# dispatch/action.yml run it as their first step). Runs in bash on Linux and in Git Bash on Windows.
#
# Which binary, first match wins:
#   1. INSTALL_BINARY_PATH (input binary-path): an installed invoker-supervisor, or its folder;
#   2. INVOKER_SUPERVISOR_BIN: set in the runner's .env by the packaging installers (docs/install.md);
#   3. the release archive for runner.os / runner.arch, verified by its SHA-256 (INSTALL_SHA256, input
#      sha256, else the release's SHA256SUMS), unpacked into
#      $RUNNER_TOOL_CACHE/invoker-supervisor/VERSION/ARCH (+ ARCH.complete) and reused from there.
# VERSION: INSTALL_VERSION (input version), else the version of the action's own source, so an action
# pinned to a tag installs that tag's release. Assets come from INSTALL_DOWNLOAD_URL (input
# download-url: the folder holding them, https:// or file://), else
# $GITHUB_SERVER_URL/OWNER/NAME/releases/download/vVERSION, OWNER/NAME from INSTALL_REPOSITORY (input
# repository) or the runner's _actions/OWNER/NAME/REF folder the action was checked out into.
# INSTALL_REQUIRE names another program that must be next to the binary (invoker-supervisor-dispatch).
#
# Writes the outputs binary, dir, version to $GITHUB_OUTPUT and dir to $GITHUB_PATH. Any problem is
# one `::error::` line saying what to do, and exit 1. Names: scripts/release-names.sh.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
# shellcheck source=scripts/release-names.sh
. "$here/release-names.sh"
# shellcheck source=scripts/workflow-commands.sh
. "$here/workflow-commands.sh"
say() { local s=${1//$'\r'/ }; printf 'invoker-supervisor: %s\n' "${s//$'\n'/ }"; }
one_line() { [[ $2 != *$'\n'* && $2 != *$'\r'* ]] || fail "$1 has a line break; give it on one line"; }

for file in GITHUB_OUTPUT GITHUB_PATH; do
    [ -n "${!file:-}" ] || fail "$file is not set; run this as a step of the action on a GitHub Actions runner"
done

exe=''
[ "${RUNNER_OS:-}" = Windows ] && exe='.exe'
name="invoker-supervisor$exe"
require=${INSTALL_REQUIRE:-}
action_version=$(release_source_version "$root")

# The binary's folder, with either separator (a Windows path from binary-path, a POSIX one here).
folder_of() {
    case $1 in
        */* | *\\*) local d=${1%[/\\]*}; printf '%s' "${d:-/}" ;;
        *) printf '.' ;;
    esac
}

publish() { # BINARY VERSION ORIGIN
    local dir
    dir=$(folder_of "$1")
    if [ -n "$require" ] && [ ! -f "$dir/$require$exe" ]; then
        fail "$dir has no $require$exe next to $name; install both (the release archive and the packaging scripts do)"
    fi
    printf '%s\n' "$dir" >>"$GITHUB_PATH"
    printf 'binary=%s\ndir=%s\nversion=%s\n' "$1" "$dir" "$2" >>"$GITHUB_OUTPUT"
    say "using $1 (version $2, from $3)"
}

# 1, 2: an installed binary.
given=${INSTALL_BINARY_PATH:-}
origin='binary-path'
if [ -z "$given" ] && [ -n "${INVOKER_SUPERVISOR_BIN:-}" ]; then
    given=$INVOKER_SUPERVISOR_BIN
    origin='INVOKER_SUPERVISOR_BIN (the runner .env the packaging installers write)'
fi
if [ -n "$given" ]; then
    one_line "$origin" "$given"
    case $given in
        /* | [A-Za-z]:* | \\*) ;;
        *) # Relative to the workspace; absolute for GITHUB_PATH (pwd -W: Git Bash's Windows form).
            given="$(pwd -W 2>/dev/null || pwd)/$given" ;;
    esac
    binary=$given
    [ -d "$given" ] && binary="${given%[/\\]}/$name"
    if [ ! -f "$binary" ]; then
        fail "$origin: $binary does not exist; install invoker-supervisor on this host (docs/install.md) and point binary-path at it, or leave binary-path empty to download the release"
    fi
    [ -x "$binary" ] || fail "$origin: $binary is not executable; reinstall it (docs/install.md) or fix its permissions"
    reported=$("$binary" --version 2>/dev/null | head -n 1) || true
    reported=${reported#invoker-supervisor }
    if [ -n "$action_version" ] && [ "$reported" != "$action_version" ]; then
        warn "$binary is version ${reported:-unknown}, this action is $action_version; update the host's install (docs/install.md) if their options differ"
    fi
    publish "$binary" "${reported:-unknown}" "$origin"
    exit 0
fi

# 3: the release archive.
version=${INSTALL_VERSION:-$action_version}
version=${version#v}
one_line version "$version"
[ -n "$version" ] || fail "version: cannot tell which release to install ($root has no Sources/Supervisor/Output/Version.swift); set version: to a released version such as 1.2.3, or binary-path"
release_version_valid "$version" || fail "version: '$version' is not a release version; write it as 1.2.3"
os=$(release_os "${RUNNER_OS:-}")
arch=$(release_arch "${RUNNER_ARCH:-}")
[ -n "$os" ] || fail "there is no invoker-supervisor release for runner.os '${RUNNER_OS:-unset}' (Linux and Windows are built); build it on this host and set binary-path"
[ -n "$arch" ] || fail "there is no invoker-supervisor release for runner.arch '${RUNNER_ARCH:-unset}' (X64 and ARM64 are built); build it on this host and set binary-path"
[ -n "${RUNNER_TOOL_CACHE:-}" ] || fail "RUNNER_TOOL_CACHE is not set; run this on a GitHub Actions runner, or set binary-path"
asset=$(release_asset "$version" "$os" "$arch")
cache="$RUNNER_TOOL_CACHE/invoker-supervisor/$version"
dest="$cache/$arch"

if [ -f "$dest.complete" ] && [ -f "$dest/$name" ]; then
    publish "$dest/$name" "$version" "$asset, already in the tool cache"
    exit 0
fi
if [ -e "$dest" ]; then
    fail "tool cache: $dest is there but not a finished install (no $dest.complete); remove that folder, or set binary-path"
fi

base=${INSTALL_DOWNLOAD_URL:-}
if [ -z "$base" ]; then
    repository=${INSTALL_REPOSITORY:-}
    if [ -z "$repository" ]; then
        slashed=${root//\\//}
        if [[ $slashed =~ /_actions/([^/]+)/([^/]+)/ ]]; then
            repository="${BASH_REMATCH[1]}/${BASH_REMATCH[2]}"
        else
            fail "repository: cannot tell whose releases to download (the action is not in the runner's _actions folder); set repository: OWNER/NAME, download-url, or binary-path"
        fi
    fi
    base="${GITHUB_SERVER_URL:-https://github.com}/$repository/releases/download/v$version"
fi
base=${base%/}
one_line download-url "$base"

mkdir -p "$cache"
stage=$(mktemp -d "$cache/.install-$arch.XXXXXX")
trap 'rm -rf "$stage"' EXIT

fetch() { # URL FILE
    case $1 in
        file://*)
            [ -f "${1#file://}" ] || fail "cannot download $1: no such file; is there a $version release for $os-$arch? Set version: to a released version, or binary-path"
            cp -- "${1#file://}" "$2"
            ;;
        https://*)
            local code=0
            curl --fail --silent --show-error --location --retry 3 --retry-delay 2 --output "$2" "$1" || code=$?
            [ "$code" = 0 ] || fail "cannot download $1 (curl exit $code); is there a $version release for $os-$arch? Set version: to a released version, or binary-path"
            ;;
        *) fail "download-url: '$base' must start with https:// or file://" ;;
    esac
}

sha256() {
    if command -v sha256sum >/dev/null 2>&1; then sha256sum -- "$1"; else shasum -a 256 -- "$1"; fi | cut -d ' ' -f 1
}

fetch "$base/$asset" "$stage/$asset"
expected=${INSTALL_SHA256:-}
from='the sha256 input'
if [ -z "$expected" ]; then
    from="$base/$RELEASE_SUMS"
    fetch "$from" "$stage/$RELEASE_SUMS"
    expected=$(awk -v n="$asset" '{ f = $2; sub(/^\*/, "", f); if (f == n) { print $1; exit } }' "$stage/$RELEASE_SUMS")
    [ -n "$expected" ] || fail "$from lists no $asset; refusing to install an archive with no published SHA-256"
fi
expected=$(printf '%s' "$expected" | tr 'A-F' 'a-f')
actual=$(sha256 "$stage/$asset")
if [ "$actual" != "$expected" ]; then
    fail "checksum mismatch for $asset: its SHA-256 is $actual, $from says $expected; not installed (download it again, or check the release)"
fi

mkdir "$stage/tree"
(
    cd "$stage/tree"
    case $asset in
        *.tar.gz) tar -xzf "../$asset" ;;
        *.zip)
            if command -v unzip >/dev/null 2>&1; then
                unzip -q "../$asset"
            else
                "${SYSTEMROOT:-C:/Windows}/System32/tar.exe" -xf "../$asset"
            fi
            ;;
    esac
) || fail "cannot unpack $asset; download it again, or check the release"
[ -f "$stage/tree/$name" ] || fail "$asset has no $name at its top; check the release"

# Into place by one rename; a concurrent job that got there first wins and is used.
if ! mv -T "$stage/tree" "$dest" 2>/dev/null; then
    [ -f "$dest/$name" ] || fail "tool cache: cannot move the unpacked archive to $dest; check that folder"
    say "another job installed $asset at the same time; using it"
fi
: >"$dest.complete"
say "installed $asset (SHA-256 $actual, as $from says) into $dest"
publish "$dest/$name" "$version" "$base/$asset"
