import DiscordModels
import Foundation

/// Retention settings ("Retention…" on View Live): a small modal of its own with one `keep_last`
/// input, because the schedule modal already holds Discord's maximum of five components.
///
/// Retention belongs to the schedule that posts to the channel the modal is used in (its export
/// messages carry the View Live button), so the bot's permissions in that interaction
/// (`app_permissions`) are the ones retention needs: Manage Messages and Read Message History.
enum RetentionModal {
    static let title = "Export retention"
    static let requiredPermissions: [Permissions] = [.viewChannel, .readMessageHistory, .manageMessages]

    /// "the newest Current Server export stays", "the newest 5 Current Server exports stay".
    static func newestExports(_ keepLast: Int, kind: String? = nil) -> String {
        let noun = [kind, keepLast == 1 ? "export stays" : "exports stay"].compactMap { $0 }.joined(separator: " ")
        return keepLast == 1 ? "the newest \(noun)" : "the newest \(keepLast) \(noun)"
    }

    static func payload(current: Int?, scopeLabel: String, channelID: String) -> ModalPayload {
        ModalPayload(
            customID: CustomID.exportRetentionModal,
            title: title,
            components: [
                .label(
                    Label(
                        label: "Keep the last N exports (0 = keep all)",
                        description: "1–100. Older \(scopeLabel) exports this bot posted in <#\(channelID)> are deleted.",
                        component: .textInput(
                            TextInput(
                                customID: CustomID.Field.keepLast, style: .short, maxLength: 3, required: false,
                                value: current.map(String.init) ?? "0", placeholder: "e.g. 30 (0 or empty keeps every export)")))),
                .textDisplay(
                    TextDisplay(
                        content: "Only this bot's export messages are deleted, never anyone else's. "
                            + "Needs **Manage Messages** and **Read Message History** in this channel.")),
            ])
    }

    /// `keep_last` as a setting: nil keeps every export. Refuses anything but 0–100 or empty.
    static func parse(_ data: InteractionData?) throws(Refusal) -> Int? {
        let text = (data ?? InteractionData()).submittedValue(CustomID.Field.keepLast)?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if text.isEmpty { return nil }
        guard let value = Int(text), value == 0 || ExportRetention.allowedKeep.contains(value) else {
            let shown = text.count > 20 ? String(text.prefix(20)) + "…" : text
            throw Refusal(
                "❌ **Keep the last N exports**: \"\(shown)\" can't be used. Use a whole number from 1 to 100, "
                    + "or 0 (or leave it empty) to keep every export. Nothing was changed.")
        }
        return value == 0 ? nil : value
    }
}

extension ScheduleHandlers {
    /// `playerdata_export_retention`: opens the retention modal for the schedule posting here.
    func openRetention(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            let settings = try await retentionTarget(place, isOwner: authorizer.isOwner(interaction))
            return UIReply.modal(
                RetentionModal.payload(current: settings.keepLast, scopeLabel: settings.scope.typeLabel, channelID: place.channelID))
        }
    }

    /// `playerdata_export_retention_modal`: checks the number and, for a limit, the bot's
    /// permissions here, then stores it with the schedule's settings (used from the next run).
    func submitRetention(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            let keepLast = try RetentionModal.parse(interaction.data)
            let settings = try await retentionTarget(place, isOwner: authorizer.isOwner(interaction))
            if keepLast != nil {
                try authorizer.requireBotPermissions(
                    RetentionModal.requiredPermissions, in: interaction, toPost: "and delete old exports")
            }
            guard await schedules.setRetention(keepLast: keepLast, for: settings.scope) != nil else {
                throw Refusal("❌ The export schedule's settings are gone; set the schedule again, then retention.")
            }
            guard let keepLast else {
                return UIReply.notice("✅ Retention off: every \(settings.scope.typeLabel) export stays in <#\(place.channelID)>.")
            }
            return UIReply.notice(
                "✅ Retention set: after each delivered export, only \(RetentionModal.newestExports(keepLast, kind: settings.scope.typeLabel)) "
                    + "in <#\(place.channelID)>; older ones this bot posted are deleted.")
        }
    }

    /// The settings of the schedule that posts to the interaction's channel: this server's, or
    /// for owners the all-servers one.
    private func retentionTarget(_ place: GuildPlace, isOwner: Bool) async throws(Refusal) -> ExportScheduleRequest {
        let server = await schedules.lastSettings(for: .guild(place.guildID))
        if let server, server.channelID == place.channelID { return server }
        if isOwner, let all = await schedules.lastSettings(for: .all), all.channelID == place.channelID { return all }
        guard let server else {
            throw Refusal("❌ This server has no export schedule yet. Set one with **Adjust Schedule** first, then retention.")
        }
        throw Refusal(
            "❌ This server's exports go to <#\(server.channelID)>, not here. "
                + "Open **Retention…** there (on View Live or an export message), so I can check my permissions in that channel.")
    }
}
