import DiscordSandbox
import Foundation

/// One guild of the scale benchmark: in the data file under `id`, with an exports channel the
/// bot can use and an administrator of its own (so every stopped schedule DMs a different user).
struct ScaleGuild: Sendable, Hashable {
    let index: Int
    let id: String
    let channelID: String
    let adminID: String
}

/// The sandbox world `scale` needs, built through DiscordSandbox's setup API.
enum ScaleWorld {
    /// What the bot must have in an export channel (the schedule modal checks these through
    /// `app_permissions`), plus what Discord grants a bot in a typical channel.
    static let exportChannelPermissions: SandboxPermissions = [
        .viewChannel, .sendMessages, .attachFiles, .manageWebhooks, .embedLinks, .readMessageHistory, .useApplicationCommands,
    ]

    static func build(guildIDs: [String], in sandbox: DiscordSandbox) async throws -> [ScaleGuild] {
        var guilds: [ScaleGuild] = []
        guilds.reserveCapacity(guildIDs.count)
        for (index, id) in guildIDs.enumerated() {
            let admin = await sandbox.addUser(username: "scale-admin-\(index)")
            await sandbox.addGuild(id: id, name: "Scale \(index)", ownerID: admin.id)
            let channel = try await sandbox.addChannel(guildID: id, name: "exports", botPermissions: exportChannelPermissions)
            try await sandbox.addMember(guildID: id, userID: admin.id, permissions: [.administrator])
            guilds.append(ScaleGuild(index: index, id: id, channelID: channel.id, adminID: admin.id))
        }
        return guilds
    }
}

/// One interaction's answer as Discord would see it.
struct InteractionSample: Sendable {
    let latency: Duration
    /// Answered with a deferred response (type 5 or 6) instead of the reply itself.
    let deferred: Bool
    /// Discord would have accepted the answer (HTTP 200 in time with a valid body).
    let accepted: Bool
    /// The reply's text, when it has one (refusals start with ❌).
    let content: String?
}

/// Sends signed interactions to the bot's `/interactions`, as Discord would, and times them.
struct ScaleInteractions: Sendable {
    let sandbox: DiscordSandbox
    let botURL: URL

    /// The schedule modal submitted for a server export, with the fields the bot's modal has:
    /// `restartPolicy` nil leaves that field out (cluster mode's modal has none), `dailyAt` nil
    /// leaves the optional field empty.
    func setSchedule(_ guild: ScaleGuild, interval: String, dailyAt: String?, restartPolicy: String?) async throws -> InteractionSample {
        var fields: [SandboxModalField] = [
            .textInput("interval_minutes", value: interval),
            .stringSelect("export_type", values: ["server"]),
        ]
        if let restartPolicy { fields.append(.stringSelect("restart_policy", values: [restartPolicy])) }
        fields.append(.textInput("daily_at", value: dailyAt ?? ""))
        return try await send(.modalSubmit(customID: "playerdata_export_schedule_modal", fields: fields), in: guild)
    }

    /// `/menu`: the probe sent while runs are due (it reads this guild's schedule status).
    func menu(_ guild: ScaleGuild) async throws -> InteractionSample {
        try await send(.slashCommand(name: "menu"), in: guild)
    }

    private func send(_ kind: SandboxInteractionKind, in guild: ScaleGuild) async throws -> InteractionSample {
        let interaction = try await sandbox.makeInteraction(kind, channelID: guild.channelID, userID: guild.adminID)
        let clock = ContinuousClock()
        let start = clock.now
        let delivery = try await sandbox.sendInteraction(interaction, to: botURL)
        let latency = clock.now - start
        let type = delivery.json?["type"]?.intValue
        return InteractionSample(
            latency: latency, deferred: type == 5 || type == 6, accepted: delivery.accepted,
            content: delivery.json?["data"]?["content"]?.stringValue)
    }
}
