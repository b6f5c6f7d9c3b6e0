import DiscordModels
import ExportFormat
import Foundation
import PlayerData
import Scheduling

/// Import plans waiting for Confirm or Cancel, in memory, each under a random token that goes
/// into the buttons' custom ids. A plan lives `lifetime` on the injected clock; only the user who
/// uploaded the file may confirm or cancel it, and only in the server it was planned in.
actor PendingImports {
    struct Entry: Sendable {
        let plan: ImportPlan
        let userID: String
        let guildID: String
        let filename: String
        let age: Stopwatch
    }

    enum Claim: Sendable {
        case claimed(Entry)
        case expired
        case unknown
        case notYours
        /// Pressed in another server than the one the plan was made in.
        case otherServer
    }

    let lifetime: Duration
    /// Plans kept at once, whoever made them; past it the oldest is dropped. With one plan per
    /// user (a new one replaces the user's old one), a flood of uploads by one guild manager keeps
    /// at most one plan in memory, and many managers at most this many.
    let capacity: Int
    private let clock: any Clock<Duration>
    private var entries: [String: Entry] = [:]
    /// Tokens oldest first, for dropping the oldest plan when full.
    private var order: [String] = []

    init(lifetime: Duration, clock: any Clock<Duration>, capacity: Int = 32) {
        self.lifetime = lifetime
        self.clock = clock
        self.capacity = max(1, capacity)
    }

    /// Keeps the plan and returns its token. The user's earlier pending plan of this kind is
    /// dropped (its buttons then say it is no longer pending), and the oldest plan when full.
    func add(_ plan: ImportPlan, userID: String, guildID: String, filename: String) -> String {
        dropExpired()
        for (token, entry) in entries where entry.userID == userID { forget(token) }
        while entries.count >= capacity, let oldest = order.first { forget(oldest) }
        let token = Self.makeToken()
        entries[token] = Entry(plan: plan, userID: userID, guildID: guildID, filename: filename, age: InjectedClock.stopwatch(on: clock))
        order.append(token)
        return token
    }

    private func forget(_ token: String) {
        entries[token] = nil
        order.removeAll { $0 == token }
    }

    /// Removes and returns the plan, if it is still pending, belongs to `userID` and was made in
    /// `guildID` (a plan's buttons can be pressed wherever the message is seen, and the plan was
    /// authorized for its own server only).
    func claim(_ token: String, userID: String, guildID: String) -> Claim {
        guard let entry = entries[token] else { return .unknown }
        guard entry.age.elapsed() <= lifetime else {
            forget(token)
            return .expired
        }
        guard entry.userID == userID else { return .notYours }
        guard entry.guildID == guildID else { return .otherServer }
        forget(token)
        return .claimed(entry)
    }

    /// `claim`, with each way it can fail turned into the message the user sees.
    /// - Parameters:
    ///   - what: "import" or "restore".
    ///   - again: how to get a fresh plan ("upload the file again").
    func claimOrRefuse(_ token: String?, userID: String, guildID: String, what: String, again: String) throws(Refusal) -> Entry {
        switch claim(token ?? "", userID: userID, guildID: guildID) {
        case .claimed(let entry):
            return entry
        case .expired:
            let minutes = Int(DurationText.timeInterval(lifetime) / 60)
            throw Refusal("⌛ This \(what) plan expired (plans wait \(minutes) minutes). Nothing was changed; \(again).")
        case .notYours:
            throw Refusal("🚫 Only the person who asked for this \(what) can confirm or cancel it.")
        case .otherServer:
            throw Refusal("🚫 This \(what) was planned in another server; confirm or cancel it there. Nothing was changed.")
        case .unknown:
            throw Refusal(
                "❌ This \(what) is no longer pending: it was already confirmed or cancelled, it expired, or the bot restarted. Nothing was changed.")
        }
    }

    var count: Int { entries.count }

    private func dropExpired() {
        for (token, entry) in entries where entry.age.elapsed() > lifetime { forget(token) }
    }

    /// 128 random bits as hex: unguessable, and short enough for a custom id.
    private static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}

