@testable import CastBot
import Logging
import Prometheus
import ServiceLifecycle

/// The bot's HTTP application running on a loopback port chosen by the system.
struct RunningBot: Sendable {
    let port: Int
    private let group: ServiceGroup
    private let serving: Task<Void, any Error>

    /// Starts the application on `configuration.httpHost`, port 0, with `router` as its handler,
    /// and `services` (the scheduler) beside it.
    static func start(
        configuration: CastBotConfiguration, router: InteractionRouter, alongside services: [any Service] = [], logger: Logger
    ) async throws -> RunningBot {
        var configuration = configuration
        configuration.httpPort = 0
        let running = AsyncStream<Int>.makeStream()
        let application = try buildApplication(
            configuration: configuration,
            dependencies: ApplicationDependencies(
                interactionHandler: router, prometheusRegistry: PrometheusCollectorRegistry(), logger: logger,
                onServerRunning: { port in running.continuation.yield(port) }))
        let group = CastBotServices.serviceGroup(
            application: application, alongside: services, gracefulShutdownSignals: [], logger: logger)
        // A server that fails to start ends the stream, so the wait below never outlives it.
        let serving = Task {
            defer { running.continuation.finish() }
            try await group.run()
        }
        var ports = running.stream.makeAsyncIterator()
        guard let port = await ports.next() else {
            serving.cancel()
            throw HarnessFailure("the bot's server did not start")
        }
        return RunningBot(port: port, group: group, serving: serving)
    }

    var interactionsURL: String { "http://127.0.0.1:\(port)/interactions" }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await serving.value
    }
}
