import CommandLineSupport
import ArgumentParser
import CastBotBench
import Foundation

struct BenchScaleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scale",
        abstract: "Many guild schedules on the real scheduler and clock: firing lateness, paced deliveries, idle cost.",
        discussion: """
            Phase 1 starts --schedules schedules due within --spread-seconds and reports how late their \
            runs start. Phase 2 delivers one message per schedule through the real Discord REST client \
            to a local sandbox enforcing Discord's global 50 requests per second, with first runs spread \
            over --delivery-spread-seconds, and counts the sandbox's 429 answers. Phase 3 keeps the \
            schedules active and measures CPU time over --idle-seconds, then peak RSS. Build with -c release.
            """
    )

    @Option(help: "Number of guild schedules.")
    var schedules = 10_000

    @Option(help: "Phase 1: window in which all first runs fall, in seconds.")
    var spreadSeconds = 1.0

    @Option(help: "Phase 2: window over which first runs (one delivery each) fall, in seconds.")
    var deliverySpreadSeconds = 240.0

    @Option(help: "Phase 3: idle time measured, in seconds.")
    var idleSeconds = 20.0

    func validate() throws {
        guard schedules >= 1 else { throw ValidationError("--schedules must be at least 1") }
        for (name, value) in [("--spread-seconds", spreadSeconds), ("--delivery-spread-seconds", deliverySpreadSeconds), ("--idle-seconds", idleSeconds)] {
            guard value.isFinite, value >= 0, value <= 86_400 else { throw ValidationError("\(name) must be between 0 and 86400") }
        }
    }

    func run() async throws {
        let options = SchedulerScaleBench.Options(
            schedules: schedules, spread: .seconds(spreadSeconds), deliverySpread: .seconds(deliverySpreadSeconds),
            idle: .seconds(idleSeconds))
        let result = try await SchedulerScaleBench.run(options) { CommandOutput.printError($0) }
        print(result)
    }
}
