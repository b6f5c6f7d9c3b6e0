import CastBot
import DiscordSandbox
import Foundation

/// What `castbot sandbox <action>` does: sends signed interactions through the running sandbox
/// to the bot, as the demo admin in the demo `exports` channel, and prints what came back.
package struct SandboxDriver: Sendable {
    /// The demo world `castbot serve` builds in sandbox mode.
    package static let demoChannelID = "1200000000000000002"
    package static let demoAdminID = "1200000000000000003"

    let control: SandboxControlClient
    /// The bot's interactions endpoint, e.g. `http://127.0.0.1:8080/interactions`.
    let botURL: String
    let channelID: String
    let userID: String
    let clock: any Clock<Duration>
    /// How long to wait for a deferred answer's follow-up.
    let followUpTimeout: Duration

    package init(
        control: SandboxControlClient, botURL: String, channelID: String = Self.demoChannelID,
        userID: String = Self.demoAdminID, clock: any Clock<Duration> = ContinuousClock(),
        followUpTimeout: Duration = .seconds(30)
    ) {
        self.control = control
        self.botURL = botURL
        self.channelID = channelID
        self.userID = userID
        self.clock = clock
        self.followUpTimeout = followUpTimeout
    }

    /// `/menu`.
    package func menu() async throws -> String {
        try await interact(["kind": "command", "name": "menu"])
    }

    /// Submits the schedule modal. `every` is what the user types (`2`, `90m`, `6h`, `0`).
    package func schedule(every: String, type: String = "server", policy: String = "clear", dailyAt: String? = nil) async throws -> String {
        var fields: [SandboxJSON] = [
            ["custom_id": "interval_minutes", "value": .string(every)],
            ["custom_id": "export_type", "values": [.string(type)]],
            ["custom_id": "restart_policy", "values": [.string(policy)]],
        ]
        if let dailyAt { fields.append(["custom_id": "daily_at", "value": .string(dailyAt)]) }
        return try await interact(["kind": "modal", "custom_id": "playerdata_export_schedule_modal", "fields": .array(fields)])
    }

    /// "View Live".
    package func status() async throws -> String {
        try await interact(["kind": "button", "custom_id": "playerdata_export_status"])
    }

    /// "Export Server" (or "Export All"), waiting for the deferred answer with the file.
    package func export(all: Bool = false) async throws -> String {
        try await interact(["kind": "button", "custom_id": all ? "playerdata_export_all" : "playerdata_export"])
    }

    /// Clicks any button by custom id; `messageID` names the message the button is on (the
    /// Restore… button of an export message needs it: the export is read from that message).
    package func click(_ customID: String, messageID: String? = nil) async throws -> String {
        var request: [String: SandboxJSON] = ["kind": "button", "custom_id": .string(customID)]
        if let messageID { request["message_id"] = .string(messageID) }
        return try await interact(request)
    }

    /// Submits the retention modal (View Live → Retention…): keep the newest `keepLast` exports
    /// of the schedule posting in the demo channel; 0 keeps them all.
    package func retention(keepLast: String) async throws -> String {
        try await interact([
            "kind": "modal", "custom_id": "playerdata_export_retention_modal",
            "fields": [["custom_id": "keep_last", "value": .string(keepLast)]],
        ])
    }

    /// Clicks Restore… on an export message: `messageID`, or the newest export the bot posted in
    /// the demo channel. The bot answers with the plan and its Confirm and Cancel buttons.
    package func restoreClick(messageID: String? = nil) async throws -> String {
        let posts = try await control.get("/messages?channel_id=\(channelID)").arrayValue ?? []
        let exports = posts.filter { !Self.customIDs(in: $0).filter { $0 == Self.restoreButtonID }.isEmpty }
        let chosen: SandboxJSON?
        if let messageID {
            chosen = posts.first { $0["id"]?.stringValue == messageID }
            guard chosen != nil else { throw SandboxDriverError("there is no message \(messageID) in channel \(channelID)") }
        } else {
            chosen = exports.last
        }
        guard let message = chosen, let id = message["id"]?.stringValue else {
            throw SandboxDriverError(
                "no export with a Restore… button in channel \(channelID) yet: schedule one (`castbot sandbox schedule --every 1`) and wait for it")
        }
        return try await click(Self.restoreButtonID, messageID: id)
    }

    static let restoreButtonID = "playerdata_restore"

    /// The custom ids of every component of `message`, nested ones included.
    static func customIDs(in message: SandboxJSON) -> [String] {
        func walk(_ value: SandboxJSON) -> [String] {
            var found = value["custom_id"]?.stringValue.map { [$0] } ?? []
            for child in (value["components"]?.arrayValue ?? []) + [value["accessory"], value["component"]].compactMap({ $0 }) {
                found += walk(child)
            }
            return found
        }
        return walk(message)
    }

    /// Every message in the channel: scheduled exports, replies, with attachment URLs.
    /// The channel's posts (exports, reports: what every member sees), or with `ephemeral` the
    /// replies only the admin saw; the newest `limit` of them (0: all), saying how many there are.
    package func messages(limit: Int = 20, ephemeral: Bool = false) async throws -> String {
        let all = try await control.get("/messages?channel_id=\(channelID)").arrayValue ?? []
        let chosen = all.filter { ((($0["flags"]?.intValue ?? 0) & 64) != 0) == ephemeral }
        let kind = ephemeral ? "ephemeral replies to the demo admin" : "channel posts"
        guard !chosen.isEmpty else { return "No \(kind) in channel \(channelID) yet." }
        let shown = limit > 0 ? Array(chosen.suffix(limit)) : chosen
        var header = "\(chosen.count) \(kind) in channel \(channelID)"
        if shown.count < chosen.count {
            header += "; showing the newest \(shown.count) (--limit 0 shows all)"
        }
        header += ephemeral ? "." : "; --ephemeral shows the replies only the admin saw."
        return ([header] + shown.map { message in
            "── \(message["timestamp"]?.stringValue ?? "") \(author(message))\n" + SandboxTranscript.message(message)
        }).joined(separator: "\n\n")
    }

    private func interact(_ request: [String: SandboxJSON]) async throws -> String {
        var body = request
        body["to"] = .string(botURL)
        body["channel_id"] = .string(channelID)
        body["user_id"] = .string(userID)
        let result = try await control.post("/interactions", .object(body))
        let status = result["status"]?.intValue ?? 0
        let replyText = result["body"]?.stringValue ?? ""
        guard status == 200, let reply = try? SandboxJSON.parse(Array(replyText.utf8)) else {
            throw SandboxDriverError("the bot at \(botURL) answered HTTP \(status): \(replyText.prefix(300))")
        }
        var output = SandboxTranscript.reply(reply)
        if let rejection = result["rejection"]?.stringValue {
            output += "\n⚠️ Discord would refuse this answer: \(rejection)"
        }
        var refusal = reply["type"]?.intValue == 4 ? Self.refusal(in: reply["data"] ?? .null) : nil
        if reply["type"]?.intValue == 5, let id = result["interaction_id"]?.stringValue {
            let message = try await followUp(of: id)
            output += "\n\n💬 Follow-up:\n" + SandboxTranscript.message(message)
            refusal = Self.refusal(in: message)
        }
        if let refusal { throw SandboxBotRefusal(transcript: output, reason: refusal) }
        return output
    }

    /// The bot's refusals are ephemeral plain-text notices that open with one of these marks
    /// (or are its generic failure notices): the request was declined and nothing changed.
    static let refusalMarks: [Character] = ["❌", "🚫", "📭", "⌛"]

    /// The text of `message` when it is a refusal.
    static func refusal(in message: SandboxJSON) -> String? {
        guard (message["flags"]?.intValue ?? 0) & 64 != 0, (message["components"]?.arrayValue ?? []).isEmpty,
            let content = message["content"]?.stringValue, let first = content.first
        else { return nil }
        let generic = content.hasPrefix("Something went wrong") || content.hasPrefix("Discord sent something this bot could not read")
        guard refusalMarks.contains(first) || generic else { return nil }
        return content
    }

    /// Waits until the deferred "thinking…" message was replaced, and returns it.
    private func followUp(of interactionID: String) async throws -> SandboxJSON {
        let waited = InjectedClock.stopwatch(on: clock)
        while waited.elapsed() < followUpTimeout {
            let log = try await control.get("/interactions/\(interactionID)")
            if let originalID = log["original_message_id"]?.stringValue,
                let message = try await message(originalID), (message["flags"]?.intValue ?? 0) & 128 == 0
            {
                return message
            }
            try await InjectedClock.sleep(on: clock, for: .milliseconds(200))
        }
        throw SandboxDriverError("no follow-up arrived within \(followUpTimeout); see the bot's log")
    }

    private func message(_ id: String) async throws -> SandboxJSON? {
        try await control.get("/messages?channel_id=\(channelID)").arrayValue?.first { $0["id"]?.stringValue == id }
    }

    private func author(_ message: SandboxJSON) -> String {
        let name = message["author"]?["username"]?.stringValue ?? "?"
        let via = message["webhook_id"] != nil && message["interaction_metadata"] == nil ? " (webhook)" : ""
        let ephemeral = (message["flags"]?.intValue ?? 0) & 64 != 0 ? " [ephemeral]" : ""
        return "\(name)\(via)\(ephemeral)"
    }
}

/// The bot declined the request (an ephemeral refusal notice): `castbot sandbox` prints the
/// transcript and exits 1 with the reason.
package struct SandboxBotRefusal: Error, Sendable, CustomStringConvertible {
    package let transcript: String
    package let reason: String
    package var description: String { "the bot refused: \(reason)" }
}
