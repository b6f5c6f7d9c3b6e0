/// What `Scheduler.shutdown(gracePeriod:)` found and did.
package struct ShutdownReport: Hashable, Sendable {
    /// Runs going when shutdown began.
    package var runsInFlight: Int
    /// Of those, how many ended on their own within the grace period.
    package var finished: Int
    /// How many were cancelled when the grace period ran out.
    package var cancelled: Int

    package init(runsInFlight: Int, finished: Int, cancelled: Int) {
        self.runsInFlight = runsInFlight
        self.finished = finished
        self.cancelled = cancelled
    }
}
