/// Why a schedule is no longer active.
package struct StopReason: Hashable, Sendable, Codable, CustomStringConvertible {
    package enum Kind: String, Hashable, Sendable, Codable {
        /// Stopped on request (interval 0, the stop button, the app).
        case stopped
        /// Too many failed runs in a row.
        case autoDisabled
        /// A run asked to stop the schedule (e.g. the channel is gone).
        case stoppedByRun
    }

    package var kind: Kind
    package var message: String

    package init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    package var description: String { message }
}
