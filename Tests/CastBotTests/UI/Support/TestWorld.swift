import DiscordSandbox
import CastBotTestSupport

/// The people and places of the UI tests: one server (the fixture export's guild) with a
/// channel where the bot has exactly the permissions exports need, one where it lacks some,
/// a DM channel, and members with different rights.
struct TestWorld: Sendable {
    static let guildID = Fixtures.exportGuildID

    let guild: SandboxGuild
    /// The bot holds View Channel, Send Messages, Attach Files and Manage Webhooks here.
    let exports: SandboxChannel
    /// The bot holds only View Channel and Send Messages here.
    let restricted: SandboxChannel
    let directMessage: SandboxChannel
    /// Administrator, not an owner.
    let admin: SandboxUser
    /// Manage Server only.
    let manager: SandboxUser
    /// Administrator and listed in the owner ids.
    let owner: SandboxUser
    /// No management permissions.
    let member: SandboxUser

    static func build(in sandbox: DiscordSandbox) async throws -> TestWorld {
        let guild = await sandbox.addGuild(id: guildID, name: "Test Guild")
        let exports = try await sandbox.addChannel(
            guildID: guild.id, name: "exports",
            botPermissions: [.viewChannel, .sendMessages, .attachFiles, .manageWebhooks, .readMessageHistory])
        let restricted = try await sandbox.addChannel(guildID: guild.id, name: "general", botPermissions: [.viewChannel, .sendMessages])
        let admin = await sandbox.addUser(username: "admin")
        let manager = await sandbox.addUser(username: "manager")
        let owner = await sandbox.addUser(username: "owner")
        let member = await sandbox.addUser(username: "member")
        try await sandbox.addMember(guildID: guild.id, userID: admin.id, permissions: [.administrator])
        try await sandbox.addMember(guildID: guild.id, userID: manager.id, permissions: [.manageGuild])
        try await sandbox.addMember(guildID: guild.id, userID: owner.id, permissions: [.administrator])
        try await sandbox.addMember(guildID: guild.id, userID: member.id, permissions: [.viewChannel, .sendMessages])
        let directMessage = try await sandbox.addChannel(guildID: nil, kind: .dm)
        return TestWorld(
            guild: guild, exports: exports, restricted: restricted, directMessage: directMessage, admin: admin, manager: manager,
            owner: owner, member: member)
    }
}
