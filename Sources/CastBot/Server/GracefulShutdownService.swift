import Logging
import ServiceLifecycle

/// A service that idles until graceful shutdown, then runs the shutdown sequence. It is listed
/// first among the application's services; shutdown goes in reverse order, so it runs only after
/// the HTTP server has stopped accepting and finished its open requests.
struct GracefulShutdownService: Service, CustomStringConvertible {
    let sequence: ShutdownSequence

    func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            // Cancelled rather than shut down gracefully: nothing may wait any more.
            return
        }
        sequence.logger.info("graceful shutdown: finishing running work")
        await sequence.run()
        sequence.logger.info("graceful shutdown complete")
    }

    var description: String { "GracefulShutdownService" }
}
