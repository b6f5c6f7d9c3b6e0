/// What the loop is doing, for waking it and for tests that step virtual time.
struct LoopState<Instant: InstantProtocol>: Sendable {
    var isRunning = false
    var isParked = false
    var parkedUntil: Instant?
    /// Set by every change the loop has not looked at yet.
    var wakePending = false
    var wakeUps = 0
}
