import CastBot
import Synchronization

/// Sends `cases` mutated bodies through `send` with `concurrency` requests in flight and checks
/// every answer. Case `i` is a pure function of (`seed`, `i`), so any failure can be replayed
/// alone with `body(ofCase:)`.
package struct FuzzCampaign: Sendable {
    package var cases: Int
    package var seed: UInt64
    package var concurrency: Int
    let mutator: FuzzMutator

    package init(seeds: [FuzzSeed], cases: Int, seed: UInt64 = 1, concurrency: Int = 8) {
        self.cases = max(0, cases)
        self.seed = seed
        self.concurrency = max(1, concurrency)
        self.mutator = FuzzMutator(seeds: seeds)
    }

    /// The seed, mutation and body of case `index`.
    package func body(ofCase index: Int) -> (seedName: String, mutation: FuzzMutation, body: [UInt8]) {
        var random = FuzzRandom(campaignSeed: seed, caseIndex: index)
        let mutations = FuzzMutation.allCases
        // Mutations in turn, so every kind gets an equal share; the seed at random.
        let mutation = mutations[index % mutations.count]
        guard let parsed = random.pick(mutator.corpus) else { return ("none", mutation, []) }
        return (parsed.seed.name, mutation, mutator.mutate(parsed, with: mutation, using: &random))
    }

    /// - Parameter send: delivers a body, signed, to the interactions endpoint; throws when no
    ///   HTTP answer came back.
    package func run(
        send: @escaping @Sendable ([UInt8]) async throws -> FuzzAnswer,
        progress: @escaping @Sendable (_ done: Int) -> Void = { _ in }
    ) async -> FuzzReport {
        let started = ContinuousClock.now
        let next = SharedCounter()
        let done = SharedCounter()
        var report = await withTaskGroup(of: FuzzReport.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    var partial = FuzzReport()
                    while true {
                        let index = next.increment() - 1
                        guard index < cases else { return partial }
                        await runCase(index, send: send, into: &partial)
                        let finished = done.increment()
                        if finished % 1_000 == 0 { progress(finished) }
                    }
                }
            }
            var merged = FuzzReport()
            for await partial in group { merged.merge(partial) }
            return merged
        }
        report.seeds = mutator.corpus.count
        report.elapsed = ContinuousClock.now - started
        return report
    }

    private func runCase(_ index: Int, send: @Sendable ([UInt8]) async throws -> FuzzAnswer, into report: inout FuzzReport) async {
        let (seedName, mutation, body) = body(ofCase: index)
        report.cases += 1
        report.casesByMutation[mutation, default: 0] += 1
        let failure = { (problem: String) in
            FuzzFailure(caseIndex: index, seedName: seedName, mutation: mutation, problem: problem, bodyExcerpt: FuzzFailure.excerpt(body))
        }
        do {
            let answer = try await send(body)
            report.statusCounts[answer.status, default: 0] += 1
            if answer.status == 200, let type = answer.responseType { report.responseTypeCounts[type, default: 0] += 1 }
            if let problem = answer.problem { report.record(failure(problem)) }
        } catch {
            report.transportErrors += 1
            report.record(failure("no HTTP answer: \(error)"))
        }
    }
}

/// A counter shared by concurrent workers.
private final class SharedCounter: Sendable {
    private let value = Atomic<Int>(0)

    /// Adds one and returns the new value.
    func increment() -> Int {
        value.add(1, ordering: .relaxed).newValue
    }
}
