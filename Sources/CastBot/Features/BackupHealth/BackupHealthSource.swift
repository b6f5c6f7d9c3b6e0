import Foundation
import PlayerData
import Scheduling

/// Where `/metrics` and `/status` read backup health: the scheduler's view of every schedule and
/// the state store's last delivered exports (both in memory), plus run history and guild names
/// for the one page of schedules the status page shows.
package struct BackupHealthSource: Sendable {
    let engine: any ScheduleEngine
    let stateStore: ServiceStateStore
    let snapshots: PlayerDataSnapshots
    let now: @Sendable () -> Date

    /// Every known schedule, judged at this moment, and the moment.
    func assessAll() async -> (schedules: [ScheduleHealth], at: Date) {
        let lastExports = await stateStore.current().lastExports
        let now = now()
        let schedules = engine.statuses().map { status in
            BackupHealthAssessment.assess(status, lastExport: lastExports[status.key.rawValue], now: now)
        }
        return (schedules, now)
    }

    func summary() async -> BackupHealthSummary {
        let (schedules, now) = await assessAll()
        return BackupHealthSummary(schedules, now: now)
    }

    /// The newest runs of each of `keys`, newest first, read together; none when the history
    /// cannot be read (the page says so by showing no chart rather than failing as a whole).
    func runHistories(for keys: Set<ScheduleKey>, limit: Int) async -> [ScheduleKey: [RunHistoryEntry]] {
        (try? await stateStore.runHistories(for: keys, limit: limit)) ?? [:]
    }

    /// Guild names from the data file, for the guilds in `ids`; none when the file cannot be read.
    func guildNames(_ ids: some Sequence<String>) async -> [String: String] {
        guard let snapshot = try? await snapshots.snapshot() else { return [:] }
        var names: [String: String] = [:]
        for id in ids {
            if let name = try? await snapshot.serverName(of: id) { names[id] = name }
        }
        return names
    }
}

extension BackupHealthSource {
}
