import CastBot
import DiscordREST
import DiscordSandbox
import Foundation
import Logging
import PlayerData
import Prometheus

/// Sandbox mode (no `DISCORD_TOKEN`): DiscordSandbox on loopback plays Discord, with a demo
/// server, an `exports` channel where the bot has every permission it needs, and an admin.
package struct SandboxSession: Sendable {
    package let sandbox: DiscordSandbox
    /// `http://127.0.0.1:8090/api/v10`: the bot's REST base URL.
    package let apiBaseURL: URL
    package let world: SandboxDemoWorld

    /// Where `castbot sandbox` reaches the control API.
    package var controlURL: String {
        apiBaseURL.absoluteString.replacingOccurrences(of: "/api/v10", with: "") + "/sandbox"
    }

    package var botToken: String { sandbox.configuration.botToken }
    package var applicationID: String { sandbox.configuration.applicationID }
    package var publicKeyHex: String { sandbox.publicKeyHex }
}

package enum SandboxMode {
    package static let host = "127.0.0.1"

    /// Starts the sandbox on loopback and builds its demo world.
    package static func start(port: Int, logger: Logger) async throws -> SandboxSession {
        var sandboxLogger = logger
        sandboxLogger[metadataKey: "component"] = "sandbox"
        let sandbox = DiscordSandbox(configuration: SandboxConfiguration(host: host, port: port), logger: sandboxLogger)
        let baseURL: URL
        do {
            baseURL = try await sandbox.start(host: host, port: port)
        } catch {
            // The sandbox reports the failure as text: ask the address itself why it cannot be bound.
            let reason = ListenCheck.bindProblem(host: host, port: port) ?? ListenCheck.reason(error)
            throw SandboxModeError(
                "the sandbox could not listen on \(host):\(port): \(reason). Set \(ConfigurationKey.sandboxPort.rawValue) to a free port")
        }
        do {
            let world = try await sandbox.seedDemoWorld()
            try await sandbox.setBotPermissions(.all, inChannel: world.channel.id)
            return SandboxSession(sandbox: sandbox, apiBaseURL: baseURL, world: world)
        } catch {
            await sandbox.stop()
            throw error
        }
    }

    /// Writes the built-in sample as `playerData.json` when the data folder has none; returns
    /// the path written, or nil when a data file was already there.
    package static func seedDataFileIfMissing(directory: String) throws -> String? {
        let store = PlayerDataStore(directory: directory)
        guard !DurableFile.exists(store.dataPath) else { return nil }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try DurableFile.writeAtomically(Array(SampleData.playerDataJSON.utf8), to: store.dataPath)
        return store.dataPath
    }
}

/// Sandbox mode could not start; the description says what to change.
package struct SandboxModeError: Error, Sendable, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}

extension SandboxMode {
    /// What a command-line tool (`castbot restore --sandbox`) sets to talk to the running sandbox
    /// on `port` as its bot: the API base URL, the bot token and the application id.
    package static func clientEnvironment(port: Int) -> [String: String] {
        let sandbox = SandboxConfiguration(host: host, port: port)
        return [
            ConfigurationKey.discordToken.rawValue: sandbox.botToken,
            ConfigurationKey.discordApplicationID.rawValue: sandbox.applicationID,
            ConfigurationKey.discordAPIBaseURL.rawValue: "http://\(host):\(port)/api/v10",
        ]
    }

    /// Points the bot at the sandbox: its API and bot token, its interaction signing key, its
    /// application id; and, when no owners are configured, makes the demo admin the owner so
    /// every button can be tried.
    package static func configure(_ configuration: inout CastBotConfiguration, for session: SandboxSession) {
        configuration.apiBaseURL = session.apiBaseURL.absoluteString
        configuration.discordToken = DiscordToken(session.botToken)
        configuration.publicKey = try? DiscordPublicKey(hex: session.publicKeyHex)
        configuration.applicationID = session.applicationID
        if configuration.ownerIDs.isEmpty {
            configuration.ownerIDs = [session.world.admin.id]
        }
    }
}

extension SandboxMode {
    /// `castbot serve` without `DISCORD_TOKEN`: starts the sandbox, points the bot at it, writes
    /// the sample data file if there is none, prints the guide once the bot listens, and runs the
    /// bot exactly as `serve` does for Discord. Stops the sandbox when the bot stops.
    package static func serve(
        configuration: CastBotConfiguration, registry: PrometheusCollectorRegistry, port: Int,
        logger: Logger = Logger(label: "castbot")
    ) async throws {
        // Before the sample data file is seeded: a second serve on the folder changes nothing there.
        let folderLock = try ServeRuntime.lockDataFolder(configuration)
        defer { folderLock.release() }
        let session = try await start(port: port, logger: logger)
        do {
            var configuration = configuration
            configure(&configuration, for: session)
            let seeded = try seedDataFileIfMissing(directory: configuration.dataDirectory) != nil
            logger.notice(
                "sandbox mode: DISCORD_TOKEN is unset, nothing is sent to Discord",
                metadata: ["sandbox": "\(session.apiBaseURL.absoluteString)"])
            let httpHost = configuration.httpHost
            let dataPath = PlayerDataStore(directory: configuration.dataDirectory).dataPath
            let runtime = ServeRuntime(configuration: configuration, registry: registry, logger: logger) { port in
                let guide = SandboxGuide.text(session: session, httpHost: httpHost, httpPort: port, dataPath: dataPath, seeded: seeded)
                FileHandle.standardOutput.write(Data(guide.utf8))
            }
            try await runtime.run(holding: folderLock)
        } catch {
            await session.sandbox.stop()
            throw error
        }
        await session.sandbox.stop()
    }
}
