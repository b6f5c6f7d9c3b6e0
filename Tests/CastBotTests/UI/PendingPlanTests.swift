import CastBotTestSupport
import Clocks
import Foundation
import PlayerData
import Testing

@testable import CastBot

/// A pending import or restore plan is confirmed only by whoever asked for it, in the server it
/// was planned (and authorized) for.
@Suite("Pending plans: who and where may confirm", .timeLimit(.minutes(1)))
struct PendingPlanTests {
    @Test("Confirming in another server than the plan's is refused, and the plan stays pending for its own server")
    func otherServerRefused() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = PlayerDataStore(directory: folder.path)
        let plan = try await store.planImport(RestoreEndToEndTests.emptyGuildExport(TestWorld.guildID))
        let pending = PendingImports(lifetime: .seconds(900), clock: TestClock<Duration>())
        let token = await pending.add(plan, userID: "1200000000000000001", guildID: TestWorld.guildID, filename: "export.json")

        await #expect {
            try await pending.claimOrRefuse(
                token, userID: "1200000000000000001", guildID: "1300000000000000009", what: "import", again: "upload the file again")
        } throws: { error in
            "\(error)".contains("planned in another server")
        }
        #expect(await pending.count == 1, "the plan is still pending")
        let entry = try await pending.claimOrRefuse(
            token, userID: "1200000000000000001", guildID: TestWorld.guildID, what: "import", again: "upload the file again")
        #expect(entry.guildID == TestWorld.guildID)
        #expect(await pending.count == 0)
    }
}

extension PendingPlanTests {
    @Test("One pending plan per user: a new upload replaces the old; many users share a fixed cap, oldest dropped first")
    func bounded() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let plan = try await PlayerDataStore(directory: folder.path).planImport(RestoreEndToEndTests.emptyGuildExport(TestWorld.guildID))
        let pending = PendingImports(lifetime: .seconds(900), clock: TestClock<Duration>(), capacity: 4)
        let flood = await (0..<100).asyncMap { _ in await pending.add(plan, userID: "u1", guildID: TestWorld.guildID, filename: "e.json") }
        #expect(await pending.count == 1, "a flood by one user keeps one plan")
        #expect(await pending.claim(flood[0], userID: "u1", guildID: TestWorld.guildID).isUnknown)
        for user in 2...9 { _ = await pending.add(plan, userID: "u\(user)", guildID: TestWorld.guildID, filename: "e.json") }
        #expect(await pending.count == 4)
        #expect(await pending.claim(flood[99], userID: "u1", guildID: TestWorld.guildID).isUnknown, "the oldest went first")
    }
}

extension PendingImports.Claim {
    var isUnknown: Bool {
        if case .unknown = self { return true }
        return false
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async -> T) async -> [T] {
        var results: [T] = []
        for element in self { results.append(await transform(element)) }
        return results
    }
}
