import Foundation

/// When a newly started or restored schedule runs first. Later runs follow the cadence's grid.
package enum FirstRun: Hashable, Sendable {
    /// After the configured delay (5 seconds by default), like the seed's "first export in 5 seconds".
    case afterDelay
    /// At a wall-clock time; a time already past means "as soon as the scheduler runs".
    case at(Date)

    /// For `resume` after a restart: at the saved next-run time, so a run missed while the
    /// service was down happens once, right away.
    package static func resuming(_ saved: ScheduleStatus) -> FirstRun {
        .at(saved.nextRunAt ?? .distantPast)
    }
}
