import CastBotBench
import Foundation
import Testing
import CastBotTestSupport

/// A short fuzz campaign against the real server on loopback; `castbot-bench fuzz` runs the long one.
@Suite("Interaction fuzzing", .timeLimit(.minutes(3)))
struct InteractionFuzzTests {
    @Test("2,000 signed, mutated bodies: every answer a 4xx or a proper reply, and the server survives")
    func shortCampaign() async throws {
        let fixtures = Fixtures.packageRoot.appendingPathComponent("Tests/DiscordModelsTests/Fixtures").path
        let dataFile = try Fixtures.path(Fixtures.wholeFile)
        let result = try await InteractionFuzzBench.run(
            InteractionFuzzBench.Options(cases: 2_000, seed: 20_240_901, concurrency: 4, fixturesDirectory: fixtures, dataFile: dataFile))
        let report = result.report

        #expect(result.seedProblems.isEmpty, "\(result.seedProblems)")
        #expect(result.seedsAnsweredProperly == report.seeds)
        #expect(report.cases == 2_000)
        #expect(report.transportErrors == 0)
        #expect(report.failureCount == 0, "\(report.failures.map(\.description).joined(separator: "\n"))")
        #expect(report.serverAliveAfterwards == true)
        // Every kind of damage was tried, and it reached beyond the parser: some bodies were
        // refused (4xx) and some answered by the handler (200).
        #expect(FuzzMutation.allCases.allSatisfy { (report.casesByMutation[$0] ?? 0) > 0 })
        #expect(report.statusCounts.filter { (400..<500).contains($0.key) }.values.reduce(0, +) > 0)
        #expect((report.statusCounts[200] ?? 0) > 0)
    }
}
