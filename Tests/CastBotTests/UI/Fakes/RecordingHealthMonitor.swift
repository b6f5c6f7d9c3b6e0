@testable import CastBot
import Synchronization

/// Records the health monitor settings it is asked to apply.
final class RecordingHealthMonitor: HealthMonitorControlling {
    struct Call: Sendable, Equatable {
        let hours: Double
        let channelID: String
        let setByUserID: String
    }

    private let calls = Mutex<[Call]>([])

    var applied: [Call] { calls.withLock { $0 } }

    func apply(hours: Double, channelID: String, setByUserID: String) async throws -> String {
        calls.withLock { $0.append(Call(hours: hours, channelID: channelID, setByUserID: setByUserID)) }
        return hours == 0 ? "⏹️ Health monitor stopped (fake)" : "✅ Health report every \(hours) hours (fake)"
    }

    func statusText() async -> String { "⏹️ Health monitor idle (fake)" }
}
