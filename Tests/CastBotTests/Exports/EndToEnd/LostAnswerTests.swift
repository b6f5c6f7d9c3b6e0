import DiscordSandbox
import Foundation
import Scheduling
import Testing

@testable import CastBot
import CastBotTestSupport

/// A POST that may have reached Discord is never sent again blindly. The sandbox stores
/// the upload and drops the answer (or drops the request unhandled); the bot looks before it sends.
@Suite("Lost answers: one post, never two", .serialized, .timeLimit(.minutes(3)))
struct LostAnswerTests {
    static let uploads = "POST /webhooks/*/*"

    @Test("Discord stored the export but the answer was lost: the run finds it in the channel and succeeds; one message, one upload")
    func storedButAnswerLost() async throws {
        try await SandboxWorld.with { world in
            await world.sandbox.injectFault(try SandboxFault(Self.uploads, effect: .dropAfterHandling, count: 1))
            let harness = try await SandboxFailureTests.start(world)
            #expect(await harness.advance(until: { harness.count { $0.isRunEnd } == 1 }))
            #expect(harness.recordedEvents.contains { $0.isRunSuccess })
            #expect(await world.messages().count == 1, "posted once")
            #expect(await world.requests(Self.uploads).count == 1, "the upload was not sent again")
            #expect(await world.requests("GET /channels/*/messages").count == 1, "the bot looked before deciding")
            #expect(await harness.work.delivery.lostAnswers == LostAnswerCounts(foundPosted: 1))
            #expect(await harness.features.work.stateStore.current().lastExports[SandboxFailureTests.scope.scheduleKey.rawValue] != nil)
            await harness.stop()
        }
    }

    @Test("The request was dropped before Discord handled it and the channel shows earlier messages: sent again once, delivered once")
    func droppedBeforeHandling() async throws {
        try await SandboxWorld.with { world in
            // The first run delivers, so the channel has history; the second run's upload is dropped unhandled.
            let harness = try await SandboxFailureTests.start(world, every: 1)
            #expect(await harness.advance(until: { harness.count { $0.isRunSuccess } == 1 }))
            await world.sandbox.injectFault(try SandboxFault(Self.uploads, effect: .dropConnection, count: 1))
            #expect(await harness.advance(until: { harness.count { $0.isRunSuccess } == 2 }, step: .seconds(5)))
            #expect(await world.messages().count == 2, "one message per run")
            #expect(await world.requests(Self.uploads).count == 3, "the dropped upload was sent again once, after looking")
            #expect(await harness.work.delivery.lostAnswers == LostAnswerCounts(resent: 1))
            await harness.stop()
        }
    }
}
