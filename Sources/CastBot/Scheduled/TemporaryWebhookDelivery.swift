import DiscordModels
import DiscordREST
import struct Foundation.Date
import struct Foundation.TimeInterval
import Logging

/// Posts messages the way the seed does from scheduled contexts: through a temporary webhook.
///
/// For each delivery: create a webhook named "PlayerData Export Scheduler", execute it with
/// `?wait=true` for each message, and delete it `cleanupDelay` later in a tracked background task
/// (the delivery does not wait for it; a failed cleanup is only logged, and a later sweep removes
/// the webhook). Exactly two bot-token requests per delivery (create and delete): Discord's global
/// limit is what paces thousands of runs due together, so nothing else is asked of it on the way.
/// Every request goes at ``DiscordRequest/Priority/export``, behind interaction replies and DMs.
///
/// Webhooks this application left behind (a crash between create and delete; a channel holds at
/// most 15) are swept, apart from deliveries: once at start-up in the channels of the saved
/// schedules (``sweepLeftoversAtStartup(inChannels:)``, at background priority, only webhooks
/// made before this process started, when the deployment's ``WebhookLeftoverPolicy`` allows),
/// and when Discord answers 30007 (too many webhooks), after which the creation is retried once.
/// 10015 (unknown webhook) on execute recreates the webhook once.
///
/// An upload whose answer was lost (`isOutcomeUnknown`) is never sent again blindly: the channel's
/// newest messages are read, and one from this webhook with the same files is taken as delivered;
/// only when the channel shows other messages but not this one is it sent again. If Discord
/// cannot be asked, or shows nothing (no Read Message History), the error stands and the run
/// fails saying the export may have been posted. Every other failure is thrown as the
/// client's `DiscordHTTPError` (the client itself already waited out 429s and retried what is safe
/// to retry).
package actor TemporaryWebhookDelivery {
    static let webhookName = "PlayerData Export Scheduler"
    static let createReason = "Scheduled playerData export"
    static let cleanupReason = "Cleanup after scheduled export"
    static let sweepReason = "Removing a leftover playerData export webhook"

    private let discord: any DiscordClient
    private var applicationID: DiscordModels.Snowflake?
    private let clock: any Clock<Duration>
    private let cleanupDelay: Duration
    private let logger: Logger
    /// Webhooks created here and not yet deleted; a concurrent sweep leaves them alone.
    private var liveWebhooks: Set<DiscordModels.Snowflake> = []
    /// Uploads whose answer was lost, by what the check found (for the log and tests).
    private(set) var lostAnswers = LostAnswerCounts()
    private var cleanups: [UInt64: Task<Void, Never>] = [:]
    private var nextCleanupID: UInt64 = 0
    /// The start-up sweep, while it runs.
    private var startupSweep: Task<Void, Never>?
    /// Which of our webhooks count as leftovers, and so whether channels are swept at start-up
    /// (see `WebhookLeftoverPolicy`).
    private let leftovers: WebhookLeftoverPolicy
    /// Wall-clock time, for a webhook's age.
    private let now: @Sendable () -> Date
    /// When this process started delivering: webhooks made before are another process's.
    private let startedAt: Date

    package init(
        discord: any DiscordClient, applicationID: String?, clock: any Clock<Duration>, cleanupDelay: Duration, logger: Logger,
        leftovers: WebhookLeftoverPolicy = .allNotInUse, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.leftovers = leftovers
        self.now = now
        startedAt = now()
        self.discord = discord
        self.applicationID = applicationID.flatMap { DiscordModels.Snowflake($0) }
        self.clock = clock
        self.cleanupDelay = cleanupDelay
        self.logger = logger
    }

    /// Posts `messages` in order to `channelID`. Returns the messages Discord created, one per
    /// message given; throws at the first that fails (earlier ones stay posted).
    func deliver(_ messages: [WebhookMessage], to channelID: DiscordModels.Snowflake) async throws -> [Message] {
        var webhook = try await createWebhook(in: channelID)
        // Every webhook made here is deleted later, also one Discord called unknown (if it still
        // exists after all, the cleanup removes it; if not, the cleanup's 10015 is ignored).
        var created = [webhook.id]
        defer {
            for id in created { scheduleCleanup(of: id) }
        }
        var recreated = false
        var posted: [Message] = []
        for message in messages {
            do {
                posted.append(try await execute(webhook, message))
            } catch let error as DiscordHTTPError where error.isUnknownWebhook && !recreated {
                logger.warning("the export webhook vanished; creating a new one", metadata: ["channel": "\(channelID)"])
                recreated = true
                webhook = try await createWebhook(in: channelID)
                created.append(webhook.id)
                posted.append(try await execute(webhook, message))
            }
        }
        return posted
    }

    /// Waits until every scheduled cleanup has finished (tests, shutdown).
    func waitForCleanups() async {
        while let (id, task) = cleanups.first {
            await task.value
            cleanups[id] = nil
        }
    }

    /// Deletes pending webhooks now instead of after their delay, and stops the start-up sweep
    /// (shutdown).
    func cleanUpNow() async {
        startupSweep?.cancel()
        for task in cleanups.values {
            task.cancel()
        }
        await waitForCleanups()
        await startupSweep?.value
    }

    /// Starts sweeping `channels` (those of the saved schedules) of this application's temporary
    /// webhooks made before this process started: a previous process's leftovers, from a crash
    /// between a create and its delete. Runs in the background at
    /// ``DiscordRequest/Priority/background``, so it takes only the global limit's spare slots
    /// and never delays a delivery; a channel that cannot be read is only logged. Does nothing
    /// under ``WebhookLeftoverPolicy/olderThan(age:)``, where other processes' deliveries use our
    /// webhooks too and a full channel is swept when Discord says so.
    func sweepLeftoversAtStartup(inChannels channels: [DiscordModels.Snowflake]) {
        guard case .allNotInUse = leftovers, startupSweep == nil else { return }
        let madeBefore = DiscordModels.Snowflake(earliestAt: startedAt)
        var seen: Set<DiscordModels.Snowflake> = []
        let channels = channels.filter { seen.insert($0).inserted }
        guard !channels.isEmpty else { return }
        startupSweep = Task {
            var removed = 0
            for channel in channels {
                if Task.isCancelled { break }
                do {
                    removed += try await sweep(channel, madeBefore: madeBefore, priority: .background)
                } catch {
                    logger.warning(
                        "could not look for leftover export webhooks", metadata: ["channel": "\(channel)", "error": "\(error)"])
                }
            }
            logger.info(
                "swept the scheduled channels of leftover export webhooks",
                metadata: ["channels": "\(channels.count)", "removed": "\(removed)"])
        }
    }

    /// Waits for the start-up sweep to finish (tests).
    func waitForStartupSweep() async {
        await startupSweep?.value
    }

    /// Webhooks created and not yet deleted.
    var liveWebhookCount: Int { liveWebhooks.count }

    // MARK: Steps

    /// Deletes this application's temporary webhooks in `channelID` that no delivery here uses
    /// (and, with `madeBefore`, made before it). Returns how many were deleted.
    @discardableResult
    private func sweep(
        _ channelID: DiscordModels.Snowflake, madeBefore: DiscordModels.Snowflake? = nil, priority: DiscordRequest.Priority = .export
    ) async throws -> Int {
        guard let applicationID = try await knownApplicationID(priority: priority) else { return 0 }
        let existing = try await discord.listChannelWebhooks(channelID: channelID, priority: priority)
        var madeBefore = madeBefore
        if case .olderThan(let age) = leftovers {
            let oldEnough = DiscordModels.Snowflake(earliestAt: now().addingTimeInterval(-age))
            madeBefore = min(madeBefore ?? oldEnough, oldEnough)
        }
        var removed = 0
        let leftovers = existing.filter { webhook in
            guard webhook.applicationID == applicationID, webhook.name == Self.webhookName, !liveWebhooks.contains(webhook.id) else {
                return false
            }
            guard let madeBefore else { return true }
            return webhook.id < madeBefore
        }
        for webhook in leftovers {
            do {
                try await discord.deleteWebhook(webhookID: webhook.id, auditLogReason: Self.sweepReason, priority: priority)
                removed += 1
                logger.info("removed a leftover export webhook", metadata: ["channel": "\(channelID)", "webhook": "\(webhook.id)"])
            } catch let error as DiscordHTTPError where error.isUnknownWebhook {
                continue
            } catch {
                logger.warning("could not remove a leftover export webhook", metadata: ["webhook": "\(webhook.id)", "error": "\(error)"])
            }
        }
        return removed
    }

    /// The application whose webhooks are ours: configured, learned from a webhook created here,
    /// or asked of Discord once. Nil when Discord cannot say (the sweep then leaves the channel).
    private func knownApplicationID(priority: DiscordRequest.Priority) async throws -> DiscordModels.Snowflake? {
        if let applicationID { return applicationID }
        let application = try await discord.send(
            DiscordRequest(route: DiscordRoute(.get, "/applications/@me"), priority: priority), decoding: Application.self)
        if applicationID == nil { applicationID = application.id }
        return applicationID
    }

    private func createWebhook(in channelID: DiscordModels.Snowflake) async throws -> Webhook {
        let webhook: Webhook
        do {
            webhook = try await discord.createWebhook(
                channelID: channelID, name: Self.webhookName, auditLogReason: Self.createReason, priority: .export)
        } catch let error as DiscordHTTPError where error.isMaximumWebhooksReached {
            logger.warning("the channel has too many webhooks; sweeping ours and trying once more", metadata: ["channel": "\(channelID)"])
            try await sweep(channelID)
            webhook = try await discord.createWebhook(
                channelID: channelID, name: Self.webhookName, auditLogReason: Self.createReason, priority: .export)
        }
        if applicationID == nil, let owner = webhook.applicationID {
            applicationID = owner
        }
        liveWebhooks.insert(webhook.id)
        return webhook
    }

    private func execute(_ webhook: Webhook, _ message: WebhookMessage) async throws -> Message {
        guard let token = webhook.token else {
            throw DiscordHTTPError(
                kind: .invalidResponse("the new webhook came without a token"), route: "POST /channels/{channel.id}/webhooks")
        }
        do {
            return try await discord.executeWebhook(
                webhookID: webhook.id, token: token, payload: message.payload, files: message.files, priority: .export)
        } catch let error as DiscordHTTPError where error.isOutcomeUnknown {
            guard let landed = try await findLanded(message, from: webhook, after: error) else {
                lostAnswers.resent += 1
                logger.warning(
                    "an export upload's answer was lost and it is not in the channel; sending it again",
                    metadata: ["channel": "\(webhook.channelID.map { "\($0)" } ?? "?")", "error": "\(error)"])
                return try await discord.executeWebhook(
                    webhookID: webhook.id, token: token, payload: message.payload, files: message.files, priority: .export)
            }
            lostAnswers.foundPosted += 1
            logger.notice(
                "an export upload's answer was lost; the message is in the channel, not sending it again",
                metadata: ["message": "\(landed.id)"])
            return landed
        }
    }

    /// The message this webhook posted with `message`'s files among the channel's newest, or nil
    /// if there is none. Throws `lostAnswer` when the channel cannot be read: then nobody knows.
    private func findLanded(_ message: WebhookMessage, from webhook: Webhook, after lostAnswer: DiscordHTTPError) async throws -> Message? {
        guard let channelID = webhook.channelID else { throw lostAnswer }
        let recent: [Message]
        do {
            recent = try await discord.getChannelMessages(channelID: channelID, limit: 20, priority: .export)
        } catch {
            logger.error(
                "an export upload's answer was lost and the channel cannot be read to check it; not sending it again",
                metadata: ["channel": "\(channelID)", "error": "\(error)"])
            lostAnswers.unknown += 1
            throw lostAnswer
        }
        let filenames = message.files.map(\.filename)
        let landed = recent.first { posted in
            posted.webhookID == webhook.id && (posted.attachments ?? []).map(\.filename) == filenames
                && (filenames.isEmpty ? posted.content == message.payload.content : true)
        }
        // Discord answers an empty list when the bot lacks Read Message History: an empty channel
        // proves nothing, so the upload is not sent again.
        if landed == nil && recent.isEmpty {
            logger.error(
                "an export upload's answer was lost and the channel shows no messages (is Read Message History missing?); not sending it again",
                metadata: ["channel": "\(channelID)"])
            lostAnswers.unknown += 1
            throw lostAnswer
        }
        return landed
    }

    /// Deletes the webhook `cleanupDelay` from now on the clock; at once if the task is cancelled.
    private func scheduleCleanup(of webhookID: DiscordModels.Snowflake) {
        let id = nextCleanupID
        nextCleanupID += 1
        let discord = discord
        let logger = logger
        cleanups[id] = Self.afterDelay(cleanupDelay, on: clock) {
            // A fresh task, so a cancelled wait (shutdown) still deletes the webhook.
            await Task {
                do {
                    try await discord.deleteWebhook(webhookID: webhookID, auditLogReason: Self.cleanupReason, priority: .export)
                } catch let error as DiscordHTTPError where error.isUnknownWebhook {
                    // Already gone.
                } catch {
                    logger.warning(
                        "could not delete the temporary export webhook", metadata: ["webhook": "\(webhookID)", "error": "\(error)"])
                }
            }.value
            await self.cleanupFinished(id, webhookID: webhookID)
        }
    }

    /// The deadline is fixed now, not when the task first runs, so virtual-time tests can advance
    /// the clock right after a delivery without racing the task.
    private static func afterDelay<C: Clock>(
        _ delay: Duration, on clock: C, _ work: @escaping @Sendable () async -> Void
    ) -> Task<Void, Never> where C.Duration == Duration {
        let deadline = clock.now.advanced(by: delay)
        return Task {
            try? await clock.sleep(until: deadline, tolerance: nil)
            await work()
        }
    }

    private func cleanupFinished(_ id: UInt64, webhookID: DiscordModels.Snowflake) {
        cleanups[id] = nil
        liveWebhooks.remove(webhookID)
    }
}

/// What became of uploads whose answer was lost.
struct LostAnswerCounts: Sendable, Equatable {
    /// Found in the channel: counted as delivered, not sent again.
    var foundPosted = 0
    /// Not in the channel: sent again (not blindly: Discord was asked first).
    var resent = 0
    /// The channel could not be read: the run failed, saying the export may have been posted.
    var unknown = 0
}

/// One message to post through a webhook: its payload and the files uploaded with it.
struct WebhookMessage: Sendable, Hashable {
    var payload: MessagePayload
    var files: [DiscordFile]

    init(payload: MessagePayload, files: [DiscordFile] = []) {
        self.payload = payload
        self.files = files
    }
}
