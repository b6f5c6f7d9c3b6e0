import DiscordModels

/// The command name and custom ids of the player data UI. They are a contract: tests, operators
/// and buttons on messages already posted rely on them, so they never change.
package enum CustomID {
    package static let menuCommand = "menu"

    package static let export = "playerdata_export"
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
        package static let intervalMinutes = "interval_minutes"
        static let exportType = "export_type"
        package static let restartPolicy = "restart_policy"
        package static let dailyAt = "daily_at"
        static let importFile = "import_file"
        package static let hours = "hours"
        static let keepLast = "keep_last"
    }
}

extension CustomID {
    /// A button of the player data UI: a label, an emoji and the custom id it sends.
    static func button(_ label: String, _ customID: String, _ style: ButtonStyle, _ emoji: String) -> Component {
        .button(Button(style: style, label: label, emoji: PartialEmoji(name: emoji), customID: customID))
    }
}
