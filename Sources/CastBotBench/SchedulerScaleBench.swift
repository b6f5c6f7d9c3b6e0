import CastBot
import DiscordModels
import DiscordREST
import DiscordSandbox
import Foundation
import Logging
import Scheduling

/// Many guild schedules on the real `Scheduler` with a real clock:
/// 1. firing: `SchedulerLatencyBenchmark` — every schedule due within `spread`, trivial runs;
/// 2. delivery: every schedule's first run posts a message through the real `HTTPDiscordClient`
///    to a `DiscordSandbox` on loopback that enforces Discord's global 50 requests per second;
///    the sandbox's request log gives the request rate and the 429s;
/// 3. idle: the schedules stay active (next runs an hour away) while CPU time is measured.
public enum SchedulerScaleBench {
    public struct Options: Sendable {
        public var schedules: Int
        /// Phase 1: all first runs fall within this window.
        public var spread: Duration
        /// Phase 2: first runs fall evenly over this window (10,000 over 240 s is about 42 per second).
        public var deliverySpread: Duration
        public var idle: Duration

        public init(schedules: Int = 10_000, spread: Duration = .seconds(1), deliverySpread: Duration = .seconds(240), idle: Duration = .seconds(20)) {
            self.schedules = schedules
            self.spread = spread
            self.deliverySpread = deliverySpread
            self.idle = idle
        }
    }

    public struct Result: Sendable, CustomStringConvertible {
        public var firing: SchedulerLatencyBenchmark.Result
        public var deliveryLateness: LatencySummary
        public var delivered: Int
        public var failed: Int
        public var failureSamples: [String]
        public var deliveryWall: Duration
        public var requests: Int
        public var rateLimited: Int
        public var maxRequestsInOneSecond: Int
        public var idle: Duration
        public var idleCPU: Duration
        public var idleLoopWakeUps: Int
        public var activeSchedulesWhileIdle: Int
        public var peakResidentBytes: Int

        public var description: String {
            let idleShare = Self.seconds(idleCPU) / max(Self.seconds(idle), 0.001) * 100
            var lines = [
                "firing: \(firing)",
                "delivery: \(delivered) delivered, \(failed) failed in \(Self.fixed(Self.seconds(deliveryWall), 1)) s; run start lateness \(deliveryLateness)",
                "  sandbox saw \(requests) requests, at most \(maxRequestsInOneSecond) in any one second, \(rateLimited) answered 429",
            ]
            lines += failureSamples.map { "  failure: \($0)" }
            lines.append(
                "idle: \(activeSchedulesWhileIdle) active schedules, CPU \(LatencySummary.milliseconds(idleCPU)) over "
                    + "\(Self.fixed(Self.seconds(idle), 0)) s (\(Self.fixed(idleShare, 3)) % of one core), scheduler loop woke \(idleLoopWakeUps) times")
            lines.append("peak RSS: \(Self.fixed(Double(peakResidentBytes) / 1_048_576, 1)) MiB")
            return lines.joined(separator: "\n")
        }

        static func seconds(_ duration: Duration) -> Double {
            DurationText.timeInterval(duration)
        }

        static func fixed(_ value: Double, _ digits: Int) -> String {
            String(format: "%.\(digits)f", value)
        }
    }

    public static func run(_ options: Options, log: @Sendable (String) -> Void = { _ in }) async throws -> Result {
        log("phase 1: \(options.schedules) schedules due within \(options.spread)…")
        let firing = try await SchedulerLatencyBenchmark.run(schedules: options.schedules, spread: options.spread)
        log("  \(firing)")
        return try await deliverAndIdle(options, firing: firing, log: log)
    }

