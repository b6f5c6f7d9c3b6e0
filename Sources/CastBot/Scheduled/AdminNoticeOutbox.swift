import DiscordModels
import DiscordREST
import Foundation
import Logging
import Scheduling

/// Sends the DMs queued in the state's outbox (a schedule stopped on its own) until each is
/// delivered or cannot be: the user does not accept DMs from the bot, or the attempts ran out.
///
/// Notices survive restarts (they are rows, not memory) and a failure only postpones one notice,
/// with backoff (`retryDelay`). A DM whose answer was lost is not sent again blindly: the DM
/// channel's newest messages are read first, and a message with the same text counts as
/// delivered.
struct AdminNoticeOutbox: Sendable {
    static var batchSize: Int { 50 }
    /// Attempts before a notice is given up (about a day of retries with the backoff below).
    static var maxAttempts: Int { 12 }
    /// How often the outbox looks for due notices when nothing woke it.
    static var idlePoll: Duration { .seconds(60) }

    let store: ServiceStateStore
    let discord: any DiscordClient
    let clock: any Clock<Duration>
    let now: @Sendable () -> Date
    let logger: Logger

    init(store: ServiceStateStore, discord: any DiscordClient, clock: any Clock<Duration>, now: @escaping @Sendable () -> Date, logger: Logger) {
        self.store = store
        self.discord = discord
        self.clock = clock
        self.now = now
        self.logger = logger
    }

    /// 30 s after the first failure, doubling up to an hour.
    static func retryDelay(afterAttempts attempts: Int) -> Duration {
        let seconds = 30 * (1 << min(max(attempts - 1, 0), 7))
        return .seconds(min(seconds, 3_600))
    }

    /// Sends due notices until cancelled, sleeping on the clock until the next is due, a new one
    /// is queued, or `idlePoll` passes.
    func run() async {
        while !Task.isCancelled {
            let looked = await deliverDueNotices()
            if looked == Self.batchSize { continue }
            let next = (try? await store.storage.nextNoticeDue()) ?? nil
            let pause = next.map { max(.zero, min(Self.idlePoll, .seconds($0.timeIntervalSince(now())))) } ?? Self.idlePoll
            await Self.pause(pause, on: clock, orUntil: store.noticeQueued)
        }
    }

    private static func pause(_ duration: Duration, on clock: any Clock<Duration>, orUntil signal: WakeSignal) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await clock.sleep(for: duration) }
            group.addTask { await signal.wait() }
            await group.next()
            group.cancelAll()
        }
    }

    /// Sends every notice due now (one batch). Returns how many were looked at.
    @discardableResult
    func deliverDueNotices() async -> Int {
        let due: [PendingNotice]
        do {
            due = try await store.storage.dueNotices(at: now(), limit: Self.batchSize)
        } catch {
            logger.error("could not read the notice outbox", metadata: ["error": "\(error)"])
            return 0
        }
        for notice in due {
            if Task.isCancelled { break }
            await deliver(notice)
        }
        return due.count
    }

    private func deliver(_ notice: PendingNotice) async {
        let attempts = notice.attempts + 1
        do {
            try await send(notice)
            await store.updateNotice(.noticeDelivered(id: notice.id))
        } catch let error as DiscordHTTPError where Self.isPermanent(error) {
            logger.warning(
                "could not DM the admin about a stopped schedule; not retrying",
                metadata: ["user": "\(notice.userID)", "error": "\(error)"])
            await store.updateNotice(.noticeAbandoned(id: notice.id, attempts: attempts, lastError: "\(error)"))
        } catch {
            // Shutdown cut the attempt short: the notice stays due for the next start.
            if Task.isCancelled { return }
            guard attempts < Self.maxAttempts else {
                logger.error(
                    "gave up on a DM to the admin about a stopped schedule",
                    metadata: ["user": "\(notice.userID)", "attempts": "\(attempts)", "error": "\(error)"])
                await store.updateNotice(.noticeAbandoned(id: notice.id, attempts: attempts, lastError: "\(error)"))
                return
            }
            let next = now().addingTimeInterval(DurationText.timeInterval(Self.retryDelay(afterAttempts: attempts)))
            logger.warning(
                "could not DM the admin about a stopped schedule; will retry",
                metadata: ["user": "\(notice.userID)", "attempt": "\(attempts)", "next_attempt": "\(next)", "error": "\(error)"])
            await store.updateNotice(.noticeRetry(id: notice.id, attempts: attempts, nextAttemptAt: next, lastError: "\(error)"))
        }
    }

    private func send(_ notice: PendingNotice) async throws {
        guard let user = DiscordModels.Snowflake(notice.userID) else {
            throw DiscordHTTPError(kind: .invalidRequest("the admin's user id \"\(notice.userID.prefix(40))\" is not a Discord id"), route: "POST /users/@me/channels")
        }
        let content = String(notice.content.prefix(2000))
        // DM priority: a stop's notice is not queued behind thousands of scheduled exports.
        let channel = try await discord.createDM(recipientID: user, priority: .directMessage)
        do {
            _ = try await discord.createMessage(
                channelID: channel.id, payload: MessagePayload(content: content, allowedMentions: AllowedMentions.none),
                priority: .directMessage)
        } catch let error as DiscordHTTPError where error.isOutcomeUnknown {
            // Discord may have stored it: look before sending it again.
            let recent = try await discord.getChannelMessages(channelID: channel.id, limit: 10, priority: .directMessage)
            guard recent.contains(where: { $0.content == content }) else { throw error }
            logger.info("a DM whose answer was lost had been delivered", metadata: ["user": "\(notice.userID)"])
        }
    }

    /// Failures retrying cannot fix: the user does not take DMs from the bot, is unknown, or the
    /// request itself is wrong.
    static func isPermanent(_ error: DiscordHTTPError) -> Bool {
        if case .invalidRequest = error.kind { return true }
        if error.code == .cannotSendMessagesToThisUser || error.code == .unknownUser { return true }
        guard let status = error.status else { return false }
        return (400..<500).contains(status) && status != 429
    }
}
