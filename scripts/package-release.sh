#!/usr/bin/env bash
# The release assets the actions install (names: scripts/release-names.sh; docs/install.md).
#
#   package-release.sh version [TAG]
#       prints the version of this source (Version.current); with TAG (vX.Y.Z), fails unless TAG
#       is v + that version, so a release's archives, its tag and `--version` all agree.
#   package-release.sh archive --bin-dir DIR --os linux --arch x64|arm64 --out DIR [--version V]
#       writes OUT/invoker-supervisor-V-linux-ARCH.tar.gz: invoker-supervisor and
#       invoker-supervisor-dispatch from DIR at the top, then hooks/, linux/ (install.sh and the systemd
#       unit), examples/ and schemas/ as in the repository, so `sudo ./linux/install.sh --binary
#       ./invoker-supervisor …` works from the unpacked archive. (Windows: packaging/windows/build.ps1.)
#   package-release.sh sums DIR
#       writes DIR/SHA256SUMS for the archives in DIR (temporary file, then rename).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
# shellcheck source=scripts/release-names.sh
. "$here/release-names.sh"

fail() { printf 'package-release: %s\n' "$1" >&2; exit 64; }

source_version() {
    local version
    version=$(release_source_version "$root")
    release_version_valid "$version" || fail "Sources/Supervisor/Output/Version.swift gives no release version ('$version')"
    printf '%s' "$version"
}

command=${1:-}
shift || true
case $command in
    version)
        version=$(source_version)
        if [ $# -gt 0 ] && [ "$1" != "v$version" ]; then
            fail "tag $1 is not v$version, the version in Sources/Supervisor/Output/Version.swift; set Version.current to the release's version and tag that commit"
        fi
        printf '%s\n' "$version"
        ;;
    archive)
        bin='' os='' arch='' out='' version=''
        while [ $# -gt 0 ]; do
            [ $# -ge 2 ] || fail "$1 needs a value"
            case $1 in
                --bin-dir) bin=$2 ;;
                --os) os=$2 ;;
                --arch) arch=$2 ;;
                --out) out=$2 ;;
                --version) version=$2 ;;
                *) fail "unknown option $1" ;;
            esac
            shift 2
        done
        [ "$os" = linux ] || fail "--os: only linux archives are made here; Windows zips come from packaging/windows/build.ps1"
        [ "$arch" = x64 ] || [ "$arch" = arm64 ] || fail "--arch: write x64 or arm64"
        [ -n "$bin" ] && [ -n "$out" ] || fail "--bin-dir and --out are required"
        [ -n "$version" ] || version=$(source_version)
        for program in invoker-supervisor invoker-supervisor-dispatch; do
            [ -x "$bin/$program" ] || fail "--bin-dir: $bin/$program is missing; build it first (swift build -c release --static-swift-stdlib)"
        done
        reported=$("$bin/invoker-supervisor" --version)
        [ "$reported" = "invoker-supervisor $version" ] || fail "$bin/invoker-supervisor says '$reported', not version $version"
        asset=$(release_asset "$version" "$os" "$arch")
        mkdir -p "$out"
        stage=$(mktemp -d "$out/.stage.XXXXXX")
        trap 'rm -rf "$stage"' EXIT
        tree="$stage/tree"
        mkdir "$tree" "$tree/hooks" "$tree/linux" "$tree/examples" "$tree/schemas"
        cp "$bin/invoker-supervisor" "$bin/invoker-supervisor-dispatch" "$tree/"
        cp "$root"/packaging/hooks/*.sh "$tree/hooks/"
        cp "$root/packaging/linux/install.sh" "$root/packaging/linux/invoker-supervisor.service" "$tree/linux/"
        cp "$root/packaging/examples/supervisor.json" "$tree/examples/"
        cp "$root"/docs/schemas/*.json "$tree/schemas/"
        tar -czf "$stage/$asset" -C "$stage/tree" .
        mv -f "$stage/$asset" "$out/$asset"
        printf '%s\n' "$out/$asset"
        ;;
    sums)
        dir=${1:-}
        [ -d "$dir" ] || fail "sums needs the folder holding the archives"
        (
            cd "$dir"
            shopt -s nullglob
            archives=(invoker-supervisor-*.tar.gz invoker-supervisor-*.zip)
            [ ${#archives[@]} -gt 0 ] || fail "$dir holds no invoker-supervisor-*.tar.gz or .zip"
            sha256sum -- "${archives[@]}" >".$RELEASE_SUMS.tmp"
            mv -f ".$RELEASE_SUMS.tmp" "$RELEASE_SUMS"
            cat "$RELEASE_SUMS"
        )
        ;;
    *)
        fail "usage: package-release.sh version [TAG] | archive --bin-dir DIR --os linux --arch ARCH --out DIR [--version V] | sums DIR"
        ;;
esac
