import Foundation

/// When one run is due, on the scheduler's clock and on the wall clock.
struct RunDeadline<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    let instant: Instant
    let date: Date
    /// The largest grid index whose point is at or before this deadline; the next run is on a later one.
    let gridIndex: Int64
}
