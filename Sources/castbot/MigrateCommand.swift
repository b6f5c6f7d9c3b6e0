import ArgumentParser
import CastBot
import CastBotCluster
import CommandLineSupport
import Foundation
import Logging

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Load a data folder into the cluster's PostgreSQL database (cluster mode).",
        discussion: """
            Loads playerData.json byte for byte (one row per guild, exactly as in the file) and the \
            service's state from the castbot-state.sqlite beside it, if any. The database comes from \
            --database-url or CASTBOT_DATABASE_URL. When the database already holds player data, the \
            data-loss guard applies (--force overrides it); the version it replaces is kept.
            """
    )

    @Option(help: "The data file to load (playerData.json).")
    var fromFile: String

    @Option(help: "postgres://user:password@host:5432/database (default: CASTBOT_DATABASE_URL).")
    var databaseURL: String?

    @Flag(help: "Replace the player data even if the data-loss guard objects.")
    var force = false

    func run() async throws {
        try await CommandOutput.runReportingFailure(context: fromFile) {
            DatabaseURLOption.warnIfGiven(databaseURL)
            guard let url = databaseURL ?? ConfigurationSource(environment: ProcessInfo.processInfo.environment).value(.databaseURL) else {
                throw ValidationError("give --database-url or set CASTBOT_DATABASE_URL")
            }
            var logger = Logger(label: "castbot.migrate")
            logger.logLevel = .warning
            let report = try await PostgresDatabase.withOpen(url: url, logger: logger) { database in
                try await ClusterMigration.run(dataFile: fromFile, into: database, force: force, logger: logger)
            }
            print(
                "loaded \(counted(report.guilds, "guild")), \(counted(report.players, "player")), \(counted(report.bytes, "byte")) as player data version \(report.version)")
            print(report.stateImported ? "service state loaded: \(counted(report.schedules, "schedule"))" : "no castbot-state.sqlite beside the file: no state loaded")
        }
    }
}

/// `--database-url` of `migrate` and `export`.
enum DatabaseURLOption {
    /// A URL on the command line (with its password) is visible to every user of the machine in
    /// `ps` and `/proc/PID/cmdline` while the command runs; the environment is not.
    static func warnIfGiven(_ url: String?) {
        guard url != nil else { return }
        CommandOutput.printError(
            "warning: --database-url shows in `ps` to every user of this machine, password included, while the command runs; "
                + "prefer CASTBOT_DATABASE_URL in the environment")
    }
}
