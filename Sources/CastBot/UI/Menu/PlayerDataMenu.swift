import DiscordModels

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
