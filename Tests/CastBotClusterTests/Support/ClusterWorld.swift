@testable import CastBot
import CastBotCluster
import CastBotTestSupport
import ExportFormat
import LocalServers
import Clocks
import DiscordREST
import DiscordSandbox
import Foundation
import Logging
import PlayerData
import PostgresNIO
import Prometheus
import Scheduling
import ServiceLifecycle

/// The cluster's database type (PostgresNIO has a protocol of the same name).
typealias ClusterDatabase = CastBotCluster.PostgresDatabase

/// A fresh database loaded with the real CastBot data file, a sandbox with one guild and its
/// exports channel, and replicas started over them on one test clock; always torn down.
struct ClusterWorld: Sendable {
    let url: String
    /// The test's own connection, for looking at claims and rows.
    let database: ClusterDatabase
    /// The Discord side and the time line the replicas share.
    let place: ClusterSandbox
    let guildID = Fixtures.exportGuildID
    let logger: Logger
    var replicas: [ClusterTestReplica] = []

    static func freshDatabase() async throws -> ClusterDatabase {
        let database = try ClusterDatabase.opened(url: try PostgresTestServer.start().makeDatabase(), logger: .quiet("cluster-db"))
        try await database.migrate()
        return database
    }

    static func with(replicas count: Int, _ body: (ClusterWorld) async throws -> Void) async throws {
        var logger = Logger.quiet("cluster-replicas")
        logger.logLevel = .warning
        let url = try PostgresTestServer.start().makeDatabase()
        let database = try ClusterDatabase.opened(url: url, logger: logger)
        let seed = try TemporaryDirectory()
        defer { seed.remove() }
        try seed.write(Fixtures.bytes(Fixtures.wholeFile), to: "playerData.json")
        _ = try await ClusterMigration.run(dataFile: "\(seed.path)/playerData.json", into: database, logger: logger)

        var world = ClusterWorld(url: url, database: database, place: try await ClusterSandbox.start(logger: logger), logger: logger)
        var folders: [TemporaryDirectory] = []
        do {
            for index in 0..<count {
                let folder = try TemporaryDirectory()
                folders.append(folder)
                world.replicas.append(try await world.startReplica(named: "replica-\(index)", folder: folder))
            }
            try await body(world)
        } catch {
            await world.tearDown(folders)
            throw error
        }
        await world.tearDown(folders)
    }

    private func tearDown(_ folders: [TemporaryDirectory]) async {
        for replica in replicas { await replica.stop() }
        await sandbox.stop()
        await database.shutdown()
        for folder in folders { folder.remove() }
    }

    var sandbox: DiscordSandbox { place.sandbox }
    var clock: TestClock<Duration> { place.clock }
    var now: @Sendable () -> Date { place.now }
    var channelID: String { place.channelID }
    var adminID: String { place.adminID }

    /// Starts a replica as `castbot serve` assembles it in cluster mode, and waits until it has
    /// restored the saved schedules.
    func startReplica(named name: String, folder: TemporaryDirectory) async throws -> ClusterTestReplica {
        let database = try ClusterDatabase.opened(url: url, logger: logger)
        return try await ClusterTestReplica.start(
            named: name, cluster: PostgresCluster(database: database, replica: name, clock: clock),
            folder: folder, place: place, logger: logger, onStop: { await database.shutdown() })
    }

    /// Sets a one-minute server export schedule on `replica`, as the modal does.
    func setSchedule(on replica: ClusterTestReplica, policy: RestartPolicy = .resume) async throws -> ScheduleKey {
        let scope = ExportScope.guild(guildID)
        _ = try await replica.assembly.scheduled.exports.apply(
            ExportScheduleRequest(
                scope: scope, guildID: guildID, channelID: channelID, setByUserID: adminID, intervalMinutes: 1, restartPolicy: policy))
        return scope.scheduleKey
    }

    /// Fifteen webhooks named like ours, made now: Discord's limit for one channel.
    func fillChannelWithOurWebhooks() async throws {
        for _ in 0..<15 {
            _ = try await sandbox.addWebhook(
                channelID: channelID, name: TemporaryWebhookDelivery.webhookName, applicationID: sandbox.configuration.applicationID)
        }
    }

    func exportMessages() async -> [SandboxMessage] {
        await sandbox.messages(inChannel: channelID).filter { message in
            message.attachments.contains { $0.filename.hasPrefix("playerdata-scheduled-") }
        }
    }

    struct ClaimRow: Sendable, Equatable {
        var slot: Int64
        var replica: String
        var state: String
        var outcome: String?
        var takeovers: Int
    }

    func claims() async throws -> [ClaimRow] {
        let rows = try await database.client.query(
            "SELECT due_at, replica, state, outcome, takeovers FROM run_claims ORDER BY due_at", logger: logger)
        var claims: [ClaimRow] = []
        for try await (slot, replica, state, outcome, takeovers) in rows.decode((Int64, String, String, String?, Int).self) {
            claims.append(ClaimRow(slot: slot, replica: replica, state: state, outcome: outcome, takeovers: takeovers))
        }
        return claims
    }

