import ArgumentParser
import CastBot
import CastBotCluster
import CastBotSandbox
import CommandLineSupport
import Foundation
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the bot: the interactions endpoint, /healthz, /metrics and scheduled exports.",
        discussion: """
            Settings come from the environment (DISCORD_TOKEN, DISCORD_APPLICATION_ID, DISCORD_PUBLIC_KEY, \
            DISCORD_API_BASE_URL, CASTBOT_DATA_DIR, CASTBOT_HTTP_HOST, CASTBOT_HTTP_PORT, CASTBOT_OWNER_IDS, \
            CASTBOT_LOG_LEVEL, CASTBOT_EXPORT_RECIPIENTS, CASTBOT_DATABASE_URL, CASTBOT_SANDBOX_PORT, …; docs/OPERATIONS.md lists them all) and optionally a KEY=VALUE file named by CASTBOT_CONFIG_FILE; the environment wins. \
            Without DISCORD_TOKEN the bot runs in sandbox mode: a local stand-in for Discord listens on \
            127.0.0.1:CASTBOT_SANDBOX_PORT (default 8090), and `castbot sandbox` drives it. \
            Before it touches the data folder it checks that every listener can bind its address. \
            Exit status 78: the configuration is wrong (every problem is named); 1: it could not start or failed. \
            SIGTERM or SIGINT stops it gracefully.
            """
    )

    func run() async throws {
        let configuration: CastBotConfiguration
        do {
            configuration = try CastBotConfiguration.load(environment: ProcessInfo.processInfo.environment)
        } catch {
            throw Self.configurationFailure(error.problems)
        }
        // Before the data folder is taken, created or seeded: a port that cannot be bound changes nothing there.
        let listenProblems = ListenCheck.problems(ListenCheck.listeners(of: configuration))
        guard listenProblems.isEmpty else { throw CommandOutput.failure(listenProblems.joined(separator: "\n")) }
        let registry = ProcessBootstrap.bootstrap(logLevel: configuration.logLevel)
        if configuration.isSandbox {
            try await SandboxMode.serve(configuration: configuration, registry: registry, port: configuration.sandboxPort)
        } else if let url = configuration.databaseURL {
            try await Self.withCluster(databaseURL: url) { cluster in
                try await ServeRuntime(configuration: configuration, registry: registry, cluster: cluster).run()
            }
        } else {
            try await ServeRuntime(configuration: configuration, registry: registry).run()
        }
    }

    /// Cluster mode (DESIGN §11): the state and the player data in PostgreSQL, shared with the
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

    /// Every problem on the one error line, exit 78 (EX_CONFIG): retrying will not help.
    private static func configurationFailure(_ problems: [String]) -> ExitCode {
        CommandOutput.failure(
            "invalid configuration:\n" + problems.joined(separator: "\n"), exitCode: CommandOutput.configurationExitCode)
    }
}
