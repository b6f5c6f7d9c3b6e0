public import DiscordModels

/// The `/menu` message: one Container with the Player Data section, this server's schedule
/// status and the player data buttons. "Export All" is shown to owners only.
enum PlayerDataMenu {
    static func components(statusText: String, isOwner: Bool) -> [Component] {
        var exportRow: [Component] = [button("Export Server", CustomID.export, .primary, "📤")]
        if isOwner {
            exportRow.append(button("Export All", CustomID.exportAll, .secondary, "🗂️"))
        }
        exportRow.append(button("Import", CustomID.importButton, .secondary, "📥"))
        let scheduleRow: [Component] = [
            button("Schedule Export", CustomID.exportSchedule, .secondary, "📅"),
            button("View Live", CustomID.exportStatus, .secondary, "📡"),
            button("Health Monitor", CustomID.healthSchedule, .secondary, "🩺"),
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

    static func button(_ label: String, _ customID: String, _ style: ButtonStyle, _ emoji: String) -> Component {
        .button(Button(style: style, label: label, emoji: PartialEmoji(name: emoji), customID: customID))
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
public enum CastBotCommands {
    public static let menu = ApplicationCommand(
        type: .chatInput,
        name: CustomID.menuCommand,
        description: "CastBot player data: export, import and schedule backups of this server",
        defaultMemberPermissions: .manageGuild,
        integrationTypes: [0],
        contexts: [.guild]
    )

    public static let all: [ApplicationCommand] = [menu]
}

/// The command name and custom ids of the player data UI. They are a contract: tests, operators
/// and buttons on messages already posted rely on them, so they never change.
public enum CustomID {
    public static let menuCommand = "menu"

    public static let export = "playerdata_export"
    static let exportAll = "playerdata_export_all"
    static let exportSchedule = "playerdata_export_schedule"
    static let exportScheduleModal = "playerdata_export_schedule_modal"
    static let exportStatus = "playerdata_export_status"
    static let exportRetention = "playerdata_export_retention"
    static let exportRetentionModal = "playerdata_export_retention_modal"

    static let importButton = "playerdata_import"
    static let importModal = "playerdata_import_modal"
    /// Followed by the pending import's token.
    static let importConfirmPrefix = "playerdata_import_confirm:"
    static let importCancelPrefix = "playerdata_import_cancel:"

    /// The Restore… button on export messages, and its plan's buttons (followed by the token).
    static let restore = "playerdata_restore"
    static let restoreConfirmPrefix = "playerdata_restore_confirm:"
    static let restoreCancelPrefix = "playerdata_restore_cancel:"

    static let healthSchedule = "health_monitor_schedule"
    static let healthScheduleModal = "health_monitor_schedule_modal"

    /// Inputs inside the modals.
    enum Field {
        public static let intervalMinutes = "interval_minutes"
        static let exportType = "export_type"
        public static let restartPolicy = "restart_policy"
        public static let dailyAt = "daily_at"
        static let importFile = "import_file"
        public static let hours = "hours"
        static let keepLast = "keep_last"
    }
}
