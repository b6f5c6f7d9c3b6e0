@testable import CastBotSandbox
@testable import CastBot
import DiscordREST
import Clocks
import DiscordSandbox
import Foundation
import Logging
import PlayerData
import Prometheus
import ServiceLifecycle
import Testing
import CastBotTestSupport

@Suite("Sandbox mode: the demo world, the sample data and `castbot sandbox`", .timeLimit(.minutes(1)))
struct SandboxModeTests {
    @Test("a taken port is named with the setting that moves it, in one readable sentence")
    func takenPorts() async throws {
        let quiet = Logger(label: "castbot-sandbox-tests", factory: { _ in SwiftLogNoOpLogHandler() })
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let session = try await SandboxMode.start(port: 0, logger: quiet)
        let taken = try #require(session.apiBaseURL.port)
        defer { Task { await session.sandbox.stop() } }
        do {
            // The sandbox itself on a port that is in use.
            let refusal = await #expect(throws: SandboxModeError.self) { _ = try await SandboxMode.start(port: taken, logger: quiet) }
            let sandboxText = refusal?.description ?? ""
            #expect(sandboxText.contains("127.0.0.1:\(taken)") && sandboxText.contains("CASTBOT_SANDBOX_PORT"), "\(sandboxText)")
            #expect(!sandboxText.contains("))") && !sandboxText.contains("errno") && !sandboxText.contains("(descriptor:"), "\(sandboxText)")

            // The bot's interactions server on a port that is in use.
            var configuration = CastBotConfiguration(dataDirectory: folder.path, httpHost: "127.0.0.1", httpPort: taken)
            SandboxMode.configure(&configuration, for: session)
            let runtime = ServeRuntime(configuration: configuration, registry: PrometheusCollectorRegistry(), logger: quiet)
            let failure = await #expect(throws: ServeError.self) { try await runtime.run() }
            let serveText = failure?.description ?? ""
            #expect(serveText.contains("could not listen on 127.0.0.1:\(taken)"), "\(serveText)")
            #expect(serveText.contains("CASTBOT_HTTP_PORT") && serveText.contains("CASTBOT_HTTP_HOST"), "\(serveText)")
            #expect(!serveText.contains("))") && !serveText.contains("errno") && !serveText.contains("(descriptor:"), "\(serveText)")
        }
    }

