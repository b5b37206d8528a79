/// How a tree is stopped, the same on every platform: a graceful request (SIGTERM, CTRL_BREAK),
/// up to the config's `stopGraceSeconds` for the tree to leave, then a kill of every member, then
/// up to `killWait` seconds for the kill to take effect before the rest are reported as survivors.
package enum TeardownPolicy {
    package static let killWait = 5.0
}
