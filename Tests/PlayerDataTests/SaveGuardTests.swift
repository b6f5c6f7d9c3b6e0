import Foundation
import Testing
@testable import PlayerData
import CastBotTestSupport

@Suite(.timeLimit(.minutes(1))) struct SaveGuardTests {
    @Test func theWipeIsRefusedAndKeptAside() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let original = try Fixtures.bytes(Fixtures.wholeFile)
        let wiped = try Fixtures.bytes(Fixtures.wiped)
        try folder.write(original, to: "playerData.json")
        let store = PlayerDataStore(directory: folder.path)

        let outcome = try await store.save(wiped, force: false)
        guard case .rejected(let rejection) = outcome else {
            Issue.record("the wipe was saved: \(outcome)")
            return
        }
        #expect(rejection.rejectedPath == "\(folder.path)/playerData.json.REJECTED")
        #expect(rejection.reasons.count == 2, "both size and guild count fell: \(rejection.reasons)")
        #expect(rejection.reasons.contains { $0.contains("guild count would fall from 31 to 17") })
        #expect(try folder.read("playerData.json") == original)
        #expect(try folder.read("playerData.json.REJECTED") == wiped)
        #expect(!folder.exists("playerData.json.backup"))
    }

    @Test func aForcedSaveGoesThroughAndKeepsTheBackup() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let original = try Fixtures.bytes(Fixtures.wholeFile)
        let wiped = try Fixtures.bytes(Fixtures.wiped)
        try folder.write(original, to: "playerData.json")
        let store = PlayerDataStore(directory: folder.path)

        let outcome = try await store.save(wiped, force: true)
        guard case .saved(let report) = outcome else {
            Issue.record("a forced save was refused: \(outcome)")
            return
        }
        #expect(report.overriddenReasons.count == 2)
        #expect(report.guildCount == 17)
        #expect(try folder.read("playerData.json") == wiped)
        #expect(try folder.read("playerData.json.backup") == original)
        #expect(try folder.contents().filter { $0.contains(".tmp-") }.isEmpty, "no temp files left behind")
    }

    @Test func ordinarySavesPass() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // A data folder that does not exist yet is created.
        let store = PlayerDataStore(directory: "\(folder.path)/data/castbot")
        let first = try Fixtures.bytes(Fixtures.devCrashRestore)
        let second = try Fixtures.bytes(Fixtures.wholeFile)

        guard case .saved(let created) = try await store.save(first) else {
            Issue.record("creating the file was refused")
            return
        }
        #expect(created.backupPath == nil)
        guard case .saved(let grown) = try await store.save(second) else {
            Issue.record("a growing save was refused")
            return
        }
        #expect(grown.backupPath != nil)
        #expect(try folder.read("data/castbot/playerData.json") == second)
        #expect(try folder.read("data/castbot/playerData.json.backup") == first)
    }

    @Test func guardRules() {
        let rule = SaveGuard.default
        #expect(rule.reasons(currentBytes: 1000, currentGuilds: 10, proposedBytes: 400, proposedGuilds: 10).isEmpty,
            "files under 1 KiB are not size-guarded")
        #expect(rule.reasons(currentBytes: 10_000, currentGuilds: 10, proposedBytes: 4_999, proposedGuilds: 10).count == 1)
        #expect(rule.reasons(currentBytes: 10_000, currentGuilds: 10, proposedBytes: 5_000, proposedGuilds: 10).isEmpty)
        #expect(rule.reasons(currentBytes: 10_000, currentGuilds: 165, proposedBytes: 10_000, proposedGuilds: 163).isEmpty)
        #expect(rule.reasons(currentBytes: 10_000, currentGuilds: 165, proposedBytes: 10_000, proposedGuilds: 162).count == 1)
        #expect(rule.reasons(currentBytes: 10_000, currentGuilds: 5, proposedBytes: 10_000, proposedGuilds: 3).count == 1,
            "40 % of a small file's guilds")
        #expect(rule.reasons(currentBytes: 10_000, currentGuilds: nil, proposedBytes: 10_000, proposedGuilds: 0).isEmpty)
        #expect(SaveGuard.disabled.reasons(currentBytes: 10_000, currentGuilds: 100, proposedBytes: 1, proposedGuilds: 0).isEmpty)
    }

    @Test func aCustomGuardIsHonoured() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let original = try Fixtures.bytes(Fixtures.wholeFile)
        try folder.write(original, to: "playerData.json")
        let store = PlayerDataStore(directory: folder.path, guardPolicy: .disabled)
        guard case .saved = try await store.save(try Fixtures.bytes(Fixtures.rejected)) else {
            Issue.record("a disabled guard refused a save")
            return
        }
        #expect(try folder.read("playerData.json") == (try Fixtures.bytes(Fixtures.rejected)))
    }
}
