import ExportFormat
import PlayerData
import DiscordModels
import DiscordREST
import Foundation
import Logging

/// "Keep the last N exports" (docs/OPERATIONS.md, "Backups and restore"): after a delivered run, older exports the schedule
/// posted in its channel are deleted. Only this service's own export messages are ever touched:
/// posted by a webhook owned by this application (`ExportProvenance`), carrying one file named
/// like this schedule's exports (split
/// exports' part messages belong to their export). People's messages, other webhooks' and other
/// applications' are never deleted.
///
/// Work per run is bounded: at most `maximumPages` pages of history are read (newest first,
/// paging back with `before`) and at most `maximumDeletions` messages deleted; what is left goes
/// on the next run. Failures are logged and counted, and never fail the run or stop the schedule.
struct ExportRetention: Sendable {
    static let allowedKeep = 1...100
    static let maximumPages = 10
    static let pageSize = 100
    static let maximumDeletions = 30
    static let deleteReason = "Export retention: keeping the newest exports"

    let discord: any DiscordClient
    let metrics: CastBotMetrics
    let logger: Logger

    struct Outcome: Sendable, Equatable {
        var keptExports = 0
        var deleted = 0
        /// Discord answered 50013: Manage Messages is missing; nothing more is tried this run.
        var refused = false
        var failed = 0
    }

    /// Keeps the newest `keepLast` exports of `identity` in `channelID` and deletes older ones.
    func apply(keepLast: Int, channelID: Snowflake, identity: ExportMessageIdentity) async -> Outcome {
        var outcome = Outcome()
        let found: (doomed: [Snowflake], kept: Int)
        do {
            found = try await findOlderExports(keepLast: keepLast, channelID: channelID, identity: identity)
        } catch {
            logger.warning(
                "export retention could not read the channel's history; nothing deleted",
                metadata: ["channel": "\(channelID)", "error": "\(error)"])
            metrics.retentionDeletion(result: "failed")
            outcome.failed += 1
            return outcome
        }
        outcome.keptExports = found.kept
        for messageID in found.doomed {
            do {
                try await discord.deleteMessage(
                    channelID: channelID, messageID: messageID, auditLogReason: Self.deleteReason, priority: .export)
                outcome.deleted += 1
                metrics.retentionDeletion(result: "deleted")
            } catch let error as DiscordHTTPError where error.code == .unknownMessage {
                continue  // Someone deleted it first.
            } catch let error as DiscordHTTPError where error.code == .missingPermissions {
                logger.warning(
                    "export retention needs Manage Messages in the channel; old exports are kept",
                    metadata: ["channel": "\(channelID)", "error": "\(error)"])
                metrics.retentionDeletion(result: "refused")
                outcome.refused = true
                break
            } catch {
                logger.warning(
                    "export retention could not delete an old export message",
                    metadata: ["channel": "\(channelID)", "message": "\(messageID)", "error": "\(error)"])
                metrics.retentionDeletion(result: "failed")
                outcome.failed += 1
            }
        }
        if outcome.deleted > 0 {
            logger.info(
                "export retention deleted old export messages",
                metadata: ["channel": "\(channelID)", "deleted": "\(outcome.deleted)", "kept_exports": "\(outcome.keptExports)"])
        }
        return outcome
    }

    /// The ids of this schedule's export messages beyond the newest `keepLast` exports, oldest
    /// pages last, at most `maximumDeletions`; and how many exports are kept.
    private func findOlderExports(
        keepLast: Int, channelID: Snowflake, identity: ExportMessageIdentity
    ) async throws -> (doomed: [Snowflake], kept: Int) {
        var exportsSeen: [String] = []
        var doomed: [Snowflake] = []
        var before: Snowflake?
        for _ in 0..<Self.maximumPages {
            let page = try await discord.getChannelMessages(channelID: channelID, limit: Self.pageSize, before: before, priority: .export)
            for message in page {
                guard let export = identity.exportName(of: message) else { continue }
                if !exportsSeen.contains(export) { exportsSeen.append(export) }
                if let index = exportsSeen.firstIndex(of: export), index >= keepLast {
                    doomed.append(message.id)
                    if doomed.count == Self.maximumDeletions { return (doomed, min(keepLast, exportsSeen.count)) }
                }
            }
            guard page.count == Self.pageSize, let oldest = page.last else { break }
            before = oldest.id
        }
        return (doomed, min(keepLast, exportsSeen.count))
    }
}

/// Which messages are one schedule's exports, and which export each belongs to.
struct ExportMessageIdentity: Sendable, Equatable {
    /// Which messages this bot posted (the one definition restore uses too).
    var provenance: ExportProvenance
    /// `playerdata-scheduled-<guild id>-` for a server schedule, `playerdata-scheduled-ALL-` for all.
    var filenamePrefix: String

    init(applicationID: Snowflake, scope: ExportScope) {
        provenance = ExportProvenance(applicationID: applicationID)
        switch scope {
        case .guild(let id): filenamePrefix = ExportFileName.prefix(.guild(id), kind: .scheduled)
        case .all: filenamePrefix = ExportFileName.prefix(.all, kind: .scheduled)
        }
    }

    /// The export's own filename (`….json`) when `message` is one of this schedule's export
    /// messages (the first or a part), else nil.
    func exportName(of message: Message) -> String? {
        guard message.webhookID != nil, provenance.postedByThisBot(message),
            let files = message.attachments, files.count == 1, let filename = files.first?.filename
        else { return nil }
        return Self.exportName(fromUpload: filename, prefix: filenamePrefix)
    }

    /// `X.json`, `X.json.gz`, `X.json.gz.enc` and `X.json.gz.part02of12` all name export `X.json`.
    static func exportName(fromUpload filename: String, prefix: String) -> String? {
        guard filename.hasPrefix(prefix), let name = ExportFileName(filename), name.scheduled else { return nil }
        return name.exportName
    }
}