    private static func deliverAndIdle(
        _ options: Options, firing: SchedulerLatencyBenchmark.Result, log: @Sendable (String) -> Void
    ) async throws -> Result {
        let clock = ContinuousClock()
        let quiet = Logger(label: "castbot.bench.scale", factory: { _ in SwiftLogNoOpLogHandler() })
        let sandbox = DiscordSandbox(logger: quiet)
        let baseURL = try await sandbox.start()
        defer { Task { await sandbox.stop() } }
        let guild = await sandbox.addGuild(name: "Scale")
        var channels: [DiscordModels.Snowflake] = []
        for index in 0..<options.schedules {
            let channel = try await sandbox.addChannel(guildID: guild.id, name: "exports-\(index)")
            guard let id = DiscordModels.Snowflake(channel.id) else { throw ScaleBenchError("sandbox channel id \(channel.id) is not a snowflake") }
            channels.append(id)
        }
        var configuration = HTTPDiscordClientConfiguration()
        configuration.baseURL = baseURL.absoluteString
        let client = HTTPDiscordClient(
            token: DiscordREST.DiscordToken(sandbox.configuration.botToken), configuration: configuration, clock: clock, logger: quiet)

        let scheduler = Scheduler(clock: clock, logger: quiet)
        let loop = Task { await scheduler.run() }
        defer { loop.cancel() }
        let recorder = DeliveryRecorder(expected: options.schedules)
        let firstRun = Date().addingTimeInterval(1)
        let step = seconds(options.deliverySpread) / Double(options.schedules)
        let interval = try ScheduleInterval(minutes: 60)
        log("phase 2: \(options.schedules) deliveries through the REST client over \(options.deliverySpread)…")
        for (index, channel) in channels.enumerated() {
            let info = ScheduleInfo(kind: "export-server", guildID: guild.id, channelID: channel.rawValue, setByUserID: "0", typeLabel: "Server")
            let settings = ScheduleSettings(key: ScheduleKey("guild-\(index)"), cadence: .every(interval), info: info)
            try scheduler.start(settings, firstRun: .at(firstRun.addingTimeInterval(step * Double(index)))) { context in
                recorder.started(lateness: Date().timeIntervalSince(context.scheduledAt))
                do {
                    _ = try await client.createMessage(channelID: channel, payload: MessagePayload(content: "Scheduled export run \(context.runNumber)"))
                    recorder.finished(failure: nil)
                    return .success
                } catch {
                    recorder.finished(failure: "\(error)")
                    throw error
                }
            }
        }

        let deliveryStart = clock.now
        var sampler = RequestRateSampler()
        let giveUp = deliveryStart.advanced(by: options.deliverySpread + .seconds(120))
        var lastReport = deliveryStart
        while !recorder.isComplete, clock.now < giveUp {
            sampler.record(count: await sandbox.recordedRequests().count, at: clock.now - deliveryStart)
            if clock.now - lastReport >= .seconds(10) {
                lastReport = clock.now
                let counts = recorder.counts
                log("  … \(counts.delivered) delivered, \(counts.failed) failed")
            }
            try await clock.sleep(for: .milliseconds(20))
        }
        let deliveryWall = clock.now - deliveryStart
        let requests = await sandbox.recordedRequests()
        sampler.record(count: requests.count, at: deliveryWall)
        await sandbox.stop()

        log("phase 3: idle for \(options.idle) with the schedules active…")
        let wakeUpsBefore = scheduler.diagnostics().loopWakeUps
        let before = ResourceUsage.now()
        try await clock.sleep(for: options.idle)
        let after = ResourceUsage.now()
        let diagnostics = scheduler.diagnostics()
        let counts = recorder.counts

        return Result(
            firing: firing, deliveryLateness: LatencySummary(recorder.lateness), delivered: counts.delivered,
            failed: counts.failed, failureSamples: counts.samples, deliveryWall: deliveryWall, requests: requests.count,
            rateLimited: requests.filter { $0.status == 429 }.count, maxRequestsInOneSecond: sampler.maximum(),
            idle: options.idle, idleCPU: after.cpuTime - before.cpuTime, idleLoopWakeUps: diagnostics.loopWakeUps - wakeUpsBefore,
            activeSchedulesWhileIdle: diagnostics.activeSchedules, peakResidentBytes: after.peakResidentBytes)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Result.seconds(duration)
    }
}

struct ScaleBenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
