@testable import CastBot
import Scheduling
import Synchronization

/// Records the health monitor settings it is asked to apply.
final class RecordingHealthMonitor: HealthMonitorControlling {
    private let calls = Mutex<[HealthMonitorSettings]>([])

    var applied: [HealthMonitorSettings] { calls.withLock { $0 } }

    func apply(hours: Double, channelID: String, setByUserID: String, guildID: String?, restartPolicy: RestartPolicy) async throws -> String {
        let settings = HealthMonitorSettings(
            hours: hours, channelID: channelID, setByUserID: setByUserID, guildID: guildID, restartPolicy: restartPolicy)
        calls.withLock { $0.append(settings) }
        return hours == 0 ? "⏹️ Health monitor stopped (fake)" : "✅ Health report every \(hours) hours (fake)"
    }

    func statusText() async -> String { "⏹️ Health monitor idle (fake)" }

    func lastSettings() async -> HealthMonitorSettings? { calls.withLock { $0.last } }
}
