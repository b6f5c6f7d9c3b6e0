import CastBotBench
import Testing

@Suite("Fuzz cases", .timeLimit(.minutes(1)))
struct FuzzCampaignTests {
    static let seed = FuzzSeed(
        name: "modal",
        body: Array(
            #"{"type":5,"id":"1","token":"t","guild_id":"2","member":{"user":{"id":"3"},"permissions":"8"},"data":{"custom_id":"playerdata_export_schedule_modal","components":[{"type":18,"id":1,"component":{"type":4,"id":2,"custom_id":"interval_minutes","value":"60"}}]}}"#
                .utf8))

    @Test("A case is the same bytes however often and in whatever order it is made")
    func casesAreReproducible() {
        let campaign = FuzzCampaign(seeds: [Self.seed], cases: 200, seed: 7)
        let forward = (0..<200).map { campaign.body(ofCase: $0).body }
        let backward = (0..<200).reversed().map { campaign.body(ofCase: $0).body }.reversed()
        #expect(forward == Array(backward))
        let other = FuzzCampaign(seeds: [Self.seed], cases: 200, seed: 8)
        #expect((0..<200).contains { other.body(ofCase: $0).body != forward[$0] })
    }

    @Test("Every mutation changes the seed in most cases", arguments: FuzzMutation.allCases)
    func mutationsChangeTheBody(_ mutation: FuzzMutation) {
        let campaign = FuzzCampaign(seeds: [Self.seed], cases: 1_000, seed: 11)
        let count = FuzzMutation.allCases.count
        let index = FuzzMutation.allCases.firstIndex(of: mutation) ?? 0
        let cases = (0..<20).map { campaign.body(ofCase: index + $0 * count) }
        #expect(cases.allSatisfy { $0.mutation == mutation })
        #expect(cases.filter { $0.body != Self.seed.body }.count >= 15)
    }
}
