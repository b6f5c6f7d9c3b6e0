import Scheduling

/// The DM an admin gets when a schedule they set stops on its own.
enum ScheduleStopNotice {
    static func stoppedByRun(_ info: ScheduleInfo, reason: String) -> String {
        [
            "⚠️ **\(title(info)) stopped**",
            "",
            "\(subject(info)) was stopped because it cannot succeed as it is:",
            reason,
            "",
            "Fix this, then set it again with \(howToReschedule(info)).",
        ].joined(separator: "\n")
    }

    static func autoDisabled(_ info: ScheduleInfo, lastError: String, failures: Int) -> String {
        [
            "⚠️ **\(title(info)) turned off**",
            "",
            "\(subject(info)) failed \(failures) times in a row and was turned off.",
            "**Last error**: \(lastError)",
            "",
            "Once the problem is fixed, set it again with \(howToReschedule(info)).",
        ].joined(separator: "\n")
    }

    private static func title(_ info: ScheduleInfo) -> String {
        info.kind == ExportScheduleKind.health ? "Scheduled health report" : "Scheduled PlayerData export"
    }

    private static func subject(_ info: ScheduleInfo) -> String {
        let place = info.guildID.map { " (set in server \($0))" } ?? ""
        if info.kind == ExportScheduleKind.health {
            return "The health report to <#\(info.channelID)>\(place)"
        }
        return "The \(info.typeLabel) export to <#\(info.channelID)>\(place)"
    }

    private static func howToReschedule(_ info: ScheduleInfo) -> String {
        info.kind == ExportScheduleKind.health ? "/menu → Health Monitor" : "/menu → Schedule Export"
    }
}
