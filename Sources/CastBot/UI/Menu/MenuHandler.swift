/// `/menu`: the Player Data section with this server's schedule status.
struct MenuHandler: Sendable {
    let authorizer: PlayerDataAuthorizer
    let schedules: ScheduleHandlers

    func menu(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            let isOwner = authorizer.isOwner(interaction)
            let status = await schedules.statusText(guildID: place.guildID, isOwner: isOwner)
            return UIReply.componentsV2(PlayerDataMenu.components(statusText: status, isOwner: isOwner))
        }
    }
}
