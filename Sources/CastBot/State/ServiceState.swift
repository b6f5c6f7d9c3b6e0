import ExportFormat
import Foundation
import PlayerData
import Scheduling

/// Everything the service keeps about its schedules between restarts, as loaded at startup from
/// `ServiceStateStorage` (and the shape of the `castbot-state.json` of earlier versions, which is
/// imported once).
package struct ServiceState: Hashable, Sendable, Codable {
    static let currentFormatVersion = 1

    var formatVersion: Int
    /// The last settings of each export schedule, by scheduler key (for the modal's pre-fill).
    package var exportSettings: [String: ExportScheduleRequest]
    /// The last delivered export of each schedule, by scheduler key (for the drop warning).
    package var lastExports: [String: LastExportRecord]
    package var healthSettings: HealthMonitorSettings?
    /// The scheduler's schedules when last saved; `resume` ones are restored at startup.
    package var schedules: SchedulerSnapshot?

    package init(
        exportSettings: [String: ExportScheduleRequest] = [:],
        lastExports: [String: LastExportRecord] = [:],
        healthSettings: HealthMonitorSettings? = nil,
        schedules: SchedulerSnapshot? = nil
    ) {
        formatVersion = Self.currentFormatVersion
        self.exportSettings = exportSettings
        self.lastExports = lastExports
        self.healthSettings = healthSettings
        self.schedules = schedules
    }
}

extension ServiceState {
    /// The changes that write this whole state into an empty storage (an upgrade from the state
    /// file, a move to the cluster's database).
    package var asChanges: [StateChange] {
        var changes: [StateChange] = (schedules?.schedules ?? []).map(StateChange.schedule)
        for (key, request) in exportSettings.sorted(by: { $0.key < $1.key }) { changes.append(.exportSettings(key: ScheduleKey(key), request)) }
        for (key, record) in lastExports.sorted(by: { $0.key < $1.key }) { changes.append(.lastExport(key: ScheduleKey(key), record)) }
        if let healthSettings { changes.append(.healthSettings(healthSettings)) }
        return changes
    }
}

/// How the state file is written and read: sorted keys, pretty-printed, dates as ISO 8601 with
/// milliseconds (so saved schedule times round-trip to the millisecond). The state databases
/// (SQLite, and PostgreSQL in cluster mode) store their JSON columns the same way.
package enum StateFileCoding {
    static func encoder() -> JSONEncoder {
        let encoder = compactEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }

    /// One line, for database columns.
    package static func compactEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.iso8601(date))
        }
        return encoder
    }

    package static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            // The form this service writes, parsed by hand; anything else by the general parser.
            if let date = Timestamp.date(iso8601: text) {
                return date
            }
            if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
                return date
            }
            if let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) {
                return date
            }
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Expected an ISO 8601 date such as 2025-10-15T14:30:00.000Z; got \"\(text.prefix(40))\".")
        }
        return decoder
    }
}

/// What a schedule's last delivered export held, kept with the state so the next export can warn
/// when the data shrank sharply (CastBot's wipe incident) even across restarts.
package struct LastExportRecord: Hashable, Sendable, Codable {
    package var deliveredAt: Date
    package var guildCount: Int
    package var playerCount: Int
    /// Size of the export itself (uncompressed JSON).
    package var byteCount: Int
    /// SHA-256 of the export bytes, lowercase hex; for an encrypted export, of the encrypted file
    /// (`ExportAttachmentPlan.publishedSHA256`), so the host keeps no checksum of the plaintext.
    package var sha256: String
    package var filename: String
    /// Where it was posted: the channel and the messages (the first carries the facts and the
    /// buttons; split exports have one more per part). Nil in records of earlier versions.
    package var channelID: String?
    package var messageIDs: [String]?
    /// Whether what Discord stored was downloaded again and matched what was sent (docs/OPERATIONS.md, "Backups and restore"):
    /// true verified, false a mismatch, nil not checked.
    package var verified: Bool?

    package init(
        deliveredAt: Date, guildCount: Int, playerCount: Int, byteCount: Int, sha256: String, filename: String,
        channelID: String? = nil, messageIDs: [String]? = nil, verified: Bool? = nil
    ) {
        self.deliveredAt = deliveredAt
        self.guildCount = guildCount
        self.playerCount = playerCount
        self.byteCount = byteCount
        self.sha256 = sha256
        self.filename = filename
        self.channelID = channelID
        self.messageIDs = messageIDs
        self.verified = verified
    }
}