/// The plan shown before an import or a restore (with Confirm / Cancel) and the result after it.
enum ImportPlanView {
    /// What the plan is for: its title and its buttons.
    struct Purpose: Sendable {
        let title: String
        let confirmLabel: String
        let confirmPrefix: String
        let cancelPrefix: String

        static let importFile = Purpose(
            title: "## 📥 Import Plan", confirmLabel: "Confirm Import", confirmPrefix: CustomID.importConfirmPrefix,
            cancelPrefix: CustomID.importCancelPrefix)
        static let restore = Purpose(
            title: "## 🛟 Restore Plan", confirmLabel: "Confirm Restore", confirmPrefix: CustomID.restoreConfirmPrefix,
            cancelPrefix: CustomID.restoreCancelPrefix)
    }

    /// - Parameter source: lines saying where the data comes from (the file, or the export and its checksum).
    static func plan(_ plan: ImportPlan, purpose: Purpose = .importFile, source: [String], token: String, expiresAt: Date) -> [Component] {
        var lines = [purpose.title] + source + ["**Action**: \(actionText(plan))"]
        if let guildID = plan.guildID {
            lines.append("**Server**: \(plan.guildName ?? "Unknown") (`\(guildID)`)")
            if let source = plan.sourceGuildID, source != guildID {
                lines.append("**Exported from**: `\(source)`")
            }
        }
        lines += [
            "**Players**: \(plan.playersBefore) → \(plan.playersAfter)",
            "**Servers in the data file**: \(plan.guildsBefore) → \(plan.guildsAfter)",
            "**Data file size**: \(ByteSizeText.describe(plan.bytesBefore)) → \(ByteSizeText.describe(plan.bytesAfter))",
        ]
        if plan.action == .replaceFile {
            let changes = plan.guildChanges
            lines.append(
                "**Servers added / removed / changed / unchanged**: \(changes.added.count) / \(changes.removed.count) / "
                    + "\(changes.changed.count) / \(changes.unchangedCount)")
        }
        lines += [
            "",
            "Nothing changes until you confirm. The data being replaced is backed up first.",
            "-# This plan expires <t:\(Int(expiresAt.timeIntervalSince1970)):R>.",
        ]
        return [
            .container(
                Container(
                    components: [
                        .textDisplay(TextDisplay(content: lines.joined(separator: "\n"))),
                        .actionRow(
                            ActionRow(components: [
                                CustomID.button(purpose.confirmLabel, purpose.confirmPrefix + token, .success, "✅"),
                                CustomID.button("Cancel", purpose.cancelPrefix + token, .secondary, "✖️"),
                            ])),
                    ],
                    accentColor: 0xF39C12))
        ]
    }

    static func fileLine(_ filename: String, bytes: Int) -> String {
        "**File**: `\(filename)` (\(ByteSizeText.describe(bytes)))"
    }

    static func applied(_ result: ImportResult, title: String = "## ✅ Import Complete") -> [Component] {
        var lines = [
            title,
            "**Action**: \(actionText(result.plan))",
            "**Players**: \(result.plan.playersBefore) → \(result.plan.playersAfter)",
            "**Servers in the data file**: \(result.save.guildCount)",
        ]
        if let backup = result.backupPath {
            lines.append("**Replaced data saved to**: `\(relative(backup))`")
        }
        if let previous = result.save.backupPath {
            lines.append("**Previous data file kept as**: `\(relative(previous))`")
        }
        return [.container(Container(components: [.textDisplay(TextDisplay(content: lines.joined(separator: "\n")))], accentColor: 0x2ECC71))]
    }

    static func closed(_ text: String) -> [Component] {
        [.container(Container(components: [.textDisplay(TextDisplay(content: text))]))]
    }

    private static func actionText(_ plan: ImportPlan) -> String {
        switch plan.action {
        case .addGuild: "Add the server's data (it has none yet)"
        case .replaceGuild: "Replace the server's data"
        case .replaceFile: "Replace the whole data file"
        }
    }

    /// Paths shown to server admins stay inside the data folder.
    private static func relative(_ path: String) -> String {
        path.split(separator: "/").suffix(2).joined(separator: "/")
    }
}
