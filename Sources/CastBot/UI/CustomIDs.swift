/// The command name and custom ids of the player data UI. They are a contract: tests, operators
/// and buttons on messages already posted rely on them, so they never change.
public enum CustomID {
    public static let menuCommand = "menu"

    public static let export = "playerdata_export"
    public static let exportAll = "playerdata_export_all"
    public static let exportSchedule = "playerdata_export_schedule"
    public static let exportScheduleModal = "playerdata_export_schedule_modal"
    public static let exportStatus = "playerdata_export_status"

    public static let importButton = "playerdata_import"
    public static let importModal = "playerdata_import_modal"
    /// Followed by the pending import's token.
    public static let importConfirmPrefix = "playerdata_import_confirm:"
    public static let importCancelPrefix = "playerdata_import_cancel:"

    public static let healthSchedule = "health_monitor_schedule"
    public static let healthScheduleModal = "health_monitor_schedule_modal"

    /// Inputs inside the modals.
    public enum Field {
        public static let intervalMinutes = "interval_minutes"
        public static let exportType = "export_type"
        public static let restartPolicy = "restart_policy"
        public static let dailyAt = "daily_at"
        public static let importFile = "import_file"
        public static let hours = "hours"
    }
}
