# shellcheck shell=bash
# The names of invoker-supervisor's release assets: one home for them, sourced by
# scripts/install-binary.sh (the actions' installer) and scripts/package-release.sh (CI's release).
#
#   invoker-supervisor-VERSION-OS-ARCH.EXT   OS linux|windows, ARCH x64|arm64, EXT tar.gz (linux) or zip (windows)
#   SHA256SUMS                               one `HEX  NAME` line per archive (sha256sum's format)
#
# VERSION is `Version.current` in Sources/Supervisor/Output/Version.swift (what `--version` prints),
# without a `v`; the release's tag is `vVERSION`. docs/install.md describes them for users.

# The version the source at ROOT releases as (empty when the file is not there).
release_source_version() {
    sed -n 's/^[[:space:]]*package static let current = "\([^"]*\)".*/\1/p' \
        "$1/Sources/Supervisor/Output/Version.swift" 2>/dev/null | head -n 1
}

# Whether $1 is a release version: 1.2.3, optionally -pre.1 / +build.
release_version_valid() {
    [[ $1 =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]]
}

# runner.os → the archive's OS word (empty for an OS with no release).
release_os() {
    case $1 in
        Linux) printf 'linux' ;;
        Windows) printf 'windows' ;;
    esac
}

# runner.arch → the archive's ARCH word (empty for an architecture with no release).
release_arch() {
    case $1 in
        X64) printf 'x64' ;;
        ARM64) printf 'arm64' ;;
    esac
}

# The archive's extension for an OS word.
release_ext() {
    if [ "$1" = windows ]; then printf 'zip'; else printf 'tar.gz'; fi
}

# The archive's file name: release_asset VERSION OS ARCH.
release_asset() {
    printf 'invoker-supervisor-%s-%s-%s.%s' "$1" "$2" "$3" "$(release_ext "$2")"
}

# The name of the checksums file next to the archives.
# shellcheck disable=SC2034 # used by the scripts that source this file
RELEASE_SUMS=SHA256SUMS
