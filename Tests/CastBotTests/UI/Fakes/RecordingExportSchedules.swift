@testable import CastBot
import Synchronization

/// Records every schedule request it is asked to apply; answers status and last settings from
/// what it recorded, and can be told to fail.
final class RecordingExportSchedules: ExportScheduleControlling {
    private struct State {
        var applied: [ExportScheduleRequest] = []
        var last: [ExportScope: ExportScheduleRequest] = [:]
        var failure: String?
    }

    private let state = Mutex(State())

    var applied: [ExportScheduleRequest] { state.withLock { $0.applied } }

    func failNext(_ message: String) {
        state.withLock { $0.failure = message }
    }

    func remember(_ request: ExportScheduleRequest) {
        state.withLock { $0.last[request.scope] = request }
    }

    func apply(_ request: ExportScheduleRequest) async throws -> ExportScheduleConfirmation {
        try state.withLock { state in
            if let failure = state.failure {
                state.failure = nil
                throw FakeFailure(description: failure)
            }
            state.applied.append(request)
            state.last[request.scope] = request
        }
        return ExportScheduleConfirmation(
            isScheduled: !request.stops, cadenceLabel: "", typeLabel: request.scope.typeLabel, channelID: request.channelID,
            guildCount: 1, estimatedSizeBytes: nil, firstRunAt: nil, restartPolicy: request.restartPolicy, notes: [],
            message: "FAKE CONFIRMATION: \(request.scope) every \(request.intervalMinutes) minutes")
    }

    func statusText(for scope: ExportScope) async -> String {
        guard let request = state.withLock({ $0.last[scope] }), !request.stops else {
            return "⏹️ No schedule active (fake, \(scope.exportType))"
        }
        return "✅ Active (fake): every \(request.intervalMinutes) minutes to <#\(request.channelID)>"
    }

    func lastSettings(for scope: ExportScope) async -> ExportScheduleRequest? {
        state.withLock { $0.last[scope] }
    }

    func setRetention(keepLast: Int?, for scope: ExportScope) async -> ExportScheduleRequest? {
        state.withLock { state in
            state.last[scope]?.keepLast = keepLast
            return state.last[scope]
        }
    }
}

struct FakeFailure: Error, CustomStringConvertible {
    let description: String
}
