import ArgumentParser

@main
struct CastBotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "castbot",
        abstract: "CastBot's player data service: owns playerData.json, exports, imports and scheduled backups to Discord.",
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
}
