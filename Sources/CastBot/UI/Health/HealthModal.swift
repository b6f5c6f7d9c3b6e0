import DiscordModels

/// `health_monitor_schedule_modal`: how often to post the health report, and its current status.
enum HealthModal {
    static let title = "Schedule Health Monitor"

    static func payload(lastHours: Double?, statusText: String) -> ModalPayload {
        ModalPayload(
            customID: CustomID.healthScheduleModal,
            title: title,
            components: [
                .label(
                    Label(
                        label: "Report every N hours (0=disable)",
                        description: "0.016 (about 1 minute) to 168 (1 week); fractions such as 0.5 are fine.",
                        component: .textInput(
                            TextInput(
                                customID: CustomID.Field.hours, style: .short, minLength: 1, maxLength: 12, required: true,
                                value: lastHours.map(hoursText), placeholder: "e.g. 6, 24 or 0.5 (0 = disable)")))),
                .textDisplay(TextDisplay(content: "**Current status**\n\(statusText)")),
            ]
        )
    }

    /// 6 rather than 6.0; 0.5 stays 0.5.
    private static func hoursText(_ hours: Double) -> String {
        hours == hours.rounded() && abs(hours) < 1e9 ? String(Int(hours)) : String(hours)
    }
}
