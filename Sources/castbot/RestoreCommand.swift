import ArgumentParser
import CastBot
import CastBotSandbox
import CommandLineSupport
import DiscordModels
import ExportFormat
import Foundation
import Logging
import PlayerData

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore player data from the exports this bot posted in a Discord channel.",
        discussion: """
            Finds the newest export the bot posted in the channel (or the one named by --message, or the \
            newest before --before), downloads its file(s), joins parts, un-gzips, checks the SHA-256 the \
            message states and prints what would change. Without --yes it is a restore drill: it exits 0 \
            only when the export would restore cleanly, and writes nothing. With --yes it applies the \
            export through the import path: what is replaced is backed up first, the data-loss guard \
            applies (--allow-shrink overrides it) and the write is durable. A server export restores its \
            guild; an all-servers export restores the whole file byte for byte, or with --guild just that \
            guild. Encrypted exports need --key with the secret key file. Needs DISCORD_TOKEN \
            (DISCORD_APPLICATION_ID and DISCORD_API_BASE_URL optional); the bot needs View Channel and Read \
            Message History in the channel. A missing data folder is created. \
            With --sandbox it restores from the sandbox a running `castbot serve` started (DISCORD_TOKEN unset): \
            its API on 127.0.0.1:CASTBOT_SANDBOX_PORT, its bot, and by default its demo #exports channel.
            """
    )

    @Option(help: "The channel the exports were posted to (with --sandbox: default the demo #exports channel).")
    var channel: String?

    @Flag(help: "Restore from the running sandbox (`castbot serve` without DISCORD_TOKEN) instead of Discord.")
    var sandbox = false

    @Option(help: "The export's message (the one with the SHA-256 and part 1); default: the newest export.")
    var message: String?

    @Option(help: "Take the newest export posted before this time (ISO 8601, e.g. 2025-10-15T14:30:00Z).")
    var before: String?

    @Option(help: "Restore only this guild: from its server export, or from an all-servers export.")
    var guild: String?

    @Option(help: "The data file (playerData.json) or the folder holding it; default: CASTBOT_DATA_DIR or ./data.")
    var data: String?

    @Option(help: "A secret key file (castbot keygen) for encrypted exports; repeat for several.")
    var key: [String] = []

    @Option(help: "How many messages to read back at most while looking for an export.")
    var searchLimit = 10_000

    @Flag(help: "Apply the restore (without it nothing is written: a drill).")
    var yes = false

    @Flag(help: "Restore even if the result is drastically smaller than the current data (the data-loss guard).")
    var allowShrink = false

    func validate() throws {
        if channel == nil, !sandbox { throw ValidationError("--channel is required: the channel the exports were posted to") }
        if let channel, Snowflake(typed: channel) == nil { throw ValidationError("--channel must be a Discord channel id (17–20 digits)") }
        if let message, Snowflake(typed: message) == nil {
            throw ValidationError("--message must be a Discord message id (17–20 digits)")
        }
        if let guild, Snowflake(typed: guild) == nil { throw ValidationError("--guild must be a Discord server id (17–20 digits)") }
        if let before, Self.date(before) == nil {
            throw ValidationError("--before must be an ISO 8601 time such as 2025-10-15T14:30:00Z (got '\(before.prefix(40))')")
        }
        if message != nil, before != nil { throw ValidationError("--message and --before do not go together: a message names one export") }
        guard (1...1_000_000).contains(searchLimit) else { throw ValidationError("--search-limit must be 1–1000000") }
    }

    func run() async throws {
        try await CommandOutput.runReportingFailure {
            var environment = ProcessInfo.processInfo.environment
            if sandbox {
                let port = try CastBotConfiguration.load(environment: environment).sandboxPort
                // Say so at once when no sandbox runs there, rather than as a failed Discord request.
                _ = try await SandboxControlClient.withCommandLineClient(controlURL: "http://\(SandboxMode.host):\(port)/sandbox") {
                    try await $0.get("/info")
                }
                environment.merge(SandboxMode.clientEnvironment(port: port)) { _, sandbox in sandbox }
            }
            let access = try CommandLineDiscordAccess(environment: environment, purpose: "a restore", needsApplicationID: false)
            // The failure is the command's one error line; the client's own log of it would repeat it.
            var logger = Logger(label: "castbot.restore")
            logger.logLevel = .critical
            let dataPath = data ?? ConfigurationSource(environment: environment).value(.dataDirectory) ?? CastBotConfiguration.defaultDataDirectory
            let location = DurableFile.dataLocation(dataPath)
            let store = PlayerDataStore(directory: location.directory, fileName: location.fileName)
            SecretKeyFile.warnIfExposed(key)
            let keys = try ExportFileDecoder.keys(fromFiles: key)
            let discord = access.client(logger: logger)
            // Only messages this application posted are exports; its id comes from Discord with the
            // token when it is not configured, never from a message's display name.
            let applicationID = try await access.applicationIDOrAsk(discord)
            let restore = ChannelRestore(discord: discord, store: store, applicationID: applicationID, keys: keys)
            guard let channelID = Snowflake(typed: channel ?? SandboxDriver.demoChannelID) else { return }
            let preparation = try await restore.prepare(
                channelID: channelID, messageID: message.flatMap(Snowflake.init(typed:)), before: before.flatMap(Self.date),
                guildID: guild, searchLimit: searchLimit)
            print(preparation.summary)
            guard yes else {
                if !preparation.guardObjections.isEmpty && !allowShrink {
                    CommandOutput.printError(
                        "drill failed: the data-loss guard would refuse this restore; nothing was written. "
                            + "Check the plan above; if the shrink is intended, add --allow-shrink.")
                    throw ExitCode(1)
                }
                print("drill passed: this export restores cleanly. Nothing was written; add --yes to apply it.")
                return
            }
            let result = try await restore.apply(preparation, date: Date(), allowShrink: allowShrink)
            print("restored: \(result.save.path) now holds \(ImportCommand.summary(of: result.save))")
            if preparation.restoresFileExactly { print("the data file is byte for byte the export (SHA-256 \(preparation.sha256))") }
            if let backup = result.backupPath { print("replaced data saved to \(backup)") }
            if let previous = result.save.backupPath { print("previous data file kept as \(previous)") }
        }
    }

    static func date(_ text: String) -> Date? {
        (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
            ?? (try? Date(text, strategy: Date.ISO8601FormatStyle()))
    }
}
