import ArgumentParser
import CastBot
import CommandLineSupport

@main
struct CastBotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "castbot",
        abstract: "CastBot's player data service: owns playerData.json, exports, imports and scheduled backups to Discord.",
        discussion: """
            Exit status: 0 success; 1 the command failed; 64 a wrong command line; 78 wrong settings \
            (environment or config file). Every failure is one line on standard error: `castbot: error: …`.
            """,
        version: "castbot \(CastBotVersion.current) (commit \(buildCommit))",
        subcommands: [
            ServeCommand.self,
            ExportCommand.self,
            ImportCommand.self,
            RestoreCommand.self,
            MigrateCommand.self,
            VerifyCommand.self,
            KeygenCommand.self,
            DecryptCommand.self,
            RegisterCommandsCommand.self,
            SandboxCommand.self,
        ]
    )

    static func main() async {
        await CommandOutput.exit(running: Self.self)
    }
}
