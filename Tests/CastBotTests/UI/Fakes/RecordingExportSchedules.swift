@testable import CastBot
import Synchronization

/// Records every schedule change it is asked to apply; answers status and last settings from
/// what it recorded, and can be told to fail.
final class RecordingExportSchedules: ExportScheduleControlling {
    private struct State {
        var applied: [ExportScheduleChange] = []
        var last: [String: ExportScheduleChange] = [:]
        var failure: String?
    }

    private let state = Mutex(State())

    var applied: [ExportScheduleChange] { state.withLock { $0.applied } }

    func failNext(_ message: String) {
        state.withLock { $0.failure = message }
    }

    func remember(_ change: ExportScheduleChange) {
        state.withLock { $0.last[Self.key(change.target, change.guildID)] = change }
    }

    func apply(_ change: ExportScheduleChange) async throws {
        try state.withLock { state in
            if let failure = state.failure {
                state.failure = nil
                throw FakeFailure(description: failure)
            }
            state.applied.append(change)
            state.last[Self.key(change.target, change.guildID)] = change
        }
    }

    func statusText(for target: ExportTarget, guildID: String) async -> String {
        guard let change = state.withLock({ $0.last[Self.key(target, guildID)] }), change.intervalMinutes > 0 else {
            return "⏹️ No schedule active (fake, \(target.rawValue))"
        }
        return "✅ Active (fake): every \(change.intervalMinutes) minutes to <#\(change.channelID)>"
    }

    func lastSettings(for target: ExportTarget, guildID: String) async -> ExportScheduleChange? {
        state.withLock { $0.last[Self.key(target, guildID)] }
    }

    private static func key(_ target: ExportTarget, _ guildID: String) -> String {
        target == .all ? "all" : guildID
    }
}

struct FakeFailure: Error, CustomStringConvertible {
    let description: String
}
