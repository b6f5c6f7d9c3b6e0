import DiscordModels
import Foundation
import Scheduling

/// `health_monitor_schedule` and its modal. The report covers every server the bot holds data
/// for, so only owners may schedule it, from a server channel the bot can post in.
struct HealthHandlers: Sendable {
    let authorizer: PlayerDataAuthorizer
    let health: any HealthMonitorControlling

    func openModal(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            _ = try authorizer.requireServerManagerInGuild(interaction)
            try authorizer.requireOwner(interaction, for: "The **Health Monitor** (it reports on every server)")
            let last = await health.lastSettings()
            return UIReply.modal(HealthModal.payload(lastHours: last?.hours, statusText: await health.statusText()))
        }
    }

    func submit(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            try authorizer.requireOwner(interaction, for: "The **Health Monitor** (it reports on every server)")
            let hours = try HealthHoursParser.hours(from: interaction.data?.submittedValue(CustomID.Field.hours) ?? "")
            if hours > 0 {
                try authorizer.requireBotPermissions(
                    PlayerDataAuthorizer.healthChannelPermissions, in: interaction, toPost: "health reports")
            }
            // The modal asks only for hours; the restart policy set before (or the seed's clear) is kept.
            let policy = await health.lastSettings()?.restartPolicy ?? .clear
            do {
                let confirmation = try await health.apply(
                    hours: hours, channelID: place.channelID, setByUserID: place.userID, guildID: place.guildID, restartPolicy: policy)
                return UIReply.notice(confirmation)
            } catch {
                throw Refusal("❌ The health monitor was not changed: \(error)")
            }
        }
    }
}

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

/// Reads "Report every N hours": a decimal number from 0.016 to 168 (fractions allowed, a comma
/// works as the decimal mark); 0 stops the report.
enum HealthHoursParser {
    static let allowedForms = "a number of hours from 0.016 (about 1 minute) to 168 (1 week), such as 6 or 0.5; 0 stops the report"

    static func hours(from text: String) throws(Refusal) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        let allowedCharacters = trimmed.utf8.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".") }
        guard !trimmed.isEmpty, trimmed.count <= 12, allowedCharacters, let hours = Double(trimmed), hours.isFinite else {
            throw refusal(text, "it is not a number")
        }
        guard hours == 0 || ScheduleInterval.allowedHours.contains(hours) else {
            throw refusal(text, "it is outside 0.016–168")
        }
        return hours
    }

    private static func refusal(_ text: String, _ reason: String) -> Refusal {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return Refusal("❌ **Report every N hours**: \"\(shown)\" can't be used because \(reason). Use \(allowedForms).")
    }
}

/// What the health monitor modal needs from the health monitor (`HealthMonitorService` in the
/// app, a recording fake in tests).
protocol HealthMonitorControlling: Sendable {
    /// Starts, replaces or (hours 0) stops the health report. Returns the confirmation to show;
    /// a thrown error's description is shown to the user.
    func apply(hours: Double, channelID: String, setByUserID: String, guildID: String?, restartPolicy: RestartPolicy) async throws -> String
    /// A few lines of Markdown on the report's schedule.
    func statusText() async -> String
    /// The settings last applied, for the modal.
    func lastSettings() async -> HealthMonitorSettings?
}

extension HealthMonitorService: HealthMonitorControlling {}
