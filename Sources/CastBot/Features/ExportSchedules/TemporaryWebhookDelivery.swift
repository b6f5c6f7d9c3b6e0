public import DiscordModels
public import DiscordREST
public import Logging

/// Posts messages the way the seed does from scheduled contexts: through a temporary webhook.
///
/// For each delivery: sweep the channel of webhooks this application left behind (a channel holds
/// at most 15), create a webhook named "PlayerData Export Scheduler", execute it with `?wait=true`
/// for each message, and delete it `cleanupDelay` later in a tracked background task (the delivery
/// does not wait for it; a failed cleanup is only logged, and the next sweep removes the webhook).
///
/// Discord's answers shape the retries: 10015 (unknown webhook) on execute recreates the webhook
/// once; 30007 (too many webhooks) on create sweeps again and retries once. Every other failure is
/// thrown as the client's `DiscordHTTPError` (the client itself already waited out 429s and
/// retried 5xx answers).
public actor TemporaryWebhookDelivery {
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
    private var cleanups: [UInt64: Task<Void, Never>] = [:]
    private var nextCleanupID: UInt64 = 0

    public init(discord: any DiscordClient, applicationID: String?, clock: any Clock<Duration>, cleanupDelay: Duration, logger: Logger) {
        self.discord = discord
        self.applicationID = applicationID.flatMap { DiscordModels.Snowflake($0) }
        self.clock = clock
        self.cleanupDelay = cleanupDelay
        self.logger = logger
    }

    /// Posts `messages` in order to `channelID`. Returns the messages Discord created, one per
    /// message given; throws at the first that fails (earlier ones stay posted).
    func deliver(_ messages: [WebhookMessage], to channelID: DiscordModels.Snowflake) async throws -> [Message] {
        try await sweep(channelID)
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

    /// Deletes pending webhooks now instead of after their delay (shutdown).
    func cleanUpNow() async {
        for task in cleanups.values {
            task.cancel()
        }
        await waitForCleanups()
    }

    /// Webhooks created and not yet deleted.
    var liveWebhookCount: Int { liveWebhooks.count }

    // MARK: Steps

    private func sweep(_ channelID: DiscordModels.Snowflake) async throws {
        guard let applicationID else { return }
        let existing = try await discord.listChannelWebhooks(channelID: channelID)
        let leftovers = existing.filter {
            $0.applicationID == applicationID && $0.name == Self.webhookName && !liveWebhooks.contains($0.id)
        }
        for webhook in leftovers {
            do {
                try await discord.deleteWebhook(webhookID: webhook.id, auditLogReason: Self.sweepReason)
                logger.info("removed a leftover export webhook", metadata: ["channel": "\(channelID)", "webhook": "\(webhook.id)"])
            } catch let error as DiscordHTTPError where error.isUnknownWebhook {
                continue
            } catch {
                logger.warning("could not remove a leftover export webhook", metadata: ["webhook": "\(webhook.id)", "error": "\(error)"])
            }
        }
    }

    private func createWebhook(in channelID: DiscordModels.Snowflake) async throws -> Webhook {
        let webhook: Webhook
        do {
            webhook = try await discord.createWebhook(channelID: channelID, name: Self.webhookName, auditLogReason: Self.createReason)
        } catch let error as DiscordHTTPError where error.isMaximumWebhooksReached {
            logger.warning("the channel has too many webhooks; sweeping ours and trying once more", metadata: ["channel": "\(channelID)"])
            try await sweep(channelID)
            webhook = try await discord.createWebhook(channelID: channelID, name: Self.webhookName, auditLogReason: Self.createReason)
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
        return try await discord.executeWebhook(webhookID: webhook.id, token: token, payload: message.payload, files: message.files)
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
                    try await discord.deleteWebhook(webhookID: webhookID, auditLogReason: Self.cleanupReason)
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
