@testable import CastBot
@testable import CastBotSandbox
import CastBotTestSupport
import AsyncHTTPClient
import Clocks
import DiscordREST
import DiscordSandbox
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Prometheus
import Scheduling
import ServiceLifecycle

/// The service as `castbot serve` wires it (interactions application with `/metrics`, admin
/// listener with `/status`, the scheduled features) over the real REST client and a
/// DiscordSandbox on loopback. The scheduler, the client's backoff and the wall time shown all
/// follow one test clock; only the HTTP exchanges take real time.
///
/// Four export schedules end up in four states once `settle()` has moved time on:
/// - `ok`: guild 1 to the exports channel every hour, delivered;
/// - `disabled`: guild 2 every minute to a channel answering 500, auto-disabled after 5 failures;
/// - `overdue`: guild 3 (its name is markup) every 5 minutes to a channel answering 500;
/// - `failing`: all guilds every hour to a channel answering 500.
struct StatusWorld {
    static let start = Date(timeIntervalSince1970: 1_760_538_600)  // 2025-10-15 14:30 UTC
    static let guildOK = "1200000000000000001"
    static let guildDisabled = "1200000000000000011"
    static let guildOverdue = "1200000000000000021"
    static let channelOK = "1200000000000000002"
    static let channelDisabled = "1200000000000000004"
    static let channelOverdue = "1200000000000000005"
    static let channelFailing = "1200000000000000006"
    static let hostileName = #"<script>alert("x")</script> & Co"#

    let clock: TestClock<Duration>
    let sandbox: DiscordSandbox
    let bot: BotAssembly
    let interactionsPort: Int
    let adminPort: Int

    static func with(adminToken: AdminToken? = nil, _ body: (StatusWorld) async throws -> Void) async throws {
        let clock = TestClock<Duration>()
        let quiet = Logger.quiet("castbot-status-tests")
        let sandbox = DiscordSandbox(clock: clock, logger: quiet)
        let baseURL = try await sandbox.start()
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        do {
            let demo = try await sandbox.seedDemoWorld()
            for channel in [channelDisabled, channelOverdue, channelFailing] {
                try await sandbox.addChannel(id: channel, guildID: demo.guild.id, name: "exports-\(channel.suffix(1))")
            }
            let data = SampleData.playerDataJSON.replacingOccurrences(
                of: "\"Empty Sandbox Server\"", with: "\"" + hostileName.replacingOccurrences(of: "\"", with: "\\\"") + "\"")
            try folder.write(Array(data.utf8), to: "playerData.json")

            let configuration = CastBotConfiguration(
                applicationID: sandbox.configuration.applicationID, publicKey: try DiscordPublicKey(hex: sandbox.publicKeyHex),
                apiBaseURL: baseURL.absoluteString, dataDirectory: folder.path, httpHost: "127.0.0.1", httpPort: 0,
                adminAddress: AdminAddress(host: "127.0.0.1", port: 0), adminToken: adminToken)
            let registry = PrometheusCollectorRegistry()
            let factory = ProcessBootstrap.makeMetricsFactory(registry: registry)
            var settings = HTTPDiscordClientConfiguration()
            settings.baseURL = baseURL.absoluteString
            settings.maxRetries = 1
            let discord = HTTPDiscordClient(
                token: DiscordREST.DiscordToken(sandbox.configuration.botToken), configuration: settings, clock: clock, logger: quiet,
                metricsFactory: factory, random: { 0 })
            let now: @Sendable () -> Date = { start.addingTimeInterval(DurationText.timeInterval(TestClock.Instant().duration(to: clock.now))) }
            let bot = try await BotAssembly.make(
                configuration: configuration, discord: discord, clock: clock, interactionClock: clock, now: now,
                metrics: CastBotMetrics(factory: factory), logger: quiet)

            let ports = AsyncStream<(admin: Bool, port: Int)>.makeStream()
            let dependencies = ApplicationDependencies(
                interactionHandler: bot.router, prometheusRegistry: registry, metrics: CastBotMetrics(factory: factory), logger: quiet,
                clock: clock, now: now, activeSchedules: bot.activeSchedules, isReady: bot.isReady,
                onServerRunning: { port in ports.continuation.yield((false, port)) },
                backupHealth: bot.backupHealth,
                onAdminServerRunning: { port in ports.continuation.yield((true, port)) })
            let application = try buildApplication(configuration: configuration, dependencies: dependencies)
            let admin = buildAdminApplication(
                at: try requireValue(configuration.adminAddress, "no admin address"), backupHealth: bot.backupHealth,
                configuration: configuration, dependencies: dependencies)
            let group = CastBotServices.serviceGroup(
                application: application, alongside: bot.scheduledServices + [admin], gracefulShutdownSignals: [], logger: quiet)
            let serving = Task {
                defer { ports.continuation.finish() }
                try await group.run()
            }
            var bound: [Bool: Int] = [:]
            for await (isAdmin, port) in ports.stream {
                bound[isAdmin] = port
                if bound.count == 2 { break }
            }
            let stopAll = {
                await group.triggerGracefulShutdown()
                // Shutdown deletes pending webhooks; keep virtual time moving for their cleanup.
                let ticking = Task {
                    while !Task.isCancelled {
                        _ = await eventually(timeout: .milliseconds(20)) { Task.isCancelled }
                        await clock.advance(by: .seconds(1))
                    }
                }
                _ = try? await serving.value
                ticking.cancel()
            }
            guard let interactionsPort = bound[false], let adminPort = bound[true] else {
                await stopAll()
                throw HarnessFailure("the listeners did not start")
            }
            _ = await eventually { bot.isReady() }
            let world = StatusWorld(clock: clock, sandbox: sandbox, bot: bot, interactionsPort: interactionsPort, adminPort: adminPort)
            do {
                try await body(world)
            } catch {
                await stopAll()
                throw error
            }
            await stopAll()
            await sandbox.stop()
        } catch {
            await sandbox.stop()
            throw error
        }
    }

