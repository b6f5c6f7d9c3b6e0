import CastBot
import Foundation
import HTTPConnectionGuard
import Logging
import Prometheus
import ServiceLifecycle

/// The real HTTP application (`buildApplication`: signature check, size limit, envelope, routing,
/// `/healthz`, `/metrics`) listening on 127.0.0.1 at a free port, in this process, for the
/// benches and tests that drive it over loopback.
package final class LoopbackInteractionServer: Sendable {
    /// `http://127.0.0.1:<port>`.
    package let origin: URL
    /// The server's connections: open, turned away at the cap, closed for slowness.
    package let connections: HTTPConnectionGauge
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    package var interactionsURL: URL { origin.appendingPathComponent("interactions") }

    private init(origin: URL, connections: HTTPConnectionGauge, group: ServiceGroup, task: Task<Void, any Error>) {
        self.origin = origin
        self.connections = connections
        self.group = group
        self.task = task
    }

    /// Starts the application with `handler` (the one `castbot serve` uses, see
    /// `BotAssembly`) on 127.0.0.1 at a free port; `configuration` supplies the
    /// interaction public key.
    package static func start(
        handler: any InteractionHandler,
        configuration: CastBotConfiguration,
        logger: Logger = Logger(label: "castbot.bench.server", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws -> LoopbackInteractionServer {
        var configuration = configuration
        configuration.httpHost = "127.0.0.1"
        configuration.httpPort = 0
        let registry = PrometheusCollectorRegistry()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let connections = HTTPConnectionGauge()
        let dependencies = ApplicationDependencies(
            interactionHandler: handler,
            prometheusRegistry: registry,
            metrics: CastBotMetrics(factory: ProcessBootstrap.makeMetricsFactory(registry: registry)),
            logger: logger,
            followUpDrainTimeout: configuration.shutdownGrace,
            connectionGauge: connections,
            onServerRunning: { port in
                portContinuation.yield(port)
                portContinuation.finish()
            }
        )
        let application = try buildApplication(configuration: configuration, dependencies: dependencies)
        let group = CastBotServices.serviceGroup(
            application: application, alongside: [], gracefulShutdownSignals: [], grace: configuration.shutdownGrace,
            logger: logger)
        let task = Task {
            defer { portContinuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), let origin = URL(string: "http://127.0.0.1:\(port)") else {
            task.cancel()
            try await task.value
            throw LoopbackServerError()
        }
        return LoopbackInteractionServer(origin: origin, connections: connections, group: group, task: task)
    }

    /// Shuts the application down gracefully and waits until it has stopped.
    package func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }
}

/// The application stopped before it was listening.
package struct LoopbackServerError: Error, CustomStringConvertible {
    package var description: String { "the interactions server stopped before it was listening" }
}
