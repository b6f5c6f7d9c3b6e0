import Foundation

/// One finished run, as shown in a schedule's status.
package struct RunRecord: Hashable, Sendable, Codable {
    package var number: Int
    package var scheduledAt: Date
    package var startedAt: Date
    package var finishedAt: Date
    package var result: RunResult

    package init(number: Int, scheduledAt: Date, startedAt: Date, finishedAt: Date, result: RunResult) {
        self.number = number
        self.scheduledAt = scheduledAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.result = result
    }
}

/// How a run ended.
package struct RunResult: Hashable, Sendable, Codable, CustomStringConvertible {
    package enum Kind: String, Hashable, Sendable, Codable {
        case succeeded
        case failed
        case timedOut
        /// Cancelled by shutdown; not counted as a failure.
        case cancelled
        /// The run asked to stop its schedule.
        case stoppedSchedule
    }

    package var kind: Kind
    /// The error text for failures, the reason for `stoppedSchedule`.
    package var message: String?

    package init(kind: Kind, message: String? = nil) {
        self.kind = kind
        self.message = message
    }

    package static let succeeded = RunResult(kind: .succeeded)

    /// Failed and timed-out runs count toward auto-disable.
    package var isFailure: Bool { kind == .failed || kind == .timedOut }

    package var description: String {
        guard let message else { return kind.rawValue }
        return "\(kind.rawValue): \(message)"
    }
}
