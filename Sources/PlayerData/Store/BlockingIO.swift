import Dispatch

/// Where PlayerData's blocking system calls run: file reads, scans, fsync and flock wait on the
/// disk or on another process, and doing that on Swift's cooperative pool (one thread per core,
/// two here) would stall every other task of the bot for as long as a 100 MB read or a held lock
/// lasts. These threads belong to Dispatch and may block freely. The bot uses it too (gzip and
/// hashing of large exports).
package enum BlockingIO {
    /// Concurrent, so one slow read does not hold up a small one; Dispatch adds threads while
    /// the ones it has are blocked, and idle threads go away.
    private static let queue = marked(DispatchQueue(label: "castbot.playerdata.blocking-io", qos: .userInitiated, attributes: .concurrent))

    /// Set on every queue of ours, so code (and tests) can tell where it runs.
    private static let marker = DispatchSpecificKey<Bool>()

    /// True on the threads of `run` and of `BlockingSerialExecutor`, false on the cooperative pool.
    static var isCurrentThreadBlockingIO: Bool {
        DispatchQueue.getSpecific(key: marker) == true
    }

    static func marked(_ queue: DispatchQueue) -> DispatchQueue {
        queue.setSpecific(key: marker, value: true)
        return queue
    }

    /// Runs `body` on the blocking-I/O queue and resumes the caller with its outcome.
    package static func run<T: Sendable, Failure: Error>(
        _ body: @escaping @Sendable () throws(Failure) -> T
    ) async throws(Failure) -> T {
        let outcome: Result<T, Failure> = await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: Result { () throws(Failure) in try body() })
            }
        }
        return try outcome.get()
    }
}

/// A serial executor on its own Dispatch queue, for actors whose methods make blocking system
/// calls: their jobs then run there instead of on the cooperative pool, while callers keep the
/// actor's ordinary `await` API and its one-at-a-time guarantee.
final class BlockingSerialExecutor: SerialExecutor {
    private let queue: DispatchQueue

    init(label: String) {
        queue = BlockingIO.marked(DispatchQueue(label: label, qos: .userInitiated))
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async {
            job.runSynchronously(on: executor)
        }
    }

    /// Lets the runtime confirm isolation (`assumeIsolated`) from a synchronous context.
    func checkIsolated() {
        dispatchPrecondition(condition: .onQueue(queue))
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}