    /// Starts the four schedules, with deliveries to three channels failing with 500 from now on.
    func startSchedules() async throws {
        for channel in [Self.channelDisabled, Self.channelOverdue, Self.channelFailing] {
            await sandbox.injectFault(
                try SandboxFault.error("* /channels/\(channel)/webhooks", status: 500, code: 0, message: "500: Internal Server Error", count: nil))
        }
        let requests: [(ExportScope, String, Int)] = [
            (.guild(Self.guildOK), Self.channelOK, 60),
            (.guild(Self.guildDisabled), Self.channelDisabled, 1),
            (.guild(Self.guildOverdue), Self.channelOverdue, 5),
            (.all, Self.channelFailing, 60),
        ]
        for (scope, channel, minutes) in requests {
            _ = try await bot.scheduled.exports.apply(
                ExportScheduleRequest(
                    scope: scope, guildID: Self.guildOK, channelID: channel, setByUserID: "1200000000000000003", intervalMinutes: minutes))
        }
    }

    func status(_ scope: ExportScope) -> ScheduleStatus? {
        bot.scheduled.work.engine.status(scope.scheduleKey)
    }

    /// Moves virtual time on by `duration` in steps, letting runs (and their real HTTP exchanges
    /// with the sandbox, a few milliseconds on loopback) finish between steps. A run waiting on
    /// the clock (a retry's backoff) goes on at the next step, so the wait is short.
    func advance(by duration: Duration, step: Duration = .seconds(15)) async {
        var left = duration
        while left > .zero {
            let move = min(step, left)
            await clock.advance(by: move)
            _ = await eventually(timeout: .milliseconds(500)) {
                bot.scheduled.work.engine.statuses().allSatisfy { !$0.isRunning }
            }
            left -= move
        }
    }

    /// A GET on the admin listener or the interactions listener.
    func get(_ path: String, admin: Bool, headers: [(String, String)] = []) async throws -> (status: Int, headers: HTTPHeaders, body: String) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(admin ? adminPort : interactionsPort)\(path)")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 16 << 20)
        return (Int(response.status.code), response.headers, String(buffer: body))
    }

    var statusURL: String { "http://127.0.0.1:\(adminPort)/status" }

    /// One sample's value in a Prometheus text exposition, e.g. `castbot_backup_schedules_overdue{kind="server"}`.
    static func sample(_ series: String, in metrics: String) -> Double? {
        for line in metrics.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }
}
