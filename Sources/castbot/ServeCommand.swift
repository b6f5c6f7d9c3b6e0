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
            Settings come from flags, then the environment, then the KEY=VALUE file named by --config-file or \
            CASTBOT_CONFIG_FILE (docs/OPERATIONS.md, Configuration, lists them all). Flags: \
            \(ConfigurationKey.allCases.compactMap(\.flag).map { $0 + " VALUE" }.joined(separator: ", ")); \
            each sets the setting of the same name (--http-port sets CASTBOT_HTTP_PORT). Secrets (DISCORD_TOKEN, \
            CASTBOT_ADMIN_TOKEN, CASTBOT_DATABASE_URL) have no flag. \
            Without DISCORD_TOKEN the bot runs in sandbox mode: a local stand-in for Discord listens on \
            127.0.0.1:CASTBOT_SANDBOX_PORT (default 8090), and `castbot sandbox` drives it. \
            Before it touches the data folder it checks that every listener can bind its address. \
            Exit status 78: the configuration is wrong (every problem is named); 1: it could not start or failed. \
            SIGTERM or SIGINT stops it gracefully.
            """
    )

    @Argument(parsing: .allUnrecognized, help: .hidden)
    var settings: [String] = []

    func run() async throws {
        let configuration: CastBotConfiguration
        do {
            configuration = try CastBotConfiguration.load(environment: ProcessInfo.processInfo.environment, arguments: settings)
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
        do {
            try PostgresDatabase.checkURL(databaseURL)
        } catch {
            throw configurationFailure(["\(error)"])
        }
        try await PostgresDatabase.withOpen(url: databaseURL, logger: logger) { database in
            do {
                try await database.migrate()
            } catch {
                throw ServeError("could not prepare the cluster's database: \(ClusterError.describe(error))")
            }
            try await serve(PostgresCluster(database: database, replica: PostgresCluster.replicaName()))
        }
    }

    /// Every problem on the one error line, exit 78 (EX_CONFIG): retrying will not help.
    private static func configurationFailure(_ problems: [String]) -> ExitCode {
        CommandOutput.failure(
            "invalid configuration:\n" + problems.joined(separator: "\n"), exitCode: CommandOutput.configurationExitCode)
    }
}
