import Foundation

/// One finished run, as shown in a schedule's status.
public struct RunRecord: Hashable, Sendable, Codable {
    public var number: Int
    public var scheduledAt: Date
    public var startedAt: Date
    public var finishedAt: Date
    public var result: RunResult

    public init(number: Int, scheduledAt: Date, startedAt: Date, finishedAt: Date, result: RunResult) {
        self.number = number
        self.scheduledAt = scheduledAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.result = result
    }
}

/// How a run ended.
public struct RunResult: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable {
        case succeeded
        case failed
        case timedOut
        /// Cancelled by shutdown; not counted as a failure.
        case cancelled
        /// The run asked to stop its schedule.
        case stoppedSchedule
    }

    public var kind: Kind
    /// The error text for failures, the reason for `stoppedSchedule`.
    public var message: String?

    public init(kind: Kind, message: String? = nil) {
        self.kind = kind
        self.message = message
    }

    public static let succeeded = RunResult(kind: .succeeded)

    /// Failed and timed-out runs count toward auto-disable.
    public var isFailure: Bool { kind == .failed || kind == .timedOut }

    public var description: String {
        guard let message else { return kind.rawValue }
        return "\(kind.rawValue): \(message)"
    }
}
