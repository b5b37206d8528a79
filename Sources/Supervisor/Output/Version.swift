/// The supervisor's version, printed by `--version` and in boot.log.
package enum Version {
    package static let current = "0.1.0"
}
