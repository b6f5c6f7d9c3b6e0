import Logging
import Synchronization

/// Runs the shutdown participants phase by phase, each phase bounded by its timeout on the
/// injected clock. A participant still running when time is up is cancelled and named in the log.
struct ShutdownSequence: Sendable {
    let participants: @Sendable (ShutdownPhase) -> [any ShutdownParticipant]
    let policy: ShutdownPolicy
    let clock: any Clock<Duration>
    let logger: Logger

    func run() async {
        for phase in ShutdownPhase.allCases {
            await run(phase, participants(phase))
        }
    }

    private func run(_ phase: ShutdownPhase, _ participants: [any ShutdownParticipant]) async {
        guard !participants.isEmpty else { return }
        let timeout = policy.timeout(for: phase)
        let unfinished = UnfinishedNames(participants.map(\.shutdownName))
        // The deadline is fixed before any participant starts, so the budget covers all of their work.
        let finishedInTime = FirstOutcome<Bool>()
        let timer = Deadline.schedule(on: clock, after: timeout) { finishedInTime.decide(false) }
        let work = Task {
            await withTaskGroup(of: Void.self) { group in
                for participant in participants {
                    group.addTask {
                        await participant.shutdown()
                        unfinished.remove(participant.shutdownName)
                    }
                }
            }
        }
        Task {
            await work.value
            finishedInTime.decide(true)
        }
        if await finishedInTime.wait(orOnCancel: false) {
            timer.cancel()
            logger.info("shutdown phase finished", metadata: ["phase": "\(phase)", "participants": "\(participants.count)"])
        } else {
            work.cancel()
            let names = unfinished.sorted
            logger.warning(
                "shutdown phase timed out; cancelled what was still running",
                metadata: ["phase": "\(phase)", "timeout": "\(timeout)", "unfinished": "\(names.joined(separator: ", "))"]
            )
        }
    }
}

/// Names of the participants of a phase that have not returned yet.
private final class UnfinishedNames: Sendable {
    private let names: Mutex<Set<String>>

    init(_ names: [String]) {
        self.names = Mutex(Set(names))
    }

    func remove(_ name: String) {
        _ = names.withLock { $0.remove(name) }
    }

    var sorted: [String] { names.withLock { $0.sorted() } }
}
