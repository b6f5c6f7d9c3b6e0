public import Scheduling

/// What a scheduled export covers: one guild (`server` in the modal) or every guild (`all`).
///
/// Each guild has at most one export schedule, and there is one schedule for `all`; the scope is
/// that schedule's identity (`scheduleKey`).
public enum ExportScope: Hashable, Sendable, Codable, CustomStringConvertible {
    case guild(String)
    case all

    static let keyPrefix = "export:"
    static let guildKeyPrefix = "export:guild:"
    public static let allKey = "export:all"

    /// The scheduler key: `export:guild:<id>` or `export:all`.
    public var scheduleKey: ScheduleKey {
        switch self {
        case .guild(let id): ScheduleKey(Self.guildKeyPrefix + id)
        case .all: ScheduleKey(Self.allKey)
        }
    }

    /// The scope a scheduler key belongs to, or nil for keys that are not export schedules.
    public init?(scheduleKey: ScheduleKey) {
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
    public var exportType: String {
        switch self {
        case .guild: "server"
        case .all: "all"
        }
    }

    /// The `kind` stored in the schedule's `ScheduleInfo`.
    public var scheduleKind: String {
        switch self {
        case .guild: ExportScheduleKind.server
        case .all: ExportScheduleKind.all
        }
    }

    /// The seed's "Export Type" label.
    public var typeLabel: String {
        switch self {
        case .guild: "Current Server"
        case .all: "All Servers"
        }
    }

    /// The guild exported, or nil for `all`.
    public var guildID: String? {
        switch self {
        case .guild(let id): id
        case .all: nil
        }
    }

    public var description: String {
        switch self {
        case .guild(let id): "guild \(id)"
        case .all: "all guilds"
        }
    }

    // Encoded as one string, `all` or `guild:<id>`, so the state file reads plainly.
    public init(from decoder: any Decoder) throws {
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

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .guild(let id): try container.encode("guild:" + id)
        case .all: try container.encode("all")
        }
    }
}

/// The `ScheduleInfo.kind` values of the service's schedules.
public enum ExportScheduleKind {
    public static let server = "export-server"
    public static let all = "export-all"
    public static let health = "health"
}
