import CastBot
import DiscordSandbox
import Foundation

/// What `castbot serve` prints in sandbox mode: where things are and how to drive the bot.
enum SandboxGuide {
    /// - Parameters:
    ///   - httpHost, httpPort: where the bot listens; `castbot sandbox` reads the same variables.
    static func text(session: SandboxSession, httpHost: String, httpPort: Int, dataPath: String, seeded: Bool) -> String {
        let world = session.world
        let botURL = "http://\(httpHost):\(httpPort)/interactions"
        var environment: [String] = []
        if let port = session.apiBaseURL.port, port != CastBotConfiguration.defaultSandboxPort {
            environment.append("\(ConfigurationKey.sandboxPort.rawValue)=\(port)")
        }
        if httpHost != CastBotConfiguration.defaultHTTPHost {
            environment.append("\(ConfigurationKey.httpHost.rawValue)=\(httpHost)")
        }
        if httpPort != CastBotConfiguration.defaultHTTPPort {
            environment.append("\(ConfigurationKey.httpPort.rawValue)=\(httpPort)")
        }
        let prefix = environment.isEmpty ? "" : environment.joined(separator: " ") + " "
        let commands = ["menu", "schedule --every 2", "status", "export", "retention 3", "messages", "restore-click"].map { action in
            "    \(prefix)swift run castbot sandbox \(action)"
        } + ["    \(prefix)swift run castbot restore --sandbox          # the restore drill against this sandbox"]
        return (
            [
                "",
                "CastBot is running in SANDBOX MODE: DISCORD_TOKEN is unset, so a local stand-in plays Discord and nothing reaches discord.com.",
                "  interactions endpoint  \(botURL)",
                "  sandbox Discord API    \(session.apiBaseURL.absoluteString)",
                "  sandbox control API    \(session.controlURL)",
                "  demo server            \(world.guild.name) (\(world.guild.id))",
                "  demo channel           #\(world.channel.name ?? "exports") (\(world.channel.id)), the bot has every permission there",
                "  demo admin             \(world.admin.username) (\(world.admin.id)), Administrator and bot owner",
                "  data file              \(dataPath)\(seeded ? " (written from the built-in 3-server sample)" : "")",
                "",
                "Drive it from another terminal:",
            ] + commands + [
                "Scheduled exports are posted to #\(world.channel.name ?? "exports"); `castbot sandbox messages` lists them with download URLs.",
                "The sandbox keeps its channels and messages in memory only: a restart of `castbot serve` starts a fresh demo world "
                    + "(the data file and the service's state in the data folder stay).",
                "",
            ]
        ).joined(separator: "\n")
    }
}
