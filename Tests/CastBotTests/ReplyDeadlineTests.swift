import DiscordModels
@testable import CastBot
import Clocks
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Replies within Discord's deadline", .timeLimit(.minutes(1)))
struct ReplyDeadlineTests {
    let followUps = RecordingFollowUpSender()
    let clock = TestClock()

    @Test("through the server, a slow handler is answered DEFERRED at 2.5 s and its result follows up")
    func slowHandlerThroughServer() async throws {
        let started = Gate()
        let release = Gate()
        var router = InteractionRouter(followUps: followUps, clock: clock)
        router.onComponent("playerdata_export") { _ in
            started.open()
            await release.wait()
            return .message("export ready")
        }
        let server = TestServer()
        let followUps = self.followUps
        try await server.run(handler: router, adjusting: { $0.clock = clock }) { client in
            async let pending = client.postInteraction(InteractionPayloads.component(customID: "playerdata_export"))
            await started.wait()
            await clock.advance(by: .seconds(3))
            let response = try await pending
            #expect(response.status == .ok)
            let reply = try JSON.object(response.body)
            #expect(reply["type"] as? Int == 5)
            #expect((reply["data"] as? [String: Any])?["flags"] as? Int == 64)
            #expect(followUps.sent.isEmpty)

            release.open()
            let sent = await followUps.waitForFollowUps(count: 1)
            let followUp = try #require(sent.first)
            #expect(followUp.target == .originalResponse)
            #expect(followUp.applicationID.rawValue == InteractionPayloads.applicationID)
            #expect(followUp.interactionToken == InteractionPayloads.token)
            #expect(followUp.interactionID.rawValue == "1400000000000000002")
            #expect(followUp.payload.content == "export ready")
        }
    }

    @Test("a handler that answers before the deadline is sent inline and nothing follows up")
    func fastHandlerInline() async throws {
        var router = InteractionRouter(followUps: followUps, clock: clock)
        router.onComponent("quick") { _ in .message("quick answer") }
        let reply = try await RouterHarness.send(InteractionPayloads.component(customID: "quick"), to: router)
        #expect(reply.outcome == .replied)
        #expect(try reply.callback().data?["content"] as? String == "quick answer")
        await router.finishPendingWork()
        #expect(followUps.sent.isEmpty)
    }

    @Test("a handler still running just before the deadline is not deferred early")
    func notDeferredBeforeDeadline() async throws {
        let started = Gate()
        let release = Gate()
        var router = InteractionRouter(followUps: followUps, clock: clock)
        router.onComponent("almost") { _ in
            started.open()
            await release.wait()
            return .message("just in time")
        }
        let handler = router
        async let reply = RouterHarness.send(InteractionPayloads.component(customID: "almost"), to: handler)
        await started.wait()
        await clock.advance(by: .milliseconds(2400))
        release.open()
        #expect(try await reply.callback().data?["content"] as? String == "just in time")
        await router.finishPendingWork()
        #expect(followUps.sent.isEmpty)
    }

    @Test("a quick reply with files is answered DEFERRED and the files go in the follow-up")
    func filesTravelByFollowUp() async throws {
        var router = InteractionRouter(followUps: followUps, clock: clock)
        let file = ReplyFile(filename: "playerdata-export-1-x.json", bytes: Array("{}".utf8))
        router.onComponent("playerdata_export") { _ in InteractionReply.message("here it is").attaching([file]) }
        let reply = try await RouterHarness.send(InteractionPayloads.component(customID: "playerdata_export"), to: router)
        #expect(try reply.callback().type == 5)
        await router.finishPendingWork()
        let followUp = try #require(followUps.sent.first)
        #expect(followUp.files == [file])
        #expect(followUp.payload.content == "here it is")
    }

    @Test("a modal that comes too late cannot open, so the user is told to try again")
    func lateModal() async throws {
        let started = Gate()
        let release = Gate()
        var router = InteractionRouter(followUps: followUps, clock: clock)
        router.onComponent("playerdata_import") { _ in
            started.open()
            await release.wait()
            return .response(.modal(ModalPayload(customID: "playerdata_import_modal", title: "Import", components: [])))
        }
        let handler = router
        async let reply = RouterHarness.send(InteractionPayloads.component(customID: "playerdata_import"), to: handler)
        await started.wait()
        await clock.advance(by: .seconds(3))
        #expect(try await reply.callback().type == 5)
        release.open()
        await router.finishPendingWork()
        let followUp = try #require(followUps.sent.first)
        #expect(followUp.payload.content == "This took longer than Discord allows. Please try again.")
    }

    @Test("late autocomplete yields no suggestions and sends no follow-up")
    func lateAutocomplete() async throws {
        let started = Gate()
        let release = Gate()
        var router = InteractionRouter(followUps: followUps, clock: clock)
        router.onAutocomplete("menu") { _ in
            started.open()
            await release.wait()
            return .response(InteractionResponse(type: .applicationCommandAutocompleteResult, data: .autocomplete([])))
        }
        let handler = router
        async let reply = RouterHarness.send(InteractionPayloads.autocomplete(name: "menu"), to: handler)
        await started.wait()
        await clock.advance(by: .seconds(3))
        #expect(try await reply.callback().type == 8)
        release.open()
        await router.finishPendingWork()
        #expect(followUps.sent.isEmpty)
    }

    @Test("finishPendingWork waits for deferred work still running")
    func finishPendingWorkWaits() async throws {
        let release = Gate()
        // A handler that misses the deadline (zero here: nothing to wait for on the real clock)
        // keeps running after the DEFERRED answer.
        var router = InteractionRouter(followUps: followUps, clock: ContinuousClock(), replyDeadline: .zero)
        router.onComponent("slow") { _ in
            await release.wait()
            return .message("done")
        }
        _ = try await RouterHarness.send(InteractionPayloads.component(customID: "slow"), to: router)
        #expect(router.pendingWorkCount == 1)
        async let finished: Void = router.finishPendingWork()
        release.open()
        await finished
        #expect(router.pendingWorkCount == 0)
        #expect(followUps.sent.count == 1)
    }

    @Test("a follow-up's description never shows the interaction token")
    func followUpDescriptionHidesToken() {
        let followUp = FollowUpMessage(
            target: .originalResponse,
            applicationID: Snowflake(1_300_000_000_000_000_001),
            interactionID: Snowflake(1_400_000_000_000_000_002),
            interactionToken: InteractionPayloads.token,
            payload: MessagePayload()
        )
        #expect(!followUp.description.contains(InteractionPayloads.token))
        #expect(followUp.description.contains("1400000000000000002"))
    }
}
