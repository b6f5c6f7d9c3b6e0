import ArgumentParser
import CastBot
import CastBotCluster
import CastBotSandbox
import Foundation
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the bot: the interactions endpoint, /healthz, /metrics and scheduled exports.",
        discussion: """
            Settings come from the environment (DISCORD_TOKEN, DISCORD_APPLICATION_ID, DISCORD_PUBLIC_KEY, \
            DISCORD_API_BASE_URL, CASTBOT_DATA_DIR, CASTBOT_HTTP_HOST, CASTBOT_HTTP_PORT, CASTBOT_OWNER_IDS, \
            CASTBOT_LOG_LEVEL, CASTBOT_EXPORT_RECIPIENTS, CASTBOT_DATABASE_URL) and optionally a KEY=VALUE file named by CASTBOT_CONFIG_FILE; the environment wins. \
            Without DISCORD_TOKEN the bot runs in sandbox mode: a local stand-in for Discord listens on \
            127.0.0.1:CASTBOT_SANDBOX_PORT (default 8090), and `castbot sandbox` drives it. \
            SIGTERM or SIGINT stops it gracefully.
            """
    )

    /// sysexits' EX_CONFIG: the configuration is wrong, retrying will not help.
    static let configurationErrorExitCode: Int32 = 78

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration: CastBotConfiguration
        let sandboxPort: Int
        do {
            configuration = try CastBotConfiguration.load(environment: environment)
            sandboxPort = try SandboxMode.port(environment: environment)
        } catch let error as ConfigurationError {
            throw Self.configurationFailure(error.problems)
        } catch {
            throw Self.configurationFailure(["\(error)"])
        }
        let registry = ProcessBootstrap.bootstrap(logLevel: configuration.logLevel)
        if configuration.isSandbox {
            try await SandboxMode.serve(configuration: configuration, registry: registry, port: sandboxPort)
        } else if let url = configuration.databaseURL {
            try await Self.withCluster(databaseURL: url) { cluster in
                try await ServeRuntime(configuration: configuration, registry: registry, deployment: ClusterDeployment(cluster: cluster)).run()
            }
        } else {
            try await ServeRuntime(configuration: configuration, registry: registry).run()
        }
    }

    /// Cluster mode (docs/OPERATIONS.md, "Cluster mode"): the state and the player data in PostgreSQL, shared with the
    /// other replicas. The schema is brought up to date first (one replica at a time).
    private static func withCluster(databaseURL: String, serve: (PostgresCluster) async throws -> Void) async throws {
        let logger = Logger(label: "castbot")
        let database: PostgresDatabase
        do {
            database = try PostgresDatabase(url: databaseURL, logger: logger)
        } catch {
            throw configurationFailure(["\(error)"])
        }
        do {
            try await database.migrate()
        } catch {
            await database.shutdown()
            throw ServeError("could not prepare the cluster's database: \(ClusterError.describe(error))")
        }
        let cluster = PostgresCluster(database: database, replica: PostgresCluster.replicaName())
        do {
            try await serve(cluster)
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }

    private static func configurationFailure(_ problems: [String]) -> ExitCode {
        let lines = ["castbot: invalid configuration"] + problems.map { "  - \($0)" }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        return ExitCode(configurationErrorExitCode)
    }
}
