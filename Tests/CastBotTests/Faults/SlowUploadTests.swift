@testable import CastBot
import DiscordSandbox
import Foundation
import Scheduling
import Testing

/// An upload that Discord takes long to accept holds up only its own run.
@Suite("Faults: slow uploads", .timeLimit(.minutes(3)))
struct SlowUploadTests {
    @Test("While one export's upload is slow, another schedule delivers; the slow one counts as delivered only once Discord has it")
    func slowUpload() async throws {
        try await FaultHarness.with { harness in
            let (a, b) = (FaultHarness.keyA, FaultHarness.keyB)
            let uploads = "POST /webhooks/*/*"
            // The first upload waits 30 s (on the shared test clock) before Discord handles it.
            await harness.sandbox.injectFault(try SandboxFault(uploads, effect: .delayOnly, delay: .seconds(30), count: 1))
            try await harness.schedule(guild: FaultHarness.guildA, channel: FaultHarness.channelA)
            #expect(await harness.advance(until: { (try? await harness.requests(uploads)) == 1 }))

            try await harness.schedule(guild: FaultHarness.guildB, channel: FaultHarness.channelB)
            #expect(await harness.advance(until: { await harness.lastExport(b) != nil }, limit: .seconds(20)))
            #expect(await harness.exportMessages(in: FaultHarness.channelB).count == 1)

            // A is still uploading: running, nothing in its channel, nothing recorded as delivered.
            #expect(harness.status(a)?.isRunning == true)
            #expect(await harness.exportMessages(in: FaultHarness.channelA).isEmpty)
            #expect(await harness.lastExport(a) == nil)

            #expect(await harness.advance(until: { harness.runsEnded(a) == 1 }, limit: .seconds(60)))
            #expect(await harness.lastExport(a) != nil)
            #expect(await harness.exportMessages(in: FaultHarness.channelA).count == 1)
            #expect(harness.status(a)?.lastRun?.result.kind == .succeeded)
            #expect(try await harness.requests(uploads) == 2, "one upload each, no retries")
        }
    }
}
