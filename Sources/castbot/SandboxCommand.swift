import CommandLineSupport
import ArgumentParser
import CastBot
import CastBotSandbox
import Foundation

struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Drive a bot running in sandbox mode: send it signed interactions and show what it answered.",
        discussion: """
            Start the bot first with `castbot serve` and DISCORD_TOKEN unset. Actions act as the demo admin in \
            the demo #exports channel: menu, schedule --every 2, status, export [--all], click ID, messages.
            """
    )

    enum Action: String, ExpressibleByArgument, CaseIterable {
        case menu, schedule, status, export, click, messages
    }

    @Argument(help: "What to do: \(Action.allCases.map(\.rawValue).joined(separator: ", ")).")
    var action: Action

    @Argument(help: "For click: the button's custom id.")
    var customID: String?

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

    @Option(help: "messages: how many of the newest to show (0: all).")
    var limit: Int = 20

    @Flag(help: "messages: the ephemeral replies only the demo admin saw, instead of the channel's posts.")
    var ephemeral = false

    @Option(help: "The sandbox's control API (default from CASTBOT_SANDBOX_PORT, else http://127.0.0.1:8090/sandbox).")
    var sandboxURL: String?

    @Option(help: "The bot's interactions endpoint (default from CASTBOT_HTTP_HOST/CASTBOT_HTTP_PORT, else http://127.0.0.1:8080/interactions).")
    var botURL: String?

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 (all) or more; got \(limit)") }
        if action == .click, customID == nil { throw ValidationError("click needs the button's custom id, e.g. `castbot sandbox click playerdata_export`") }
    }

    func run() async throws {
        try await CommandOutput.runReportingFailure {
            let environment = ProcessInfo.processInfo.environment
            let port = try SandboxMode.port(environment: environment)
            let host = environment["CASTBOT_HTTP_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
            let botPort = environment["CASTBOT_HTTP_PORT"].flatMap { $0.isEmpty ? nil : $0 } ?? "8080"
            let driver = SandboxDriver(
                control: SandboxControlClient(controlURL: sandboxURL ?? "http://\(SandboxMode.host):\(port)/sandbox"),
                botURL: botURL ?? "http://\(host):\(botPort)/interactions")
            let output: String
            switch action {
            case .menu: output = try await driver.menu()
            case .schedule: output = try await driver.schedule(every: every, type: type, policy: policy, dailyAt: dailyAt)
            case .status: output = try await driver.status()
            case .export: output = try await driver.export(all: all)
            case .click: output = try await driver.click(customID ?? "")
            case .messages: output = try await driver.messages(limit: limit, ephemeral: ephemeral)
            }
            print(output)
        }
    }
}
