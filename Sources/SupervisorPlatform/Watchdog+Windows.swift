#if os(Windows)
/// Not needed on Windows: a `run` invoker's Job Object has `JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE`,
/// so the tree ends when the supervisor's handle closes, however the supervisor ends.
package enum Watchdog {
    package static func watch(_ tree: ProcessTreeID, grace: Double) {}
    package static func release(_ tree: ProcessTreeID) {}
    package static func serve(grace: Double) -> Int32 { 64 }
}
#endif
