import Foundation
import PlayerData

/// `playerdata_export` and `playerdata_export_all`: export now and attach the file. A reply with
/// files always goes out deferred (type 5, ephemeral) and arrives as a follow-up; refusals are
/// answered at once.
struct ManualExportHandler: Sendable {
    let authorizer: PlayerDataAuthorizer
    let data: PlayerDataReader
    let packaging: any ExportPackaging
    let now: @Sendable () -> Date

    func export(_ routed: RoutedInteraction, target: ExportTarget) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let file: PlayerDataFile
            let artifact: ExportArtifact
            let date = now()
            switch target {
            case .server:
                let place = try authorizer.requireServerManagerInGuild(interaction)
                file = try await data.file()
                artifact = try data.serverExport(of: file, guildID: place.guildID, date: date, kind: .manual)
            case .all:
                try authorizer.requireOwner(interaction, for: "**Export All**")
                file = try await data.file()
                artifact = ExportBuilder.allExport(of: file, date: date, kind: .manual)
            }
            let packaged = try await packaging.package(artifact)
            let guildName = artifact.guildID.flatMap { file.serverName(of: $0) }
            return UIReply.notice(ManualExportMessage.text(artifact, guildName: guildName, packaged: packaged, date: date))
                .attaching(packaged.files)
        }
    }
}
