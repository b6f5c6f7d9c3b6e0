@testable import CastBot
import DiscordSandbox
import Foundation
import Scheduling
import Testing

/// Discord stops answering in one channel: the client's webhook creation times out, is not sent
/// again (a POST Discord may have acted on), and the run fails with a typed error, while the other
/// schedule delivers and the service runs on.
@Suite("Faults: Discord times out", .timeLimit(.minutes(3)))
struct DiscordTimeoutTests {
    @Test("A hung channel: timeout, not repeated, a typed error, nothing reported delivered; the other schedule delivers; the next run heals")
    func hungChannel() async throws {
        try await FaultHarness.with(requestTimeout: .seconds(1), maxRetries: 2) { harness in
            let (a, b) = (FaultHarness.keyA, FaultHarness.keyB)
            await harness.sandbox.injectFault(try SandboxFault("* /channels/\(FaultHarness.channelA)/webhooks", effect: .hang, count: nil))
            try await harness.schedule(guild: FaultHarness.guildA, channel: FaultHarness.channelA)
            try await harness.schedule(guild: FaultHarness.guildB, channel: FaultHarness.channelB)

            #expect(await harness.advance(until: { harness.runsEnded(a) == 1 && harness.runsEnded(b) == 1 }))

            let statusA = try #require(harness.status(a))
            #expect(statusA.lastRun?.result.kind == .failed)
            #expect(
                statusA.lastRun?.result.message?.contains("may have reached Discord and was not repeated") == true,
                "\(String(describing: statusA.lastRun))")
            #expect(statusA.isActive, "a transient failure keeps the schedule")
            #expect(statusA.consecutiveFailures == 1)
            // The creation (a delivery lists nothing first), timed out by the client, not repeated.
            #expect(try await harness.requests("* /channels/\(FaultHarness.channelA)/webhooks") == 1)
            #expect(await harness.exportMessages(in: FaultHarness.channelA).isEmpty)
            #expect(await harness.lastExport(a) == nil)

            #expect(harness.status(b)?.lastRun?.result.kind == .succeeded)
            #expect(await harness.exportMessages(in: FaultHarness.channelB).count == 1)
            #expect(await harness.lastExport(b) != nil)
            #expect(harness.scheduled.scheduler.diagnostics().loopRunning)

            // Discord answers again: the next run (an hour later) delivers. The delivery is
            // recorded before the scheduler settles the run, so wait for the run's end.
            await harness.sandbox.clearFaults()
            #expect(await harness.advance(until: { harness.runsEnded(a) == 2 }, step: .seconds(30), limit: .seconds(4_000)))
            #expect(harness.status(a)?.lastRun?.result.kind == .succeeded)
            #expect(await harness.lastExport(a) != nil)
            #expect(await harness.exportMessages(in: FaultHarness.channelA).count == 1)
            #expect(harness.status(a)?.consecutiveFailures == 0)
        }
    }
}