    func finishedClaims() async throws -> Int {
        try await claims().filter { $0.state == "finished" }.count
    }

    func aliveReplicas() async throws -> [String] {
        let rows = try await database.client.query("SELECT replica FROM replicas ORDER BY replica", logger: logger)
        var names: [String] = []
        for try await name in rows.decode(String.self) { names.append(name) }
        return names
    }

    func historyRows() async throws -> Int {
        let rows = try await database.client.query("SELECT count(*)::BIGINT FROM run_history", logger: logger)
        for try await count in rows.decode(Int64.self) { return Int(count) }
        return 0
    }
}

/// One running replica.
struct ClusterTestReplica: Sendable {
    let name: String
    let assembly: BotAssembly
    /// Its data folder (the test's).
    let folder: TemporaryDirectory
    let group: ServiceGroup
    let running: Task<Void, any Error>
    let registry: PrometheusCollectorRegistry
    let onStop: @Sendable () async -> Void

    /// Starts a replica over `cluster` as `castbot serve` assembles it, and waits until it has
    /// restored the saved schedules.
    static func start(
        named name: String, cluster: any ClusterCoordination, folder: TemporaryDirectory, place: ClusterSandbox, logger: Logger,
        onStop: @escaping @Sendable () async -> Void = {}
    ) async throws -> ClusterTestReplica {
        let configuration = try place.configuration(folder: folder.path)
        let discord = HTTPDiscordClient.bot(configuration: configuration, logger: logger)
        let registry = PrometheusCollectorRegistry()
        let assembly = try await BotAssembly.make(
            configuration: configuration, discord: discord, clock: place.clock, interactionClock: place.clock, now: place.now,
            metrics: CastBotMetrics(factory: ProcessBootstrap.makeMetricsFactory(registry: registry)),
            deployment: ClusterDeployment(cluster: cluster), logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: assembly.scheduledServices, gracefulShutdownSignals: [], logger: logger))
        let running = Task { try await group.run() }
        let replica = ClusterTestReplica(
            name: name, assembly: assembly, folder: folder, group: group, running: running, registry: registry, onStop: onStop)
        // Returns once the saved schedules are restored; a replica that never starts runs into
        // the suite's time limit.
        await assembly.scheduled.waitUntilStarted()
        return replica
    }

    /// A counter's value as `/metrics` shows it (0 when it was never counted).
    func counter(_ name: String) -> Int {
        let text = String(decoding: registry.emitToBuffer(), as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Int(Double(line.split(separator: " ").last ?? "") ?? 0)
        }
        return 0
    }

    var engine: any ScheduleEngine { assembly.scheduled.work.engine }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await running.value
        await onStop()
    }
}

struct ClusterTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The Discord side every cluster test shares: a sandbox with one guild, its exports channel and
/// an admin, on one time line with the replicas (message ids and times line up with runs).
struct ClusterSandbox: Sendable {
    let clock: TestClock<Duration>
    let now: @Sendable () -> Date
    let sandbox: DiscordSandbox
    let apiBaseURL: String
    let channelID: String
    let adminID: String

    static func start(logger: Logger) async throws -> ClusterSandbox {
        let clock = TestClock<Duration>()
        let start = clock.now
        let base = Date()
        // The whole virtual time, fractions included, so dates and the clock's instants agree.
        let now: @Sendable () -> Date = {
            let elapsed = start.duration(to: clock.now).components
            return base.addingTimeInterval(TimeInterval(elapsed.seconds) + TimeInterval(elapsed.attoseconds) / 1e18)
        }
        let sandbox = DiscordSandbox(configuration: SandboxConfiguration(wallClock: now), clock: TestClock<Duration>(), logger: logger)
        let apiBaseURL = try await sandbox.start(host: "127.0.0.1", port: 0)
        let admin = await sandbox.addUser(username: "admin")
        _ = await sandbox.addGuild(id: Fixtures.exportGuildID, name: "Cluster Guild", ownerID: admin.id)
        let channel = try await sandbox.addChannel(
            guildID: Fixtures.exportGuildID, name: "exports",
            botPermissions: [.viewChannel, .sendMessages, .attachFiles, .manageWebhooks, .readMessageHistory])
        try await sandbox.addMember(guildID: Fixtures.exportGuildID, userID: admin.id, permissions: [.administrator])
        return ClusterSandbox(
            clock: clock, now: now, sandbox: sandbox, apiBaseURL: apiBaseURL.absoluteString, channelID: channel.id, adminID: admin.id)
    }

    /// The bot's configuration for a replica with its data folder at `folder`.
    func configuration(folder: String) throws -> CastBotConfiguration {
        var configuration = CastBotConfiguration(
            applicationID: sandbox.configuration.applicationID, publicKey: try DiscordPublicKey(hex: sandbox.publicKeyHex),
            apiBaseURL: apiBaseURL, dataDirectory: folder, httpHost: "127.0.0.1", ownerIDs: [adminID])
        configuration.discordToken = DiscordToken(sandbox.configuration.botToken)
        return configuration
    }
}
