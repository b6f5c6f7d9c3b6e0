public import DiscordModels

/// The buttons under an export message (the seed's "View Live" and "Adjust Schedule").
/// Webhooks owned by an application may send interactive components.
public enum ExportMessageButtons {
    public static let viewLiveID = "playerdata_export_status"
    public static let adjustScheduleID = "playerdata_export_schedule"

    public static var row: Component {
        .actionRow(
            ActionRow(components: [
                .button(Button(style: .secondary, label: "View Live", emoji: PartialEmoji(name: "📊"), customID: viewLiveID)),
                .button(Button(style: .primary, label: "Adjust Schedule", emoji: PartialEmoji(name: "⏰"), customID: adjustScheduleID)),
            ]))
    }
}
