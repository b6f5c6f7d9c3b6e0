import DiscordModels

/// The `/menu` message: one Container with the Player Data section, this server's schedule
/// status and the player data buttons. "Export All" is shown to owners only.
enum PlayerDataMenu {
    static func components(statusText: String, isOwner: Bool) -> [Component] {
        var exportRow: [Component] = [CustomID.button("Export Server", CustomID.export, .primary, "📤")]
        if isOwner {
            exportRow.append(CustomID.button("Export All", CustomID.exportAll, .secondary, "🗂️"))
        }
        exportRow.append(CustomID.button("Import", CustomID.importButton, .secondary, "📥"))
        let scheduleRow: [Component] = [
            CustomID.button("Schedule Export", CustomID.exportSchedule, .secondary, "📅"),
            CustomID.button("View Live", CustomID.exportStatus, .secondary, "📡"),
            CustomID.button("Health Monitor", CustomID.healthSchedule, .secondary, "🩺"),
        ]
        return [
            .container(
                Container(
                    components: [
                        .textDisplay(
                            TextDisplay(
                                content: "## 📊 Player Data\nExport, import and schedule backups of this server's player data.")),
                        .separator(Separator(divider: true, spacing: 1)),
                        .textDisplay(TextDisplay(content: "### 📅 Scheduled Export\n\(statusText)")),
                        .actionRow(ActionRow(components: exportRow)),
                        .actionRow(ActionRow(components: scheduleRow)),
                    ],
                    accentColor: 0x3498DB))
        ]
    }
}

/// `/menu`: the Player Data section with this server's schedule status.
struct MenuHandler: Sendable {
    let authorizer: PlayerDataAuthorizer
    let schedules: ScheduleHandlers

    func menu(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            let isOwner = authorizer.isOwner(interaction)
            let status = await schedules.statusText(guildID: place.guildID, isOwner: isOwner)
            return UIReply.componentsV2(PlayerDataMenu.components(statusText: status, isOwner: isOwner))
        }
    }
}

/// The slash commands the bot registers: `/menu`, in servers only, for members with Manage Server.
package enum CastBotCommands {
    package static let menu = ApplicationCommand(
        type: .chatInput,
        name: CustomID.menuCommand,
        description: "CastBot player data: export, import and schedule backups of this server",
        defaultMemberPermissions: .manageGuild,
        integrationTypes: [0],
        contexts: [.guild]
    )

    package static let all: [ApplicationCommand] = [menu]
}
