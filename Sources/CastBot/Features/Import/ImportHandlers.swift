import DiscordModels
import DiscordREST
import ExportEncryption
import ExportFormat
import Foundation
import Logging
import PlayerData
import Scheduling

/// The import flow: `playerdata_import` opens the upload modal; its submission downloads the
/// file (allowed hosts only, size-capped), validates it and shows the plan; Confirm backs up and
/// applies it, Cancel drops it. Server admins import their own server's data; owners may import
/// other servers' exports and whole files.
struct ImportHandlers: Sendable {
    let authorizer: PlayerDataAuthorizer
    let store: PlayerDataStore
    let downloader: any DiscordClient
    let pending: PendingImports
    let limits: ImportLimits
    let now: @Sendable () -> Date

    func openModal(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            _ = try authorizer.requireServerManagerInGuild(interaction)
            return UIReply.modal(ImportModal.payload(isOwner: authorizer.isOwner(interaction), maxFileBytes: limits.maxFileBytes))
        }
    }

    func submit(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            let isOwner = authorizer.isOwner(interaction)
            guard let attachment = interaction.data?.uploadedAttachments(CustomID.Field.importFile).first else {
                throw Refusal("❌ No file arrived with the form. Open Import again and attach a .json export.")
            }
            let bytes = try await download(attachment)
            let plan = try await plan(bytes, place: place, isOwner: isOwner)
            let token = await pending.add(plan, userID: place.userID, guildID: place.guildID, filename: attachment.filename)
            let expiresAt = now().addingTimeInterval(DurationText.timeInterval(limits.planLifetime))
            return UIReply.componentsV2(
                ImportPlanView.plan(
                    plan, source: [ImportPlanView.fileLine(attachment.filename, bytes: bytes.count)], token: token, expiresAt: expiresAt))
        }
    }

    func confirm(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            let entry = try await claim(interaction.parameter, place: place)
            do throws(PlayerDataError) {
                let result = try await store.apply(entry.plan, date: now())
                routed.logger.notice(
                    "import applied",
                    metadata: [
                        "guild": "\(entry.plan.guildID ?? "all")", "user": "\(place.userID)",
                        "backup": "\(result.backupPath ?? "-")",
                    ])
                return UIReply.componentsV2(ImportPlanView.applied(result), update: true)
            } catch .dataFileChanged {
                throw Refusal("❌ The data file changed after this plan was made, so nothing was imported. Upload the file again to see a fresh plan.")
            } catch .saveRejected(let rejection) {
                throw Refusal("❌ Nothing was imported: the data-loss guard refused the result (\(rejection.reasons.joined(separator: "; "))).")
            } catch {
                throw Refusal("❌ The import failed and nothing was changed: \(error)")
            }
        }
    }

    func cancel(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            _ = try await claim(interaction.parameter, place: place)
            return UIReply.componentsV2(ImportPlanView.closed("✖️ Import cancelled. Nothing was changed."), update: true)
        }
    }

    private func download(_ attachment: Attachment) async throws -> [UInt8] {
        if let size = attachment.size, size > limits.maxFileBytes {
            throw Refusal(
                "❌ `\(attachment.filename)` is \(ByteSizeText.describe(size)); imports are limited to \(ByteSizeText.describe(limits.maxFileBytes)).")
        }
        do {
            return Array(try await downloader.downloadAttachment(attachment, maxBytes: limits.maxFileBytes))
        } catch let error as DiscordHTTPError {
            if case .responseTooLarge = error.kind {
                throw Refusal("❌ `\(attachment.filename)` is larger than the import limit of \(ByteSizeText.describe(limits.maxFileBytes)).")
            }
            throw Refusal("❌ The uploaded file could not be downloaded: \(error). Nothing was changed.")
        }
    }

    private func plan(_ bytes: [UInt8], place: GuildPlace, isOwner: Bool) async throws -> ImportPlan {
        if ExportOpener.isSealed(prefix: bytes) {
            // By design the bot holds public keys only (docs/EXPORT-ENCRYPTION.md), so it can never read this.
            throw Refusal(
                "🔒 This export is encrypted, and the bot cannot decrypt it: it holds only public keys. "
                    + "Import it from the command line with the secret key: `castbot import --data DATA --key KEYFILE --file FILE`. "
                    + "Nothing was changed.")
        }
        do throws(PlayerDataError) {
            return try await store.planImport(bytes, targetGuild: isOwner ? nil : place.guildID)
        } catch .guildMismatch(let exportGuild, _) {
            throw Refusal(
                "🚫 This export belongs to another server (`\(exportGuild)`). You can import only this server's own data; "
                    + "the bot's owners can import other servers' data.")
        } catch {
            throw Refusal("❌ This file can't be imported: \(error). Nothing was changed.")
        }
    }

    private func claim(_ token: String?, place: GuildPlace) async throws -> PendingImports.Entry {
        try await pending.claimOrRefuse(token, userID: place.userID, guildID: place.guildID, what: "import", again: "upload the file again")
    }
}

/// `playerdata_import_modal`: one File Upload (`import_file`) in a Label.
enum ImportModal {
    static let title = "Import playerData"

    static func payload(isOwner: Bool, maxFileBytes: Int) -> ModalPayload {
        let scope =
            isOwner
            ? "A server export goes into its own server; a whole playerData.json replaces the data file."
            : "A server export of this server, or a whole playerData.json from which this server's data is taken."
        return ModalPayload(
            customID: CustomID.importModal,
            title: title,
            components: [
                .textDisplay(
                    TextDisplay(
                        content: "Upload an export (.json). \(scope) You'll see what changes and confirm before anything is written.")),
                .label(
                    Label(
                        label: "Export file",
                        description: "A .json export, up to \(ByteSizeText.describe(maxFileBytes)).",
                        component: .fileUpload(FileUpload(customID: CustomID.Field.importFile, minValues: 1, maxValues: 1, required: true)))),
            ]
        )
    }
}

/// Bounds of the import flow.
package struct ImportLimits: Sendable {
    /// Largest file downloaded; CastBot's production file was 3.65 MB in 2026, so this leaves room.
    package var maxFileBytes: Int
    /// How long a plan waits for Confirm or Cancel.
    package var planLifetime: Duration

    package init(maxFileBytes: Int = 50 * 1_048_576, planLifetime: Duration = .seconds(15 * 60)) {
        self.maxFileBytes = maxFileBytes
        self.planLifetime = planLifetime
    }
}
