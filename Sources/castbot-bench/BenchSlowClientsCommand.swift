import ArgumentParser
import CastBotBench
import CommandLineSupport
import HTTPConnectionGuard

struct BenchSlowClientsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slow-clients",
        abstract: "Slow heads, slow bodies and idle keep-alives against the real interactions server on loopback.",
        discussion: """
            Starts the interactions server in this process on 127.0.0.1 with the given limits, opens up to \
            --connections slow connections (a third each: a request head that never ends, a body that \
            stops after 5 of 100,000 bytes, an idle keep-alive after one GET /healthz; the first two \
            trickle a byte a second), sends a signed PING every 20 ms over one kept-alive connection \
            throughout, and after --seconds shuts the server down gracefully with what is still open. \
            Reports connections held, descriptors used (server and clients share this process), PING \
            p99 and the time to shut down. Needs a descriptor limit (ulimit -n) above --connections \
            plus twice --max-connections. Build with -c release.
            """
    )

    @Option(help: "Slow connections to attempt.")
    var connections = 10_000

    @Option(help: "Seconds to hold them (and PING) before shutting down.")
    var seconds = 15.0

    @Option(help: "The server's request read timeout in seconds (CASTBOT_HTTP_READ_TIMEOUT_SECONDS).")
    var readTimeout = 5.0

    @Option(help: "The server's keep-alive idle timeout in seconds (CASTBOT_HTTP_IDLE_TIMEOUT_SECONDS).")
    var idleTimeout = 60.0

    @Option(help: "The server's connection cap (CASTBOT_HTTP_MAX_CONNECTIONS).")
    var maxConnections = HTTPConnectionLimits.defaultMaxConnections

    @Option(help: "The shutdown grace in seconds (CASTBOT_SHUTDOWN_GRACE_SECONDS).")
    var grace = 10.0

    func validate() throws {
        guard (1...20_000).contains(connections) else { throw ValidationError("--connections must be 1 to 20000") }
        guard (1...100_000).contains(maxConnections) else { throw ValidationError("--max-connections must be 1 to 100000") }
        for (name, value, range) in [
            ("--seconds", seconds, 1.0...600), ("--read-timeout", readTimeout, 0.05...600),
            ("--idle-timeout", idleTimeout, 0.05...3600), ("--grace", grace, 0...600),
        ] where !(value.isFinite && range.contains(value)) {
            throw ValidationError("\(name) must be \(range.lowerBound) to \(range.upperBound) seconds")
        }
    }

    func run() async throws {
        try await CommandOutput.runReportingFailure {
            let limits = HTTPConnectionLimits(
                requestReadTimeout: .seconds(readTimeout), idleTimeout: .seconds(idleTimeout), maxConnections: maxConnections)
            let options = SlowClientBench.Options(
                connections: connections, hold: .seconds(seconds), limits: limits, shutdownGrace: .seconds(grace))
            let report = try await SlowClientBench(options: options).run { CommandOutput.printError($0) }
            print(report)
        }
    }
}
