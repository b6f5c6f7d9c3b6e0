import CastBot
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// Sends requests on a fixed schedule — request `i` at `start + i / rate` — whether or not
/// earlier ones were answered, and measures each latency from its *scheduled* time, so a stall
/// shows up in the figures instead of silently delaying the requests that would have seen it
/// (no coordinated omission).
///
/// The schedule is kept by a dedicated thread and requests go through the client's event loops,
/// so the generator never waits for Swift's cooperative pool, which the server under test (and
/// its background work) shares in this process.
struct OpenLoopLoad: Sendable {
    struct Request: Sendable {
        let label: String
        let url: String
        let headers: HTTPHeaders
        let body: [UInt8]
    }

    struct Sample: Sendable {
        let label: String
        let latency: Duration
        /// HTTP status, or nil when no answer came.
        let status: Int?
        /// Whether the answer was a proper interaction reply (see `FuzzAnswer.problem`).
        let proper: Bool
    }

    struct Outcome: Sendable {
        var samples: [Sample] = []
        /// The worst delay between a request's scheduled time and its send.
        var worstSendDelay = Duration.zero
    }

    let client: HTTPClient
    let requestsPerSecond: Int
    let timeout: TimeAmount

    /// Sends `count` requests, cycling through `requests`.
    func run(_ requests: [Request], count: Int) async throws -> Outcome {
        guard !requests.isEmpty, count > 0 else { return Outcome() }
        let prepared = try requests.map { request in
            (request.label, try HTTPClient.Request(url: request.url, method: .POST, headers: request.headers, body: .bytes(request.body)))
        }
        let spacing = Duration.seconds(1) / requestsPerSecond
        let client = client
        let timeout = timeout
        return await withCheckedContinuation { continuation in
            // One pending unit per request plus one for the sending thread itself.
            let collector = Collector(pending: count + 1, continuation: continuation)
            let thread = Thread {
                let clock = ContinuousClock()
                let start = clock.now.advanced(by: .milliseconds(50))
                var worst = Duration.zero
                for index in 0..<count {
                    let scheduled = start.advanced(by: spacing * index)
                    Self.sleep(until: scheduled, on: clock)
                    worst = max(worst, clock.now - scheduled)
                    let (label, request) = prepared[index % prepared.count]
                    client.execute(request: request, deadline: .now() + timeout).whenComplete { result in
                        let latency = clock.now - scheduled
                        switch result {
                        case .success(let response):
                            let status = Int(response.status.code)
                            let body = response.body.map { Array(buffer: $0) } ?? []
                            let proper = status == 200 && FuzzAnswer(status: status, body: body).problem == nil
                            collector.add(Sample(label: label, latency: latency, status: status, proper: proper))
                        case .failure:
                            collector.add(Sample(label: label, latency: latency, status: nil, proper: false))
                        }
                    }
                }
                collector.finishSending(worstSendDelay: worst)
            }
            thread.name = "castbot-bench-open-loop"
            thread.start()
        }
    }

    /// Sleeps most of the way, then spins the last stretch, so sends are on time to within
    /// microseconds rather than the kernel's timer slack.
    private static func sleep(until instant: ContinuousClock.Instant, on clock: ContinuousClock) {
        let spin = Duration.microseconds(200)
        let remaining = clock.now.duration(to: instant)
        if remaining > spin {
            let (seconds, attoseconds) = (remaining - spin).components
            Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
        }
        while clock.now < instant {}
    }
}

/// Gathers samples from the client's event loops and resumes the caller when every request has
/// been answered (or failed) and the sending thread is done.
private final class Collector: Sendable {
    private struct State {
        var outcome = OpenLoopLoad.Outcome()
        var pending: Int
        var continuation: CheckedContinuation<OpenLoopLoad.Outcome, Never>?
    }

    private let state: Mutex<State>

    init(pending: Int, continuation: CheckedContinuation<OpenLoopLoad.Outcome, Never>) {
        state = Mutex(State(pending: pending, continuation: continuation))
    }

    func add(_ sample: OpenLoopLoad.Sample) {
        finish { $0.outcome.samples.append(sample) }
    }

    func finishSending(worstSendDelay: Duration) {
        finish { $0.outcome.worstSendDelay = worstSendDelay }
    }

    private func finish(_ update: (inout State) -> Void) {
        let done = state.withLock { state -> (CheckedContinuation<OpenLoopLoad.Outcome, Never>, OpenLoopLoad.Outcome)? in
            update(&state)
            state.pending -= 1
            guard state.pending == 0, let continuation = state.continuation else { return nil }
            state.continuation = nil
            return (continuation, state.outcome)
        }
        if let (continuation, outcome) = done { continuation.resume(returning: outcome) }
    }
}
