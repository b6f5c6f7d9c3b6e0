/// Runs background work round after round until cancelled; the round going on when the
/// measurement ends is cancelled and not counted.
actor BackgroundRounds {
    struct Outcome: Sendable {
        var completed = 0
        var durations: [Duration] = []
        var failures: [String] = []
    }

    private let work: (any LoadBenchBackgroundWork)?
    private var started = false
    private var startWaiters: [CheckedContinuation<Void, Never>] = []

    init(work: (any LoadBenchBackgroundWork)?) {
        self.work = work
    }

    func runUntilCancelled() async -> Outcome {
        var outcome = Outcome()
        guard let work else { return outcome }
        let clock = ContinuousClock()
        while !Task.isCancelled {
            let roundStart = clock.now
            markStarted()
            do {
                _ = try await work.runRound()
                guard !Task.isCancelled else { break }
                outcome.completed += 1
                outcome.durations.append(clock.now - roundStart)
            } catch {
                guard !Task.isCancelled else { break }
                if outcome.failures.count < 5 { outcome.failures.append("\(error)") }
            }
        }
        markStarted()
        return outcome
    }

    /// Returns once the first round has begun (or at once without work).
    func waitForFirstStart() async {
        guard work != nil, !started else { return }
        await withCheckedContinuation { startWaiters.append($0) }
    }

    private func markStarted() {
        guard !started else { return }
        started = true
        for waiter in startWaiters { waiter.resume() }
        startWaiters.removeAll()
    }
}
