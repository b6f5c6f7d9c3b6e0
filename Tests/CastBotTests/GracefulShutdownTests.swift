import AsyncHTTPClient
@testable import CastBot
import Clocks
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOHTTP1
import Logging
import ServiceLifecycle
import Synchronization
import Testing
import CastBotTestSupport

@Suite("Graceful shutdown", .timeLimit(.minutes(1)))
struct GracefulShutdownTests {
    // The routers' reply deadline is zero on the real clock: every handler here misses it at once,
    // so Discord is answered DEFERRED and the handler goes on as pending work, as a slow export would.
    @Test("after the server stops, deferred interactions finish before the application's shutdown returns")
    func deferredInteractionsFinish() async throws {
        let events = EventLog()
        let release = Gate()
        let followUps = RecordingFollowUpSender(events: events)
        let server = TestServer()
        var router = InteractionRouter(followUps: followUps, clock: ContinuousClock(), replyDeadline: .zero)
        router.onComponent("playerdata_export") { _ in
            await release.wait()
            return .message("exported")
        }
        try await server.run(handler: router) { client in
            let response = try await client.postInteraction(InteractionPayloads.component(customID: "playerdata_export"))
            #expect(try JSON.object(response.body)["type"] as? Int == 5)
            #expect(events.all.isEmpty)
            // Still running when shutdown begins; it is let finish.
            release.open()
        }
        #expect(events.all == ["follow-up"])
        #expect(followUps.sent.count == 1)
    }

    @Test("a deferred interaction that overruns the drain budget is cancelled, and shutdown goes on")
    func drainTimeout() async throws {
        let events = EventLog()
        let started = Gate()
        let server = TestServer()
        var router = InteractionRouter(followUps: RecordingFollowUpSender(events: events), clock: ContinuousClock(), replyDeadline: .zero)
        router.onComponent("playerdata_export") { _ in
            started.open()
            do {
                try await ContinuousClock().sleep(for: .seconds(3600))
                events.record("stuck export finished")
            } catch {
                events.record("stuck export cancelled")
            }
            return .message("never")
        }
        let clock = server.clock
        let advancer = Task {
            await started.wait()
            // The drain's deadline is set once graceful shutdown begins; keep moving until it passes.
            while !events.all.contains("stuck export cancelled"), !Task.isCancelled {
                await clock.advance(by: .seconds(21))
                await Task.yield()
            }
        }
        try await server.run(handler: router) { client in
            _ = try await client.postInteraction(InteractionPayloads.component(customID: "playerdata_export"))
            await started.wait()
        }
        await advancer.cancellingValue
        #expect(events.all.contains("stuck export cancelled"))
        #expect(!events.all.contains("stuck export finished"))
    }

    @Test("the service group stops the application first, drains its interactions, then stops the other services")
    func serviceGroupOrder() async throws {
        let events = EventLog()
        let release = Gate()
        let server = TestServer()
        var router = InteractionRouter(followUps: RecordingFollowUpSender(events: events), clock: ContinuousClock(), replyDeadline: .zero)
        router.onComponent("playerdata_export") { _ in
            await release.wait()
            return .message("exported")
        }
        let listening = Gate()
        let boundPort = Mutex(0)
        var dependencies = server.dependencies(handler: router)
        dependencies.onServerRunning = { port in
            boundPort.withLock { $0 = port }
            listening.open()
        }
        let application = try buildApplication(configuration: try server.configuration, dependencies: dependencies)
        let group = CastBotServices.serviceGroup(
            application: application,
            alongside: [StopRecordingService(name: "scheduler service", events: events)],
            gracefulShutdownSignals: [],
            logger: server.logger
        )
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            await listening.wait()
            let port = boundPort.withLock { $0 }
            let body = InteractionPayloads.component(customID: "playerdata_export")
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/interactions")
            request.method = .POST
            for field in try server.signer.headers(for: body) { request.headers.add(name: field.name.rawName, value: field.value) }
            request.body = .bytes(ByteBuffer(bytes: body))
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            let answer = String(buffer: try await response.body.collect(upTo: 1 << 20))
            #expect(answer.contains("\"type\":5"), "\(answer)")
            await group.triggerGracefulShutdown()
            release.open()
            try await tasks.waitForAll()
        }
        #expect(events.all == ["follow-up", "scheduler service stopped"])
    }

    @Test("building the application without a public key fails with a clear error")
    func missingPublicKey() throws {
        let server = TestServer()
        #expect(throws: ApplicationBuildError.missingPublicKey) {
            _ = try buildApplication(configuration: CastBotConfiguration(), dependencies: server.dependencies(handler: RecordingInteractionHandler()))
        }
    }
}

/// A long-running service that records when it was asked to stop.
private struct StopRecordingService: Service {
    let name: String
    let events: EventLog

    func run() async throws {
        try? await gracefulShutdown()
        events.record("\(name) stopped")
    }
}
