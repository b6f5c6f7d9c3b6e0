import CommandLineSupport
import ArgumentParser
import CastBotBench
import Foundation

struct BenchFuzzCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Fuzz the interactions endpoint of the real server on loopback with signed, mutated bodies.",
        discussion: """
            Seeds are the sandbox's interactions for every command, button and modal, and Discord's \
            documented payloads. Mutations: byte flips, truncation, type confusion, huge numbers, deep \
            nesting, unicode, missing fields, wrong component types, oversized strings, modal values, \
            duplicate keys, splices and stacks of these. Every answer must be a 4xx or a 200 with a \
            known interaction response type; exits 1 otherwise. Run from the package root (or pass --fixtures).
            """
    )

    @Option(help: "Number of mutated bodies to send.")
    var cases = 100_000

    @Option(help: "Campaign seed; the same seed sends the same bodies.")
    var seed: UInt64 = 1

    @Option(help: "Requests in flight at once.")
    var concurrency = 8

    @Option(help: "Folder of Discord's documented payloads used as extra seeds.")
    var fixtures = "Tests/DiscordModelsTests/Fixtures"

    @Option(help: "Data file the handlers read (default: fixtures/castbot/playerData-2026-03-14T17-16-30.json in $CASTBOT_SHARED_DIR or ../shared, else the built-in sample).")
    var data: String?

    @Option(help: "Print the body of this case (to standard output) instead of running the campaign.")
    var replay: Int?

    func validate() throws {
        guard cases >= 0 else { throw ValidationError("--cases must be 0 or more") }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        guard FileManager.default.fileExists(atPath: fixtures) else {
            throw ValidationError("no fixtures folder at '\(fixtures)'; run from the package root or pass --fixtures PATH")
        }
    }

    func run() async throws {
        let realData = data ?? BenchRunCommand.defaultSource()
        let options = InteractionFuzzBench.Options(
            cases: cases, seed: seed, concurrency: concurrency, fixturesDirectory: fixtures,
            dataFile: FileManager.default.fileExists(atPath: realData) ? realData : nil)
        if let replay {
            let (seedName, mutation, body) = try await InteractionFuzzBench.replay(caseIndex: replay, options)
            CommandOutput.printError("case \(replay): \(mutation.rawValue) of \(seedName), \(body.count) bytes")
            FileHandle.standardOutput.write(Data(body))
            return
        }
        let total = cases
        let result = try await InteractionFuzzBench.run(options) { done in
            CommandOutput.printError("… \(done) of \(total)")
        }
        print(result)
        let clean = result.report.failureCount == 0 && result.report.serverAliveAfterwards == true && result.seedProblems.isEmpty
        if !clean { throw ExitCode(1) }
    }
}
