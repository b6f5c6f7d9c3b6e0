import DiscordModels
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