    @Test("a second serve on a data folder in use exits at once, naming the folder and the running process, and changes nothing there")
    func secondServeOnTheSameFolder() async throws {
        let quiet = Logger(label: "castbot-sandbox-tests", factory: { _ in SwiftLogNoOpLogHandler() })
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // The running serve: its lock (another open file description, as another process has).
        let running = try ServeRuntime.lockDataFolder(CastBotConfiguration(dataDirectory: folder.path))
        defer { running.release() }
        try folder.write(Array("{}".utf8), to: "castbot-state.json")
        let before = try Self.contents(of: folder)

        let configuration = CastBotConfiguration(dataDirectory: folder.path, httpHost: "127.0.0.1", httpPort: 0)
        for attempt in ["serve", "sandbox serve"] {
            let refusal = await #expect(throws: PlayerDataError.self, "\(attempt)") {
                if attempt == "serve" {
                    try await ServeRuntime(configuration: configuration, registry: PrometheusCollectorRegistry(), logger: quiet).run()
                } else {
                    try await SandboxMode.serve(configuration: configuration, registry: PrometheusCollectorRegistry(), port: 0, logger: quiet)
                }
            }
            let text = refusal?.description ?? ""
            #expect(text.contains(folder.path) && text.contains("pid \(getpid())"), "\(text)")
            #expect(try Self.contents(of: folder) == before, "\(attempt) changed nothing in the folder")
        }
    }

    /// Every file's name and bytes.
    static func contents(of folder: TemporaryDirectory) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try folder.read(name)
        }
        return files
    }

    @Test("the built-in sample is a valid CastBot data file with three servers, written only when none exists")
    func sampleData() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let directory = folder.path + "/nested/data"
        let written = try #require(try SandboxMode.seedDataFileIfMissing(directory: directory))
        let file = try PlayerDataFile(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: written))))
        #expect(file.guildCount == 3)
        #expect(file.guildIDs.first == SampleData.demoGuildID)
        #expect(file.serverName(of: SampleData.demoGuildID) == "Sandbox Guild")
        #expect(file.layoutMatchesStringify)
        #expect(try SandboxMode.seedDataFileIfMissing(directory: directory) == nil)
    }

    @Test("castbot sandbox menu / schedule / status / messages drive the bot through the control API")
    func driver() async throws {
        var logger = Logger.quiet("castbot-sandbox-tests")
        logger.logLevel = .warning
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let session = try await SandboxMode.start(port: 0, logger: logger)
        do {
            var configuration = CastBotConfiguration(dataDirectory: folder.path)
            SandboxMode.configure(&configuration, for: session)
            #expect(configuration.ownerIDs == [SandboxDriver.demoAdminID])
            #expect(configuration.apiBaseURL == session.apiBaseURL.absoluteString)
            _ = try SandboxMode.seedDataFileIfMissing(directory: folder.path)

            // The serve wiring, with the scheduler on a clock that moves only when the test says.
            let schedulerClock = TestClock()
            let assembly = try await BotAssembly.make(
                configuration: configuration, discord: HTTPDiscordClient.bot(configuration: configuration, logger: logger),
                clock: schedulerClock, interactionClock: TestClock(), logger: logger)
            let bot = try await RunningBot.start(
                configuration: configuration, router: assembly.router, alongside: assembly.scheduledServices, logger: logger)
            let driver = SandboxDriver(control: SandboxControlClient(controlURL: session.controlURL), botURL: bot.interactionsURL, clock: TestClock())

            let menu = try await driver.menu()
            #expect(menu.contains("Player Data"))
            #expect(menu.contains("(playerdata_export)"))
            #expect(menu.contains("(playerdata_export_all)"))

            let scheduled = try await driver.schedule(every: "2")
            #expect(scheduled.contains("**Interval**: Every 2 minutes"))
            #expect(scheduled.contains("<#\(SandboxDriver.demoChannelID)>"))
            #expect(await assembly.scheduled.exports.lastSettings(for: .guild(SampleData.demoGuildID))?.intervalMinutes == 2)

            // A refusal is an error (`castbot sandbox` exits 1), carrying what the bot answered.
            let refused = await #expect(throws: SandboxBotRefusal.self) { try await driver.schedule(every: "abc") }
            #expect(refused?.reason.hasPrefix("❌ The schedule was not changed") == true, "\(String(describing: refused))")
            #expect(refused?.transcript.contains("90m, 6h, 1d, 1w") == true)

            let retention = try await driver.retention(keepLast: "3")
            #expect(retention.contains("only the newest 3 Current Server exports stay in"), "\(retention)")
            #expect(await assembly.scheduled.exports.lastSettings(for: .guild(SampleData.demoGuildID))?.keepLast == 3)
            await #expect(throws: SandboxBotRefusal.self) { try await driver.retention(keepLast: "101") }

            // No export posted yet: restore-click says what to do first.
            let none = await #expect(throws: SandboxDriverError.self) { try await driver.restoreClick() }
            #expect(none?.description.contains("no export with a Restore… button") == true)

            let status = try await driver.status()
            #expect(status.contains("Active"))
            #expect(status.contains("every 2 minutes"))

            // The confirmation went to the admin alone; the channel has no post yet.
            let posts = try await driver.messages()
            #expect(posts.hasPrefix("No channel posts in channel \(SandboxDriver.demoChannelID) yet."), "\(posts)")
            let replies = try await driver.messages(limit: 0, ephemeral: true)
            #expect(replies.contains("PlayerData Export Scheduled"), "\(replies)")
            #expect(!replies.contains("showing the newest"), "\(replies)")
            let newest = try await driver.messages(limit: 1, ephemeral: true)
            #expect(newest.contains("showing the newest 1 (--limit 0 shows all)"), "\(newest)")
            #expect(newest.components(separatedBy: "── ").count == 2, "exactly one reply shown")

            // The first scheduled export lands 5 s after the schedule was set; Restore… on it
            // (the button's interaction carries that message) answers with the plan to confirm.
            await schedulerClock.advance(by: .seconds(6))
            let control = SandboxControlClient(controlURL: session.controlURL)
            let posted = await eventually {
                let posts = (try? await control.get("/messages?channel_id=\(SandboxDriver.demoChannelID)").arrayValue) ?? []
                return posts.contains { SandboxDriver.customIDs(in: $0).contains("playerdata_restore") }
            }
            #expect(posted, "no scheduled export with a Restore… button was posted")
            let plan = try await driver.restoreClick()
            #expect(plan.contains("playerdata_restore_confirm:"), "\(plan)")
            await bot.stop()
        } catch {
            await session.sandbox.stop()
            throw error
        }
        await session.sandbox.stop()
    }
}
