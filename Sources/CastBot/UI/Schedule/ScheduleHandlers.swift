import DiscordModels
import Foundation
import PlayerData
import Scheduling

/// The schedule button and modal, and the live status ("View Live").
struct ScheduleHandlers: Sendable {
    let authorizer: PlayerDataAuthorizer
    let schedules: any ExportScheduleControlling
    let data: PlayerDataReader
    let now: @Sendable () -> Date

    /// `playerdata_export_schedule` (menu or "Adjust Schedule"): opens the modal, pre-filled.
    func openModal(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            let isOwner = authorizer.isOwner(interaction)
            var last = await schedules.lastSettings(for: .server, guildID: place.guildID)
            if last == nil, isOwner {
                last = await schedules.lastSettings(for: .all, guildID: place.guildID)
            }
            let status = await statusText(guildID: place.guildID, isOwner: isOwner)
            return UIReply.modal(ScheduleModal.payload(last: last, offerAll: isOwner, statusText: status))
        }
    }

    /// `playerdata_export_schedule_modal`: checks everything, then starts, replaces or stops the schedule.
    func submit(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            let form = try ScheduleForm.parse(interaction.data)
            if form.target == .all {
                try authorizer.requireOwner(interaction, for: "The **all** export type (every server's data)")
            }
            let change = ExportScheduleChange(
                target: form.target, guildID: place.guildID, channelID: place.channelID, setByUserID: place.userID,
                intervalMinutes: form.intervalMinutes, dailyAt: form.dailyAt?.description, restartPolicy: form.restartPolicy)
            guard change.intervalMinutes > 0 else {
                try await apply(change)
                return UIReply.notice(ScheduleConfirmation.stopped(change))
            }
            try authorizer.requireBotPermissions(PlayerDataAuthorizer.exportChannelPermissions, in: interaction)
            let estimate = try await estimate(change)
            try await apply(change)
            return UIReply.notice(ScheduleConfirmation.started(change, estimate: estimate))
        }
    }

    /// `playerdata_export_status` ("View Live"): this server's schedule as it is right now.
    func status(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            let status = await statusText(guildID: place.guildID, isOwner: authorizer.isOwner(interaction))
            let checkedAt = Int(now().timeIntervalSince1970)
            return UIReply.componentsV2([
                .container(
                    Container(components: [
                        .textDisplay(TextDisplay(content: "## 📡 Export Schedule — Live Status\n\(status)\n-# Checked <t:\(checkedAt):R>")),
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
        let server = await schedules.statusText(for: .server, guildID: guildID)
        guard isOwner else { return server }
        let all = await schedules.statusText(for: .all, guildID: guildID)
        return "**This server**: \(server)\n**All servers**: \(all)"
    }

    private func apply(_ change: ExportScheduleChange) async throws {
        do {
            try await schedules.apply(change)
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            throw Refusal("❌ The schedule was not changed: \(error)")
        }
    }

    /// Builds the export once to tell its size and contents; refuses when there is nothing to export.
    private func estimate(_ change: ExportScheduleChange) async throws -> ScheduleConfirmation.Estimate {
        let file = try await data.file()
        switch change.target {
        case .server:
            let artifact = try data.serverExport(of: file, guildID: change.guildID, date: now(), kind: .scheduled)
            let name = file.serverName(of: change.guildID) ?? "Unknown"
            return .init(typeDescription: "This server only (\(name), \(artifact.playerCount) players)", bytes: artifact.bytes.count)
        case .all:
            return .init(typeDescription: "All servers (\(file.guildCount) guilds)", bytes: file.byteCount)
        }
    }
}
