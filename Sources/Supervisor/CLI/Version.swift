/// The supervisor's version, printed by `--version` and in boot.log.
enum Version {
    static let current = "0.1.0"
}
