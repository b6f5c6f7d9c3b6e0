import ArgumentParser
import CastBot
import CastBotSandbox
import CommandLineSupport
import Foundation

struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Drive a bot running in sandbox mode: send it signed interactions and show what it answered.",
        discussion: """
            Start the bot first with `castbot serve` and DISCORD_TOKEN unset. Actions act as the demo admin in \
            the demo #exports channel: menu, schedule --every 2, status, export [--all], retention N, \
            restore-click [--message ID], click ID [--message ID], messages. The ports come from the same \
            settings `castbot serve` reads (CASTBOT_SANDBOX_PORT, CASTBOT_HTTP_HOST, CASTBOT_HTTP_PORT, also \
            from CASTBOT_CONFIG_FILE). Exit status 1 when nothing answers or the bot refused the request \
            (its answer is printed first).
            """
    )

    enum Action: String, ExpressibleByArgument, CaseIterable {
        case menu, schedule, status, export, retention
        case restoreClick = "restore-click"
        case click, messages
    }

    @Argument(help: "What to do: \(Action.allCases.map(\.rawValue).joined(separator: ", ")).")
    var action: Action

    @Argument(help: "For click: the button's custom id. For retention: how many exports to keep (0 keeps all).")
    var value: String?

    @Option(help: "schedule: the interval as typed in the modal (minutes, or 90m, 6h, 1d, 1w; 0 stops).")
    var every: String = "1440"

    @Option(help: "schedule: server or all.")
    var type: String = "server"

    @Option(help: "schedule: restart policy, clear or resume.")
    var policy: String = "clear"

    @Option(help: "schedule: daily time HH:MM (UTC).")
    var dailyAt: String?

    @Flag(help: "export: every server instead of this one.")
    var all = false

    @Option(help: "click, restore-click: the message the button is on (restore-click: default the newest export).")
    var message: String?

    @Option(help: "messages: how many of the newest to show (0: all).")
    var limit: Int = 20

    @Flag(help: "messages: the ephemeral replies only the demo admin saw, instead of the channel's posts.")
    var ephemeral = false

    @Option(help: "The sandbox's control API (default http://127.0.0.1:CASTBOT_SANDBOX_PORT/sandbox, port 8090).")
    var sandboxURL: String?

    @Option(help: "The bot's interactions endpoint (default http://CASTBOT_HTTP_HOST:CASTBOT_HTTP_PORT/interactions).")
    var botURL: String?

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 (all) or more; got \(limit)") }
        if action == .click, value == nil { throw ValidationError("click needs the button's custom id, e.g. `castbot sandbox click playerdata_export`") }
        if action == .retention, value == nil {
            throw ValidationError("retention needs how many exports to keep, e.g. `castbot sandbox retention 3` (0 keeps all)")
        }
    }

    func run() async throws {
        let settings: CastBotConfiguration
        do {
            settings = try CastBotConfiguration.load(environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CommandOutput.failure(
                "invalid configuration:\n" + error.problems.joined(separator: "\n"), exitCode: CommandOutput.configurationExitCode)
        }
        try await CommandOutput.runReportingFailure {
            let controlURL = sandboxURL ?? "http://\(SandboxMode.host):\(settings.sandboxPort)/sandbox"
            let botURL = botURL ?? "http://\(settings.httpHost):\(settings.httpPort)/interactions"
            let output: String
            do {
                output = try await SandboxControlClient.withCommandLineClient(controlURL: controlURL) { control in
                    try await perform(SandboxDriver(control: control, botURL: botURL))
                }
            } catch let refusal as SandboxBotRefusal {
                print(refusal.transcript)
                throw refusal
            }
            print(output)
        }
    }

    private func perform(_ driver: SandboxDriver) async throws -> String {
        switch action {
        case .menu: try await driver.menu()
        case .schedule: try await driver.schedule(every: every, type: type, policy: policy, dailyAt: dailyAt)
        case .status: try await driver.status()
        case .export: try await driver.export(all: all)
        case .retention: try await driver.retention(keepLast: value ?? "")
        case .restoreClick: try await driver.restoreClick(messageID: message)
        case .click: try await driver.click(value ?? "", messageID: message)
        case .messages: try await driver.messages(limit: limit, ephemeral: ephemeral)
        }
    }
}
