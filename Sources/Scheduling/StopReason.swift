/// Why a schedule is no longer active.
public struct StopReason: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Stopped on request (interval 0, the stop button, the app).
        case stopped
        /// Too many failed runs in a row.
        case autoDisabled
        /// A run asked to stop the schedule (e.g. the channel is gone).
        case stoppedByRun
    }

    public var kind: Kind
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
