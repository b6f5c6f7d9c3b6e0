import Foundation
import Synchronization

/// One `castbot serve` replica of `castbot-bench cluster`: a fixed port and data folder that
/// successive processes (lives) use after each kill. It is *live* from a life's first 200 on
/// `/healthz` until the bench decides to kill it; probes go only to live replicas.
final class ClusterReplica: Sendable {
    let index: Int
    let port: Int
    let dataDirectory: String
    let origin: String
    let interactionsURL: URL
    private let program: String
    private let environment: [String: String]
    private let logFolder: String
    private let state = Mutex(State())

    private struct State {
        var process: ServeProcess?
        var live = false
        var probing = false
        var lives = 0
        var pids: [Int32] = []
        var peakResidentBytes = 0
        var probesAnswered = 0
        var probesFailed = 0
        var probeLatencies: [Duration] = []
        var firstFailure: String?
    }

    init(index: Int, program: String, environment: [String: String], port: Int, dataDirectory: String, logFolder: String) throws {
        self.index = index
        self.program = program
        self.environment = environment
        self.port = port
        self.dataDirectory = dataDirectory
        self.logFolder = logFolder
        origin = "http://127.0.0.1:\(port)"
        guard let url = URL(string: origin + "/interactions") else { throw BenchFailure("bad replica URL \(origin)") }
        interactionsURL = url
    }

    var name: String { "r\(index + 1)" }

    /// Starts a new life and waits for its `/healthz`; it is live from then on.
    func start() async throws {
        let life = state.withLock { state in
            state.lives += 1
            return state.lives
        }
        let process = try ServeProcess(program: program, environment: environment, logPath: "\(logFolder)/\(name)-life\(life).log")
        state.withLock { state in
            state.process = process
            state.pids.append(process.pid)
        }
        try await process.waitUntilHealthy(origin: origin)
        state.withLock { $0.live = true }
    }

    /// Ends probing, waits for a probe in flight (at most 10 s, so a kill never fails a probe the
    /// replica was answering), samples its memory a last time and SIGKILLs it.
    func kill() async {
        await endProbing()
        state.withLock { $0.process }?.killAtOnce()
    }

    /// Ends probing as `kill` does, then SIGTERM as a rolling restart stops a replica, returning
    /// once it has exited (SIGKILL after its 10-second shutdown grace and a margin).
    func stopGracefully() async {
        await endProbing()
        let process = state.withLock { $0.process }
        await Task.detached { process?.stop(grace: 15) }.value
    }

    /// Marks the replica not live, waits for a probe in flight (at most 10 s) and samples its
    /// memory a last time.
    private func endProbing() async {
        state.withLock { $0.live = false }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(10))
        while state.withLock({ $0.probing }), clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        sampleMemory()
    }

    /// SIGTERM, as an operator stops the service; SIGKILL after 10 s.
    func stop() {
        state.withLock { $0.live = false }
        sampleMemory()
        state.withLock { $0.process }?.stop()
    }

    /// Folds the current life's VmHWM into the replica's peak (a killed life's figure is lost
    /// with it, so this runs every probe round and before every kill).
    func sampleMemory() {
        guard let process = state.withLock({ $0.process }), process.isRunning,
            let sample = try? ProcessSample.read(pid: process.pid)
        else { return }
        state.withLock { $0.peakResidentBytes = max($0.peakResidentBytes, sample.peakResidentBytes) }
    }

    /// Runs `probe` if the replica is live, counting its outcome; a replica being killed waits for it.
    func probeIfLive(_ probe: @Sendable () async -> (InteractionSample?, String?)) async {
        let begun = state.withLock { state in
            guard state.live, !state.probing else { return false }
            state.probing = true
            return true
        }
        guard begun else { return }
        let (sample, failure) = await probe()
        state.withLock { state in
            state.probing = false
            if let sample, sample.accepted {
                state.probesAnswered += 1
                state.probeLatencies.append(sample.latency)
            } else {
                state.probesFailed += 1
                if state.firstFailure == nil { state.firstFailure = failure ?? sample?.content ?? "rejected" }
            }
        }
    }

    var isRunning: Bool { state.withLock { $0.process }?.isRunning ?? false }
    var pids: [Int32] { state.withLock { $0.pids } }
    var currentPID: Int32? { state.withLock { $0.process?.pid } }

    func logTail() -> String { state.withLock { $0.process }?.logTail() ?? "" }

    /// What the report prints for this replica.
    var figures: ClusterReport.Replica {
        state.withLock { state in
            ClusterReport.Replica(
                name: name, pids: state.pids, lives: state.lives, peakResidentBytes: state.peakResidentBytes,
                probesAnswered: state.probesAnswered, probesFailed: state.probesFailed, probe: LatencySummary(state.probeLatencies),
                firstProbeFailure: state.firstFailure)
        }
    }
}
