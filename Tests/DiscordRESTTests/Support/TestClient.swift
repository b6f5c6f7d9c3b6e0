import CastBotTestSupport
import AsyncHTTPClient
import Clocks
import DiscordREST
import Logging

/// A real ``HTTPDiscordClient`` pointed at a scripted loopback server, on a test clock, with
/// captured logs and metrics.
struct TestClient {
    static let botToken = "MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs"

    let client: HTTPDiscordClient
    let clock: TestClock<Duration>
    /// Sleeps of the client on `clock`.
    let sleeps: SleepWatcher
    let logs: CapturingLogHandler.Store
    let metrics: RecordingMetricsFactory

    init(server: ScriptedHTTPServer, configure: (inout HTTPDiscordClientConfiguration) -> Void = { _ in }) {
        self.init(baseURL: server.baseURL, configure: configure)
    }

    /// - Parameter clock: the client's clock; pass the server's own when it waits too.
    init(
        baseURL: String, clock: TestClock<Duration> = TestClock(),
        configure: (inout HTTPDiscordClientConfiguration) -> Void = { _ in }
    ) {
        var configuration = HTTPDiscordClientConfiguration()
        configuration.baseURL = baseURL
        configuration.version = "9.9.9"
        configure(&configuration)
        let (logger, logs) = CapturingLogHandler.logger()
        let sleeps = SleepWatcher()
        let metrics = RecordingMetricsFactory()
        client = HTTPDiscordClient(
            token: DiscordToken(Self.botToken),
            configuration: configuration,
            clock: WatchedTestClock(base: clock, watcher: sleeps),
            logger: logger,
            metricsFactory: metrics,
            random: { 1 }
        )
        self.clock = clock
        self.sleeps = sleeps
        self.logs = logs
        self.metrics = metrics
    }
}
