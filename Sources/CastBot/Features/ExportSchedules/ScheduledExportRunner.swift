import DiscordModels
import DiscordREST
import ExportFormat
import Foundation
import Logging
import PlayerData
import Scheduling

/// One run of an export schedule: load the data file fresh, build the export, package it, post it
/// through a temporary webhook, and remember what was delivered.
///
/// A run is delivered only when Discord returned every message. Failures that cannot heal on their
/// own (channel gone, access or permissions missing) stop the schedule; others fail the run, which
/// the scheduler counts toward auto-disable.
package struct ScheduledExportRunner: Sendable {
    let snapshots: PlayerDataSnapshots
    let packager: ExportPackager
    let delivery: TemporaryWebhookDelivery
    let discord: any DiscordClient
    let stateStore: ServiceStateStore
    let clock: any Clock<Duration>
    let now: @Sendable () -> Date
    let metrics: CastBotMetrics
    let logger: Logger

    /// Takes from the shared context what a run uses.
    package init(work: ScheduledWorkContext) {
        snapshots = work.snapshots
        packager = work.packager
        delivery = work.delivery
        discord = work.discord
        stateStore = work.stateStore
        clock = work.clock
        now = work.now
        metrics = work.metrics
        logger = work.logger
    }

    func job(for scope: ExportScope) -> ScheduleJob {
        let runner = self
        return { context in try await runner.run(scope, context) }
    }

    package func run(_ scope: ExportScope, _ context: RunContext) async throws -> RunOutcome {
        let stopwatch = Stopwatch.start(on: self.clock)
        let type = scope.exportType
        do {
            let outcome = try await export(scope, context, stopwatch: stopwatch)
            if case .stopSchedule = outcome {
                metrics.exportFinished(type: type, succeeded: false, bytes: nil, duration: nil)
            }
            return outcome
        } catch {
            metrics.exportFinished(type: type, succeeded: false, bytes: nil, duration: nil)
            logger.warning(
                "scheduled export failed",
                metadata: ["schedule": "\(context.key)", "run": "\(context.runNumber)", "error": "\(ScheduledRunError.describe(error))"])
            throw error
        }
    }

    private func export(_ scope: ExportScope, _ context: RunContext, stopwatch: Stopwatch) async throws -> RunOutcome {
        let channelText = context.info.channelID
        guard let channelID = DiscordModels.Snowflake(channelText) else {
            return .stopSchedule(reason: ScheduledRunError.invalidChannelID(channelText).description)
        }
        // The export is built from the shared snapshot (a server export reads only its guild's
        // bytes) and only now that the run has its slot, so runs waiting hold no data.
        let artifact: ExportArtifact
        do {
            let snapshot = try await snapshots.snapshot()
            switch scope {
            case .all: artifact = try await snapshot.allExport(date: context.startedAt, kind: .scheduled)
            case .guild(let id): artifact = try await snapshot.serverExport(guildID: id, date: context.startedAt, kind: .scheduled)
            }
        } catch {
            throw ScheduledRunError(error)
        }
        let plan: ExportAttachmentPlan
        do {
            plan = try await packager.planOffCooperativePool(for: artifact)
        } catch {
            throw ScheduledRunError.packaging(error)
        }
        let key = context.key.rawValue
        let previous = await stateStore.current().lastExports[key]
        let facts = ExportMessageFacts(
            kind: .scheduled, typeLabel: scope.typeLabel, guildCount: artifact.guildCount, playerCount: artifact.playerCount,
            exportedAt: context.startedAt, nextRunAt: context.nextRunAt,
            dropWarning: ExportDropCheck.warning(previous: previous, guildCount: artifact.guildCount, byteCount: plan.exportByteCount))
        let messages = ExportMessageComposer.messages(for: plan, facts: facts)

        let posted: [Message]
        do {
            posted = try await delivery.deliver(messages, to: channelID)
        } catch let error as DiscordHTTPError {
            if let reason = ScheduleStoppingFailure.reason(for: error, channelID: channelText) {
                logger.error("scheduled export stopped", metadata: ["schedule": "\(key)", "reason": "\(reason)"])
                return .stopSchedule(reason: reason)
            }
            throw ScheduledRunError.discord(error)
        }

        // Download what Discord stored and compare it with what was sent (docs/OPERATIONS.md, "Backups and restore").
        let sent = await BlockingIO.run { plan.sentFileDigests() }
        let verification = await DeliveryVerifier(discord: discord).verify(sent, posted: posted)
        metrics.exportVerified(result: verification.metricResult)
        let record = LastExportRecord(
            deliveredAt: now(), guildCount: artifact.guildCount, playerCount: artifact.playerCount,
            byteCount: plan.exportByteCount, sha256: plan.publishedSHA256, filename: artifact.filename,
            channelID: channelID.rawValue, messageIDs: posted.map(\.id.rawValue), verified: verification.recordedFlag)
        await stateStore.noteDelivered(record, for: context.key)
        switch verification {
        case .verified:
            break
        case .mismatch(let filename, let sentSHA256, let stored):
            // Posted, but what Discord keeps is not what was sent: a failed run. Posting again
            // would not make the stored copy right, so the next scheduled run is the retry.
            logger.error(
                "a delivered export does not match what Discord stored",
                metadata: ["schedule": "\(key)", "file": "\(filename)", "sent_sha256": "\(sentSHA256)", "stored": "\(stored)"])
            throw ScheduledRunError.verificationMismatch(filename: filename, sentSHA256: sentSHA256, stored: stored)
        case .unavailable(let reason):
            logger.warning(
                "a delivered export could not be downloaded back to verify it; it stays not checked",
                metadata: ["schedule": "\(key)", "reason": "\(reason)"])
        }
        await applyRetention(scope, key: key, channelID: channelID, posted: posted)
        let duration = stopwatch.elapsed()
        metrics.exportFinished(type: scope.exportType, succeeded: true, bytes: plan.exportByteCount, duration: duration)
        logger.info(
            "scheduled export delivered",
            metadata: [
                "schedule": "\(key)", "run": "\(context.runNumber)", "file": "\(artifact.filename)",
                "bytes": "\(plan.exportByteCount)", "uploads": "\(plan.uploads.count)", "messages": "\(posted.map(\.id.rawValue))",
                "sha256": "\(plan.publishedSHA256)", "encrypted": "\(plan.encryption != nil)", "seconds": "\(DurationText.timeInterval(duration))", "drop_warning": "\(facts.dropWarning != nil)",
                "verification": "\(verification.metricResult)",
            ])
        return .success
    }
}

