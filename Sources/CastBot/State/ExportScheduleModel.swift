import ExportFormat
import PlayerData
import Foundation
import Scheduling

/// What a scheduled export covers: one guild (`server` in the modal) or every guild (`all`).
///
/// Each guild has at most one export schedule, and there is one schedule for `all`; the scope is
/// that schedule's identity (`scheduleKey`).
package enum ExportScope: Hashable, Sendable, Codable, CustomStringConvertible {
    case guild(String)
    case all

    static let keyPrefix = "export:"
    static let guildKeyPrefix = "export:guild:"
    package static let allKey = "export:all"

    /// The scheduler key: `export:guild:<id>` or `export:all`.
    package var scheduleKey: ScheduleKey {
        switch self {
        case .guild(let id): ScheduleKey(Self.guildKeyPrefix + id)
        case .all: ScheduleKey(Self.allKey)
        }
    }

    /// The scope a scheduler key belongs to, or nil for keys that are not export schedules.
    package init?(scheduleKey: ScheduleKey) {
        let raw = scheduleKey.rawValue
        if raw == Self.allKey {
            self = .all
        } else if raw.hasPrefix(Self.guildKeyPrefix), raw.count > Self.guildKeyPrefix.count {
            self = .guild(String(raw.dropFirst(Self.guildKeyPrefix.count)))
        } else {
            return nil
        }
    }

    /// The modal's `export_type` value: `server` or `all`.
    var exportType: String {
        switch self {
        case .guild: "server"
        case .all: "all"
        }
    }

    /// The `kind` stored in the schedule's `ScheduleInfo`.
    var scheduleKind: String {
        switch self {
        case .guild: ExportScheduleKind.server
        case .all: ExportScheduleKind.all
        }
    }

    /// The seed's "Export Type" label.
    package var typeLabel: String {
        switch self {
        case .guild: "Current Server"
        case .all: "All Servers"
        }
    }

    /// The guild exported, or nil for `all`.
    package var guildID: String? {
        switch self {
        case .guild(let id): id
        case .all: nil
        }
    }

    package var description: String {
        switch self {
        case .guild(let id): "guild \(id)"
        case .all: "all guilds"
        }
    }

    // Encoded as one string, `all` or `guild:<id>`, so the state file reads plainly.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        if text == "all" {
            self = .all
        } else if text.hasPrefix("guild:"), text.count > 6 {
            self = .guild(String(text.dropFirst(6)))
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "An export scope is \"all\" or \"guild:<id>\"; got \"\(text.prefix(60))\".")
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .guild(let id): try container.encode("guild:" + id)
        case .all: try container.encode("all")
        }
    }
}

/// The `ScheduleInfo.kind` values of the service's schedules.
package enum ExportScheduleKind {
    package static let server = "export-server"
    package static let all = "export-all"
    package static let health = "health"
}

/// What the schedule modal asks for. Also what is remembered (and survives restarts) to pre-fill
/// the modal next time.
package struct ExportScheduleRequest: Hashable, Sendable, Codable {
    /// Which export: this guild (`.guild(id)`) or every guild (`.all`, owners only: the caller checks).
    package var scope: ExportScope
    /// The guild the schedule was set in (for `.all`, where the modal was used).
    package var guildID: String
    /// The channel exports are posted to.
    package var channelID: String
    /// The admin who set the schedule; told by DM when it stops on its own.
    package var setByUserID: String
    /// Minutes between exports, 1...10080; 0 stops the schedule.
    package var intervalMinutes: Int
    /// Optional `HH:MM` UTC the runs are anchored to.
    package var dailyAt: String?
    /// `clear` (default, the seed's): a restart ends the schedule; `resume`: it comes back.
    package var restartPolicy: RestartPolicy
    /// Retention: keep the newest N (1...100) exports in the channel and delete older ones this
    /// schedule posted; nil keeps every export. Absent from settings saved before it existed.
    package var keepLast: Int?

    package init(
        scope: ExportScope,
        guildID: String,
        channelID: String,
        setByUserID: String,
        intervalMinutes: Int,
        dailyAt: String? = nil,
        restartPolicy: RestartPolicy = .clear,
        keepLast: Int? = nil
    ) {
        self.scope = scope
        self.guildID = guildID
        self.channelID = channelID
        self.setByUserID = setByUserID
        self.intervalMinutes = intervalMinutes
        self.dailyAt = dailyAt
        self.restartPolicy = restartPolicy
        self.keepLast = keepLast
    }

    /// True when the request stops the schedule.
    package var stops: Bool { intervalMinutes == 0 }
}

/// Why a schedule request was refused. Each message says what was wrong and what is allowed; a
/// refused request changes nothing.
package enum ExportScheduleError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The interval text is not a number of minutes nor `90m`, `6h`, `1d`, `1w`.
    case invalidIntervalText(String)
    /// Minutes outside 1...10080 (0 stops).
    case intervalOutOfRange(Int)
    /// `daily_at` is not `HH:MM` UTC.
    case invalidDailyTime(String)
    /// The restart policy is not `clear` or `resume`.
    case invalidRestartPolicy(String)
    /// An id that is not a Discord snowflake (digits only).
    case invalidID(field: String, value: String)
    /// The scheduler refused for another reason (e.g. the service is shutting down).
    case schedulerRefused(String)

    /// The interval forms the modal accepts, for messages.
    static let allowedIntervalForms =
        "a number of minutes from 1 to 10080 (0 stops the schedule), or 90m, 6h, 1d, 1w"

    package var description: String {
        switch self {
        case .invalidIntervalText(let text):
            "\"\(text.prefix(40))\" is not an interval. Use \(Self.allowedIntervalForms)."
        case .intervalOutOfRange(let minutes):
            "An interval of \(minutes) minutes is out of range. Use \(Self.allowedIntervalForms)."
        case .invalidDailyTime(let text):
            "\"\(text.prefix(40))\" is not a time of day. Use HH:MM in UTC, from 00:00 to 23:59 (for example 03:00), or leave it empty."
        case .invalidRestartPolicy(let text):
            "\"\(text.prefix(40))\" is not a restart policy. Use \"clear\" (the schedule stops when the bot restarts) or \"resume\" (it continues)."
        case .invalidID(let field, let value):
            "The \(field) \"\(value.prefix(40))\" is not a Discord id (17 to 20 digits)."
        case .schedulerRefused(let reason):
            "The schedule was not changed: \(reason)"
        }
    }

    package var errorDescription: String? { description }

    /// Maps the scheduler's validation errors onto the modal's words.
    init(_ error: SchedulingError, request: ExportScheduleRequest) {
        switch error {
        case .intervalMinutesOutOfRange(let minutes): self = .intervalOutOfRange(minutes)
        case .invalidTimeOfDay(let text): self = .invalidDailyTime(text)
        case .invalidRestartPolicy(let text): self = .invalidRestartPolicy(text)
        default: self = .schedulerRefused(error.description)
        }
    }
}

extension ExportFileName {
    /// True when this file is an export of exactly `scope` (a server export of that server, or
    /// an all-servers export for `.all`).
    package func holds(_ scope: ExportScope) -> Bool {
        switch (self.scope, scope) {
        case (.all, .all): true
        case (.guild(let named), .guild(let asked)): named == asked
        default: false
        }
    }
}
