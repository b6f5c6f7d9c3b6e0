import DiscordModels
import Scheduling

/// `playerdata_export_schedule_modal`: interval, export type, restart policy, daily time and the
/// current status, pre-filled with the server's last settings.
enum ScheduleModal {
    static let title = "Schedule playerData Export"
    static let defaultIntervalMinutes = 1_440

    static func payload(last: ExportScheduleRequest?, offerAll: Bool, statusText: String) -> ModalPayload {
        let target: ScheduleForm.ExportType = offerAll && last?.scope == .all ? .all : .server
        let policy = last?.restartPolicy ?? .clear
        return ModalPayload(
            customID: CustomID.exportScheduleModal,
            title: title,
            components: [
                .label(
                    Label(
                        label: "Export every X minutes (0=disable)",
                        description: "1–10080 minutes, or 90m, 6h, 1d, 1w. 0 stops the schedule.",
                        component: .textInput(
                            TextInput(
                                customID: CustomID.Field.intervalMinutes, style: .short, minLength: 1, maxLength: 10,
                                required: true, value: String(last?.intervalMinutes ?? defaultIntervalMinutes),
                                placeholder: "e.g. 1440, 90m, 6h, 1d or 1w (0 = disable)")))),
                .label(
                    Label(
                        label: "Export type",
                        component: .stringSelect(
                            StringSelect(
                                customID: CustomID.Field.exportType, options: exportTypeOptions(selected: target, offerAll: offerAll),
                                minValues: 1, maxValues: 1, required: true)))),
                .label(
                    Label(
                        label: "After a bot restart",
                        component: .stringSelect(
                            StringSelect(
                                customID: CustomID.Field.restartPolicy, options: policyOptions(selected: policy),
                                minValues: 1, maxValues: 1, required: true)))),
                .label(
                    Label(
                        label: "Daily at (HH:MM UTC, optional)",
                        description: "Anchors the runs to this time of day; leave empty to run from now on.",
                        component: .textInput(
                            TextInput(
                                customID: CustomID.Field.dailyAt, style: .short, maxLength: 5, required: false,
                                value: last?.dailyAt, placeholder: "e.g. 03:00")))),
                .textDisplay(TextDisplay(content: "**Current status**\n\(statusText)")),
            ]
        )
    }

    private static func exportTypeOptions(selected: ScheduleForm.ExportType, offerAll: Bool) -> [SelectOption] {
        var options = [
            SelectOption(
                label: "Server", value: ScheduleForm.ExportType.server.rawValue, description: "This server's data only",
                default: selected == .server)
        ]
        if offerAll {
            options.append(
                SelectOption(
                    label: "All servers", value: ScheduleForm.ExportType.all.rawValue, description: "The whole playerData.json (owners only)",
                    default: selected == .all))
        }
        return options
    }

    private static func policyOptions(selected: RestartPolicy) -> [SelectOption] {
        [
            SelectOption(
                label: "Clear", value: RestartPolicy.clear.rawValue,
                description: "A restart stops the schedule; reschedule on purpose", default: selected == .clear),
            SelectOption(
                label: "Resume", value: RestartPolicy.resume.rawValue,
                description: "The schedule comes back after a restart", default: selected == .resume),
        ]
    }
}