extension ScheduledExportRunner {
    /// Deletes the schedule's older exports when it keeps only the last N. Our messages are known
    /// by the application id Discord put on the message just posted.
    private func applyRetention(
        _ scope: ExportScope, key: String, channelID: DiscordModels.Snowflake, posted: [Message]
    ) async {
        guard let keepLast = await stateStore.current().exportSettings[key]?.keepLast, keepLast > 0 else { return }
        guard let applicationID = posted.first?.applicationID else {
            logger.warning(
                "export retention skipped: Discord's answer names no application for the export message",
                metadata: ["schedule": "\(key)"])
            return
        }
        let retention = ExportRetention(discord: discord, metrics: metrics, logger: logger)
        _ = await retention.apply(
            keepLast: keepLast, channelID: channelID, identity: ExportMessageIdentity(applicationID: applicationID, scope: scope))
    }
}

extension ScheduledRunError {
    package static func describe(_ error: any Error) -> String {
        (error as? any LocalizedError)?.errorDescription ?? String(describing: error)
    }
}

/// Why a scheduled run failed; the text is what status, logs and the admin's DM show.
package enum ScheduledRunError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// The data file could not be read or is not valid JSON.
    case dataFile(PlayerDataError)
    /// The export could not be built (e.g. the guild is not in the data file).
    case export(PlayerDataError)
    case packaging(ExportPackagingError)
    /// Discord refused or did not answer (after the client's own retries).
    case discord(DiscordHTTPError)
    /// The channel id saved with the schedule is not a Discord id.
    case invalidChannelID(String)
    /// The export was posted, but the file Discord stored differs from the bytes sent.
    case verificationMismatch(filename: String, sentSHA256: String, stored: String)

    package var description: String {
        switch self {
        case .dataFile(let error): "Could not read the data file: \(error)"
        case .export(let error): "Could not build the export: \(error)"
        case .packaging(let error): error.description
        case .discord(let error): error.description
        case .invalidChannelID(let id): "The channel id \"\(id.prefix(40))\" is not a Discord id."
        case .verificationMismatch(let filename, let sentSHA256, let stored):
            "The export was posted, but Discord's copy of \(filename) does not match what was sent: "
                + "sent SHA-256 \(sentSHA256), Discord stored \(stored). Do not restore from that message."
        }
    }

    package var errorDescription: String? { description }

    /// A snapshot's failure: the guild's own problems are the export's, the rest the data file's.
    init(_ error: PlayerDataError) {
        switch error {
        case .guildNotFound, .notAGuild, .guildDataNotAnObject: self = .export(error)
        default: self = .dataFile(error)
        }
    }
}

