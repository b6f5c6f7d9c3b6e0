@testable import CastBot
import DiscordSandbox
import Foundation
import Scheduling
import Testing

/// Discord's side goes away and comes back on the same address in the middle of a run.
@Suite("Faults: Discord restarts mid-run", .timeLimit(.minutes(3)))
struct SandboxRestartTests {
    @Test("An upload cut off by a restart is not sent again blindly: the channel shows nothing, so the run fails saying it may have been posted; a schedule started meanwhile delivers")
    func restartDuringUpload() async throws {
        try await FaultHarness.with { harness in
            let (a, b) = (FaultHarness.keyA, FaultHarness.keyB)
            let uploads = "POST /webhooks/*/*"
            await harness.sandbox.injectFault(try SandboxFault(uploads, effect: .hang, count: 1))
            try await harness.schedule(guild: FaultHarness.guildA, channel: FaultHarness.channelA)
            #expect(await harness.advance(until: { (try? await harness.requests(uploads)) == 1 }))

            // Stopping drops the parked upload after it was sent: its outcome is unknown.
            await harness.sandbox.stop()
            try await harness.schedule(guild: FaultHarness.guildB, channel: FaultHarness.channelB)
            _ = try await harness.sandbox.start(host: "127.0.0.1", port: harness.port)

            #expect(await harness.advance(until: { harness.runsEnded(a) == 1 && harness.runsEnded(b) == 1 }))
            #expect(await harness.delivered(b))
            #expect(await harness.exportMessages(in: FaultHarness.channelA).isEmpty)
            #expect(await harness.exportMessages(in: FaultHarness.channelB).count == 1)
            #expect(try await harness.requests(uploads) == 2, "one upload per schedule: A's was not repeated")
            let failure = harness.status(a)?.lastRun?.result
            #expect(failure?.kind == .failed)
            #expect(failure?.message?.contains("not repeated") == true, "\(String(describing: failure))")
            #expect(harness.scheduled.scheduler.diagnostics().loopRunning)
        }
    }

    @Test("Discord down for a whole run: the run fails with a typed error and reports nothing delivered; after the restart the next run delivers")
    func downForAWholeRun() async throws {
        // A refused connection fails only at the request's timeout (the HTTP library keeps trying
        // to connect until then), so a short timeout keeps the real time of each try short.
        try await FaultHarness.with(requestTimeout: .seconds(1), maxRetries: 2) { harness in
            let a = FaultHarness.keyA
            await harness.sandbox.stop()
            try await harness.schedule(guild: FaultHarness.guildA, channel: FaultHarness.channelA)
            #expect(await harness.advance(until: { harness.runsEnded(a) == 1 }))

            let status = try #require(harness.status(a))
            #expect(status.lastRun?.result.kind == .failed)
            #expect(status.lastRun?.result.message?.contains("No answer from Discord") == true, "\(String(describing: status.lastRun))")
            #expect(status.isActive)
            #expect(await harness.lastExport(a) == nil)

            _ = try await harness.sandbox.start(host: "127.0.0.1", port: harness.port)
            #expect(await harness.advance(until: { harness.runsEnded(a) == 2 }, step: .seconds(30), limit: .seconds(4_000)))
            #expect(harness.status(a)?.lastRun?.result.kind == .succeeded)
            #expect(await harness.lastExport(a) != nil)
            #expect(await harness.exportMessages(in: FaultHarness.channelA).count == 1)
        }
    }
}
