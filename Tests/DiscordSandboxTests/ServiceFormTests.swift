import CastBotTestSupport
import Clocks
import DiscordSandbox
import Foundation
import Logging
import NIOHTTP1
import ServiceLifecycle
import Testing

@Suite("Running as a Service", .timeLimit(.minutes(1)))
struct ServiceFormTests {
    @Test("in a ServiceGroup the sandbox reports its bound URL and shuts down gracefully")
    func serviceGroup() async throws {
        var logger = Logger.quiet("sandbox-service-test")
        logger.logLevel = .warning
        let sandbox = DiscordSandbox(
            configuration: SandboxConfiguration(host: "127.0.0.1", port: 0), clock: TestClock(), logger: logger)
        let group = ServiceGroup(configuration: .init(services: [sandbox], logger: logger))
        let running = Task { try await group.run() }
        let baseURL = try await sandbox.waitUntilRunning()
        #expect(baseURL.absoluteString.hasPrefix("http://127.0.0.1:"))
        #expect(baseURL.path == "/api/v10")
        #expect(sandbox.baseURL == baseURL)
        let me = try await RawClient.send(
            .GET, url: baseURL.absoluteString + "/users/@me", authorization: "Bot \(sandbox.configuration.botToken)")
        #expect(me.status == 200)
        await group.triggerGracefulShutdown()
        try await running.value
        #expect(sandbox.baseURL == nil)
    }

    @Test("starting twice is refused with an explanation; a stopped sandbox can start again")
    func restart() async throws {
        var logger = Logger.quiet("sandbox-restart-test")
        logger.logLevel = .warning
        let sandbox = DiscordSandbox(clock: TestClock(), logger: logger)
        _ = try await sandbox.start()
        await #expect(throws: SandboxLifecycleError.self) { _ = try await sandbox.start() }
        await sandbox.stop()
        let again = try await sandbox.start(host: "127.0.0.1", port: 0)
        let me = try await RawClient.send(
            .GET, url: again.absoluteString + "/users/@me", authorization: "Bot \(sandbox.configuration.botToken)")
        #expect(me.status == 200)
        await sandbox.stop()
    }
}
