/// What `Scheduler.shutdown(gracePeriod:)` found and did.
public struct ShutdownReport: Hashable, Sendable {
    /// Runs going when shutdown began.
    public var runsInFlight: Int
    /// Of those, how many ended on their own within the grace period.
    public var finished: Int
    /// How many were cancelled when the grace period ran out.
    public var cancelled: Int

    public init(runsInFlight: Int, finished: Int, cancelled: Int) {
        self.runsInFlight = runsInFlight
        self.finished = finished
        self.cancelled = cancelled
    }
}
