import Scheduling
import CastBot
import AsyncHTTPClient
import DiscordSandbox
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

/// Interactions at a steady rate against the real server on loopback while background work (a
/// large export) runs in the same process, measured open-loop (see `OpenLoopLoad`).
package enum InteractionLoadBench {
    package struct Options: Sendable {
        package var requestsPerSecond: Int
        package var duration: Duration
        /// Sent first and not measured, so connections and caches are warm.
        package var warmUp: Duration
        /// The button clicked (its handler is whatever `castbot serve` registers for it).
        package var buttonCustomID: String
        /// Measured before the background work starts, for comparison; zero skips it.
        package var baseline: Duration

        package init(
            requestsPerSecond: Int = 200, duration: Duration = .seconds(20), warmUp: Duration = .seconds(2),
            buttonCustomID: String = "playerdata_export_status", baseline: Duration = .seconds(10)
        ) {
            self.requestsPerSecond = requestsPerSecond
            self.duration = duration
            self.warmUp = warmUp
            self.buttonCustomID = buttonCustomID
            self.baseline = baseline
        }
    }

    package struct Result: Sendable, CustomStringConvertible {
        package var requestsPerSecond: Int
        package var sent: Int
        package var overall: LatencySummary
        package var byLabel: [(label: String, latency: LatencySummary)]
        package var statusCounts: [Int: Int]
        package var noAnswer: Int
        package var improper: Int
        package var worstSendDelay: Duration
        package var background: String
        package var backgroundRounds: Int
        package var backgroundRoundTimes: LatencySummary
        package var backgroundFailures: [String]
        /// The same load without the background work, measured first; nil when skipped.
        package var baseline: LatencySummary?
        /// Load averages before and after the measurement (other processes on the machine).
        package var systemLoadBefore: String
        package var systemLoadAfter: String

        package var description: String {
            var lines: [String] = []
            if let baseline { lines.append("baseline without background work: \(baseline)") }
            lines += [
                "load: \(sent) interactions at \(requestsPerSecond)/s (open loop; latency from each request's scheduled time)",
                "  all:    \(overall)",
            ]
            lines += byLabel.map { "  \($0.label): \($0.latency)" }
            lines.append("  answers by status: " + statusCounts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
                + "; no answer: \(noAnswer); not a proper reply: \(improper)")
            lines.append("  worst delay of a send behind its schedule: \(LatencySummary.milliseconds(worstSendDelay))")
            lines.append("background: \(background)")
            lines.append("  \(backgroundRounds) rounds completed during the measurement; round time \(backgroundRoundTimes)")
            lines += backgroundFailures.map { "  background failure: \($0)" }
            lines.append("machine load average (1, 5, 15 min): \(systemLoadBefore) before, \(systemLoadAfter) after")
            return lines.joined(separator: "\n")
        }
    }

    /// - Parameters:
    ///   - dataDirectory: the bot's data folder (the background export's too, usually); nil uses
    ///     a temporary one with the built-in sample data.
    ///   - exportInBackground: keep running the scheduled all export of the data folder.
    package static func run(
        _ options: Options, dataDirectory: String?, exportInBackground: Bool, log: @Sendable (String) -> Void = { _ in }
    ) async throws -> Result {
        var temporary: String?
        defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }
        let folder: String
        if let dataDirectory {
            folder = dataDirectory
        } else {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("castbot-load-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            temporary = folder
        }
        let quiet = Logger(label: "castbot.bench.load", factory: { _ in SwiftLogNoOpLogHandler() })
        let bot = try await BenchBot.start(dataDirectory: folder, logger: quiet)
        let background: (any LoadBenchBackgroundWork)? = exportInBackground ? try await ScheduledAllExportWork(bot: bot, logger: quiet) : nil
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 512)
        // Its own event loop, so the generator's I/O does not queue behind the server's.
        let clientLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let client = HTTPClient(eventLoopGroup: clientLoops, configuration: configuration)
        do {
            let (sandbox, world) = (bot.sandbox, bot.world)
            let ping = try await sandbox.makeInteraction(.ping)
            let button = try await sandbox.makeInteraction(
                .button(customID: options.buttonCustomID), channelID: world.channel.id, userID: world.admin.id)
            let url = bot.server.interactionsURL.absoluteString
            let timestamp = String(Int(Date().timeIntervalSince1970))
            // Signed once: the bodies are fixed and the timestamp stays fresh for the run's length.
            let requests = try [("ping", ping.body), ("button \(options.buttonCustomID)", button.body)].map { label, body in
                var headers = HTTPHeaders()
                headers.add(name: "Content-Type", value: "application/json")
                headers.add(name: "X-Signature-Ed25519", value: try sandbox.signature(for: body, timestamp: timestamp))
                headers.add(name: "X-Signature-Timestamp", value: timestamp)
                return OpenLoopLoad.Request(label: label, url: url, headers: headers, body: body)
            }
            let load = OpenLoopLoad(client: client, requestsPerSecond: options.requestsPerSecond, timeout: .seconds(10))
            let rate = Double(options.requestsPerSecond)
            log("warm-up: \(options.warmUp) at \(options.requestsPerSecond)/s…")
            _ = try await load.run(requests, count: Int(rate * seconds(options.warmUp)))
            let systemLoadBefore = SystemLoad.text()
            var baseline: LatencySummary?
            if background != nil && options.baseline > .zero {
                log("baseline: \(options.baseline) at \(options.requestsPerSecond)/s without background work…")
                baseline = LatencySummary(try await load.run(requests, count: Int(rate * seconds(options.baseline))).samples.map(\.latency))
            }

            let backgroundRunner = BackgroundRounds(work: background)
            let backgroundTask = Task { await backgroundRunner.runUntilCancelled() }
            if background != nil {
                log("background: \(background?.name ?? "")")
                await backgroundRunner.waitForFirstStart()
            }
            log("measuring: \(options.duration) at \(options.requestsPerSecond)/s…")
            let measured = try await load.run(requests, count: Int(rate * seconds(options.duration)))
            backgroundTask.cancel()
            let rounds = await backgroundTask.value
            var result = summarize(
                measured.samples, options: options, worstSendDelay: measured.worstSendDelay, background: background, rounds: rounds)
            result.baseline = baseline
            result.systemLoadBefore = systemLoadBefore
            result.systemLoadAfter = SystemLoad.text()

            try await client.shutdown()
            try await clientLoops.shutdownGracefully()
            try await bot.stop()
            return result
        } catch {
            try? await client.shutdown()
            try? await clientLoops.shutdownGracefully()
            try? await bot.stop()
            throw error
        }
    }

    private static func summarize(
        _ samples: [OpenLoopLoad.Sample], options: Options, worstSendDelay: Duration, background: (any LoadBenchBackgroundWork)?,
        rounds: BackgroundRounds.Outcome
    ) -> Result {
        let labels = Array(Set(samples.map(\.label))).sorted()
        var statusCounts: [Int: Int] = [:]
        for case let status? in samples.map(\.status) { statusCounts[status, default: 0] += 1 }
        return Result(
            requestsPerSecond: options.requestsPerSecond, sent: samples.count, overall: LatencySummary(samples.map(\.latency)),
            byLabel: labels.map { label in (label, LatencySummary(samples.filter { $0.label == label }.map(\.latency))) },
            statusCounts: statusCounts, noAnswer: samples.filter { $0.status == nil }.count,
            improper: samples.filter { !$0.proper }.count, worstSendDelay: worstSendDelay,
            background: background?.name ?? "none", backgroundRounds: rounds.completed,
            backgroundRoundTimes: LatencySummary(rounds.durations), backgroundFailures: rounds.failures, baseline: nil,
            systemLoadBefore: "", systemLoadAfter: "")
    }

    private static func seconds(_ duration: Duration) -> Double {
        DurationText.timeInterval(duration)
    }
}
