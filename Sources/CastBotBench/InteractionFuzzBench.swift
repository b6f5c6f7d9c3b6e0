import CastBot
import DiscordSandbox
import Foundation
import Logging

/// Fuzzes the real interactions endpoint over loopback: mutated bodies, each signed with the
/// sandbox's key (the server's configured public key), so they pass the signature check and
/// reach the envelope parser, the router and the production handlers, which read a real data
/// file and answer through the sandbox's REST API as they would through Discord's.
package enum InteractionFuzzBench {
    package struct Options: Sendable {
        package var cases: Int
        package var seed: UInt64
        package var concurrency: Int
        /// Discord's documented payloads (Tests/DiscordModelsTests/Fixtures); nil leaves them out.
        package var fixturesDirectory: String?
        /// Copied into a temporary data folder for the handlers; nil uses the built-in sample.
        package var dataFile: String?

        package init(
            cases: Int = 100_000, seed: UInt64 = 1, concurrency: Int = 8, fixturesDirectory: String? = nil, dataFile: String? = nil
        ) {
            self.cases = cases
            self.seed = seed
            self.concurrency = concurrency
            self.fixturesDirectory = fixturesDirectory
            self.dataFile = dataFile
        }
    }

    package struct Result: Sendable, CustomStringConvertible {
        package var report: FuzzReport
        /// Unmutated seeds answered as they should be: a proper 200 reply from the router, or 400
        /// for the seed of an interaction type Discord does not define.
        package var seedsAnsweredProperly: Int
        package var seedProblems: [String]

        package var description: String {
            var lines = ["unmutated seeds answered as expected: \(seedsAnsweredProperly) of \(report.seeds)"]
            lines += seedProblems.map { "  - \($0)" }
            return (lines + [report.description]).joined(separator: "\n")
        }
    }

    /// The seed, mutation and body of one case, to replay a failure by hand.
    package static func replay(caseIndex: Int, _ options: Options) async throws -> (seedName: String, mutation: FuzzMutation, body: [UInt8]) {
        try await withBot(options) { bot in
            let seeds = try await FuzzCorpus.seeds(sandbox: bot.sandbox, world: bot.world, fixturesDirectory: options.fixturesDirectory)
            return FuzzCampaign(seeds: seeds, cases: options.cases, seed: options.seed).body(ofCase: caseIndex)
        }
    }

    package static func run(_ options: Options, progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> Result {
        try await withBot(options) { bot in
            let seeds = try await FuzzCorpus.seeds(sandbox: bot.sandbox, world: bot.world, fixturesDirectory: options.fixturesDirectory)
            let (sandbox, url) = (bot.sandbox, bot.server.interactionsURL)
            let send: @Sendable ([UInt8]) async throws -> FuzzAnswer = { body in
                let delivery = try await sandbox.sendInteraction(rawBody: body, to: url)
                return FuzzAnswer(status: delivery.status, body: delivery.body)
            }
            var proper = 0
            var seedProblems: [String] = []
            for seed in seeds {
                let answer = try await send(seed.body)
                // A seed of an interaction type Discord does not define is there to be mutated; its
                // own answer is the server's 400. Every other seed must reach the router and get a reply.
                let known = (try? SandboxJSON.parse(seed.body))?["type"]?.intValue.map { (1...5).contains($0) } ?? false
                if known ? answer.status == 200 && answer.problem == nil : answer.status == 400 {
                    proper += 1
                } else {
                    seedProblems.append("\(seed.name): HTTP \(answer.status) \(answer.problem ?? FuzzFailure.excerpt(answer.body))")
                }
            }
            let campaign = FuzzCampaign(seeds: seeds, cases: options.cases, seed: options.seed, concurrency: options.concurrency)
            var report = await campaign.run(send: send, progress: progress)
            report.serverAliveAfterwards = await LoopbackProbe.isAlive(bot)
            return Result(report: report, seedsAnsweredProperly: proper, seedProblems: seedProblems)
        }
    }

    /// Runs `body` against a bot with a temporary data folder, and cleans up after it.
    private static func withBot<T: Sendable>(_ options: Options, _ body: (BenchBot) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("castbot-fuzz-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        if let dataFile = options.dataFile {
            try FileManager.default.copyItem(atPath: dataFile, toPath: "\(folder)/playerData.json")
        }
        let bot = try await BenchBot.start(dataDirectory: folder)
        do {
            let result = try await body(bot)
            try await bot.stop()
            return result
        } catch {
            try? await bot.stop()
            throw error
        }
    }
}
