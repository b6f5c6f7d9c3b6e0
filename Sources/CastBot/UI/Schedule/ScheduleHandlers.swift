import DiscordModels
import Foundation
import Scheduling

/// The schedule button and modal, and the live status ("View Live").
struct ScheduleHandlers: Sendable {
    let authorizer: PlayerDataAuthorizer
    let schedules: any ExportScheduleControlling
    let now: @Sendable () -> Date

    /// `playerdata_export_schedule` (menu or "Adjust Schedule"): opens the modal, pre-filled.
    func openModal(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            let isOwner = authorizer.isOwner(interaction)
            var last = await schedules.lastSettings(for: .guild(place.guildID))
            if last == nil, isOwner {
                last = await schedules.lastSettings(for: .all)
            }
            let status = await statusText(guildID: place.guildID, isOwner: isOwner)
            return UIReply.modal(ScheduleModal.payload(last: last, offerAll: isOwner, statusText: status))
        }
    }

    /// `playerdata_export_schedule_modal`: checks everything, then starts, replaces or stops the
    /// schedule and answers with the scheduler's confirmation.
    func submit(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            let form = try ScheduleForm.parse(interaction.data)
            if form.exportType == .all {
                try authorizer.requireOwner(interaction, for: "The **all** export type (every server's data)")
            }
            if form.intervalMinutes > 0 {
                try authorizer.requireBotPermissions(PlayerDataAuthorizer.exportChannelPermissions, in: interaction)
            }
            let request = ExportScheduleRequest(
                scope: form.scope(guildID: place.guildID), guildID: place.guildID, channelID: place.channelID,
                setByUserID: place.userID, intervalMinutes: form.intervalMinutes, dailyAt: form.dailyAt?.description,
                restartPolicy: form.restartPolicy)
            do {
                return UIReply.notice(try await schedules.apply(request).message)
            } catch {
                throw Refusal("❌ The schedule was not changed: \(error)")
            }
        }
    }

    /// `playerdata_export_status` ("View Live"): this server's schedule as it is right now.
    func status(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            let status = await statusText(guildID: place.guildID, isOwner: authorizer.isOwner(interaction))
            let checkedAt = DiscordTimestamp.markup(now(), .relative)
            return UIReply.componentsV2([
                .container(
                    Container(components: [
                        .textDisplay(TextDisplay(content: "## 📡 Export Schedule — Live Status\n\(status)\n-# Checked \(checkedAt)")),
                        .actionRow(
                            ActionRow(components: [
                                PlayerDataMenu.button("Adjust Schedule", CustomID.exportSchedule, .secondary, "📅"),
                                PlayerDataMenu.button("Refresh", CustomID.exportStatus, .secondary, "🔄"),
                            ])),
                    ]))
            ])
        }
    }

    /// The server's schedule, and for owners also the every-server schedule.
    func statusText(guildID: String, isOwner: Bool) async -> String {
        let server = await schedules.statusText(for: .guild(guildID))
        guard isOwner else { return server }
        let all = await schedules.statusText(for: .all)
        return "**This server**\n\(server)\n**All servers**\n\(all)"
    }
}
