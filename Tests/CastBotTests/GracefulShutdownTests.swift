import CastBot
import Clocks
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@Suite("Graceful shutdown", .timeLimit(.minutes(1)))
struct GracefulShutdownTests {
    @Test("after the server stops, deferred interactions finish, then drain participants, then persist participants")
    func participantsRunInPhases() async throws {
        let events = EventLog()
        let release = Gate()
        let followUps = RecordingFollowUpSender(events: events)
        let server = TestServer()
        var router = InteractionRouter(followUps: followUps, clock: server.clock)
        router.onComponent("playerdata_export", timing: .deferImmediately) { _ in
            await release.wait()
            return .message("exported")
        }
        server.shutdownHooks.register("state saver", phase: .persist) { events.record("state saver") }
        server.shutdownHooks.register(RecordingShutdownParticipant(shutdownName: "scheduler", events: events) {
            // Running work is allowed to finish during the drain phase.
            release.open()
        })

        try await server.run(handler: router) { client in
            let response = try await client.postInteraction(InteractionPayloads.component(customID: "playerdata_export"))
            #expect(try JSON.object(response.body)["type"] as? Int == 5)
            #expect(events.all.isEmpty)
        }
        let all = events.all
        #expect(Set(all.prefix(2)) == ["follow-up", "scheduler"])
        #expect(all.last == "state saver")
        #expect(all.count == 3)
        #expect(followUps.sent.count == 1)
    }

    @Test("a participant that overruns the drain budget is cancelled and persisting still happens")
    func drainTimeout() async throws {
        let events = EventLog()
        let hanging = Gate()
        let server = TestServer()
        let stuckClock = TestClock()
        server.shutdownHooks.register("stuck exporter") {
            hanging.open()
            do {
                try await stuckClock.sleep(for: .seconds(3600))
                events.record("stuck exporter finished")
            } catch {
                events.record("stuck exporter cancelled")
            }
        }
        server.shutdownHooks.register("state saver", phase: .persist) { events.record("state saver") }

        let clock = server.clock
        let advancer = Task {
            await hanging.wait()
            await clock.advance(by: .seconds(21))
        }
        try await server.run(handler: RecordingInteractionHandler()) { client in
            let health = try await client.get("/healthz")
            #expect(health.status == .ok)
        }
        await advancer.value
        #expect(events.all.last == "state saver")
        #expect(events.all.contains("stuck exporter cancelled"))
        #expect(!events.all.contains("stuck exporter finished"))
    }

    @Test("the service group stops the application first, runs its hooks, then stops the other services, and returns")
    func serviceGroupOrder() async throws {
        let events = EventLog()
        let server = TestServer()
        server.shutdownHooks.register("scheduler") { events.record("scheduler drained") }
        server.shutdownHooks.register("state saver", phase: .persist) { events.record("state saved") }
        let listening = Gate()
        let boundPort = Mutex(0)
        var dependencies = server.dependencies(handler: RecordingInteractionHandler())
        dependencies.onServerRunning = { port in
            boundPort.withLock { $0 = port }
            listening.open()
        }
        let application = try buildApplication(configuration: try server.configuration, dependencies: dependencies)
        let group = CastBotServices.serviceGroup(
            application: application,
            alongside: [StopRecordingService(name: "scheduler service", events: events)],
            shutdownPolicy: ShutdownPolicy(),
            gracefulShutdownSignals: [],
            logger: server.logger
        )
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            await listening.wait()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(boundPort.withLock { $0 } > 0)
        #expect(events.all == ["scheduler drained", "state saved", "scheduler service stopped"])
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