/// Discord failures after which a schedule can never succeed until someone acts: it stops, and
/// the admin who set it is told (docs/OPERATIONS.md, "When a scheduled run fails").
enum ScheduleStoppingFailure {
    /// The reason to stop with, or nil when the failure just counts as a failed run.
    static func reason(for error: DiscordHTTPError, channelID: String) -> String? {
        if error.isUnknownChannel {
            return "The channel <#\(channelID)> no longer exists or the bot cannot see it (Discord error 10003 Unknown Channel)."
        }
        if error.code == .missingAccess {
            return "The bot lost access to <#\(channelID)> (Discord error 50001 Missing Access). "
                + "It needs View Channel, Send Messages, Attach Files and Manage Webhooks there."
        }
        if error.code == .missingPermissions {
            return "The bot lacks permissions in <#\(channelID)> (Discord error 50013 Missing Permissions). "
                + "It needs View Channel, Send Messages, Attach Files and Manage Webhooks there."
        }
        return nil
    }
}

/// Compares an export with the same schedule's last one and words a warning when the data shrank
/// sharply (CastBot's September 2025 wipe: a whole file replaced by a few guilds). The thresholds
/// are the data file's own save guard: size below half, or more than 2 (or 20 % of the) guilds gone.
enum ExportDropCheck {
    static func warning(
        previous: LastExportRecord?, guildCount: Int, byteCount: Int, policy: SaveGuard = .default
    ) -> String? {
        guard let previous else { return nil }
        let reasons = policy.reasons(
            currentBytes: previous.byteCount, currentGuilds: previous.guildCount,
            proposedBytes: byteCount, proposedGuilds: guildCount)
        guard !reasons.isEmpty else { return nil }
        var changes: [String] = []
        if guildCount < previous.guildCount {
            changes.append("guilds fell from \(previous.guildCount) to \(guildCount)")
        }
        if byteCount < previous.byteCount {
            changes.append("size fell from \(ByteSizeText.describe(previous.byteCount)) to \(ByteSizeText.describe(byteCount))")
        }
        return "⚠️ **Sharp drop since the last export** (\(DiscordTimestamp.markup(previous.deliveredAt, .relative))): "
            + changes.joined(separator: " and ")
            + ". If this was not intended, the data may have been wiped: keep the earlier export (\(previous.filename)) to restore from."
    }
}

/// What an export made now would hold, for the confirmation. Never fails: problems become notes.
struct ExportEstimate: Sendable, Equatable {
    var guildCount: Int
    var byteCount: Int?
    var notes: [String]

    static func make(for scope: ExportScope, snapshots: PlayerDataSnapshots, now: Date) async -> ExportEstimate {
        let snapshot: DataFileSnapshot
        do {
            snapshot = try await snapshots.snapshot()
        } catch .dataFileMissing(let path) {
            return ExportEstimate(
                guildCount: 0, byteCount: nil, notes: ["⚠️ There is no data file yet (\(path)); exports fail until it exists."])
        } catch {
            return ExportEstimate(
                guildCount: 0, byteCount: nil, notes: ["⚠️ The data file cannot be read now: \(error). Exports fail until it is fixed."])
        }
        switch scope {
        case .all:
            return ExportEstimate(guildCount: snapshot.guildCount, byteCount: snapshot.byteCount, notes: [])
        case .guild(let id):
            do {
                let artifact = try await snapshot.serverExport(guildID: id, date: now, kind: .scheduled)
                return ExportEstimate(guildCount: 1, byteCount: artifact.bytes.count, notes: [])
            } catch {
                return ExportEstimate(
                    guildCount: 1, byteCount: nil,
                    notes: ["⚠️ This server has no player data yet: \(error). Exports fail until it has some."])
            }
        }
    }
}
