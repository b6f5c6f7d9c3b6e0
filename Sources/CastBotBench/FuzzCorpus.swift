import CastBot
import DiscordSandbox
import Foundation

/// Well-formed interactions to mutate: the sandbox's builders for every command, button and modal
/// of the product (docs/OPERATIONS.md, "Inviting the bot to a server"), by an administrator and by a member without permissions, plus
/// Discord's documented example payloads (`Interaction.*` as they are, `InteractionData.*` inside
/// a sandbox-built interaction of the matching type).
package enum FuzzCorpus {
    static let buttonIDs = [
        "playerdata_export", "playerdata_export_all", "playerdata_import", "playerdata_export_schedule",
        "playerdata_export_status", "health_monitor_schedule", "playerdata_import_confirm:0123456789abcdef",
        "playerdata_import_cancel:0123456789abcdef",
    ]

    /// Adds a member without permissions to `world` and builds the seeds.
    /// - Parameter fixturesDirectory: a folder of Discord's documented examples; nil skips them.
    package static func seeds(sandbox: DiscordSandbox, world: SandboxDemoWorld, fixturesDirectory: String?) async throws -> [FuzzSeed] {
        let player = await sandbox.addUser(username: "sandbox-player")
        try await sandbox.addMember(guildID: world.guild.id, userID: player.id, permissions: [])
        let builder = Builder(sandbox: sandbox, channelID: world.channel.id)
        var seeds: [FuzzSeed] = []
        for (name, user) in [("admin", world.admin.id), ("player", player.id)] {
            for (label, kind) in try await interactionKinds(sandbox: sandbox, channelID: world.channel.id) {
                seeds.append(try await builder.seed("sandbox:\(label):\(name)", kind, userID: user))
            }
        }
        if let fixturesDirectory {
            seeds += try await fixtureSeeds(in: fixturesDirectory, builder: builder, userID: world.admin.id)
        }
        return seeds
    }

    private struct Builder {
        let sandbox: DiscordSandbox
        let channelID: String

        func interaction(_ kind: SandboxInteractionKind, userID: String) async throws -> SandboxJSON {
            try await sandbox.makeInteraction(kind, channelID: kind == .ping ? nil : channelID, userID: userID).json
        }

        func seed(_ name: String, _ kind: SandboxInteractionKind, userID: String) async throws -> FuzzSeed {
            FuzzSeed(name: name, body: try await interaction(kind, userID: userID).encoded())
        }
    }

    private static func interactionKinds(sandbox: DiscordSandbox, channelID: String) async throws -> [(String, SandboxInteractionKind)] {
        let upload = try await sandbox.uploadInteractionAttachment(
            filename: "playerdata-export-1200000000000000001-2026-01-01T00-00-00-000Z.json",
            bytes: Array(#"{"exportVersion":"1.0","guildId":"1200000000000000001","dataType":"playerData","data":{}}"#.utf8),
            channelID: channelID)
        let schedule = "playerdata_export_schedule_modal"
        var kinds: [(String, SandboxInteractionKind)] = [
            ("ping", .ping),
            ("command:menu", .slashCommand(name: "menu")),
            ("select:export_type", .stringSelect(customID: "export_type", values: ["server"])),
            (
                "modal:\(schedule)",
                .modalSubmit(
                    customID: schedule,
                    fields: [
                        .textInput("interval_minutes", value: "60"), .stringSelect("export_type", values: ["server"]),
                        .stringSelect("restart_policy", values: ["clear"]), .textInput("daily_at", value: "14:30"),
                    ])
            ),
            (
                "modal:\(schedule):legacy",
                .modalSubmit(
                    customID: schedule,
                    fields: [
                        .textInput("interval_minutes", value: "6h", legacyActionRow: true),
                        .textInput("daily_at", value: "", legacyActionRow: true),
                    ])
            ),
            (
                "modal:\(schedule):all",
                .modalSubmit(
                    customID: schedule,
                    fields: [
                        .textInput("interval_minutes", value: "1d"), .stringSelect("export_type", values: ["all"]),
                        .stringSelect("restart_policy", values: ["resume"]),
                    ])
            ),
            ("modal:health_monitor_schedule_modal", .modalSubmit(customID: "health_monitor_schedule_modal", fields: [.textInput("hours", value: "6")])),
            ("modal:playerdata_import_modal", .modalSubmit(customID: "playerdata_import_modal", fields: [.fileUpload("import_file", attachments: [upload])])),
            (
                "autocomplete:menu",
                .custom(type: 4, data: ["name": "menu", "type": 1, "options": [["name": "q", "type": 3, "value": "a", "focused": true]]])
            ),
            ("unknown-type", .custom(type: 42, data: ["name": "menu"])),
        ]
        kinds += buttonIDs.map { ("button:\($0)", .button(customID: $0)) }
        return kinds
    }

    private static func fixtureSeeds(in directory: String, builder: Builder, userID: String) async throws -> [FuzzSeed] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        var seeds: [FuzzSeed] = []
        for name in names where name.hasPrefix("Interaction.") || name.hasPrefix("InteractionData.") {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name)))
            if name.hasPrefix("Interaction.") {
                seeds.append(FuzzSeed(name: "fixture:\(name)", body: bytes))
                continue
            }
            let data = try SandboxJSON.parse(bytes)
            let envelope = try await builder.interaction(carrierKind(for: data), userID: userID)
            seeds.append(FuzzSeed(name: "fixture:\(name)", body: FuzzJSONTree.replacing([.key("data")], in: envelope, with: data).encoded()))
        }
        return seeds
    }

    /// An interaction of the type whose `data` has this shape.
    private static func carrierKind(for data: SandboxJSON) -> SandboxInteractionKind {
        if data["component_type"] != nil { return .button(customID: "fixture") }
        if data["components"] != nil { return .modalSubmit(customID: "fixture", fields: []) }
        let focused = data["options"]?.arrayValue?.contains { $0["focused"]?.boolValue == true } ?? false
        return focused ? .custom(type: 4, data: [:]) : .slashCommand(name: "fixture")
    }
}
