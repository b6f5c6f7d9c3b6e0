import AsyncHTTPClient
import CastBot
import DiscordSandbox
import Foundation
import LocalServers
import Logging
import NIOCore
import NIOHTTP1
import Scheduling

/// `castbot-bench startup`: `castbot serve` starting over a state database of many schedules.
///
/// The state database is seeded directly (through `SQLiteStateStorage`, as `castbot serve` would
/// have written it): `--schedules` server-export schedules, `resume`, daily at minutes spread over
/// the whole day (the first due a quarter of an hour after seeding, so no run falls in the
/// measurement), each with its last settings, a last delivered export and one history row. Then
/// the real `castbot serve` starts on a copy of it, against a DiscordSandbox, with its admin
/// listener on, and is measured from outside: spawn to the first `/healthz` 200, then `/metrics`
/// and `/status` (pages 1 and the last) answered one after another, the peak RSS (VmHWM), and
/// SIGTERM to exit. With `reference` the same is measured for that binary on its own copy first.
package enum StartupBench {
    package struct Options: Sendable {
        package var castbot: String
        package var reference: String?
        package var dataFile: String
        package var workFolder: String
        package var schedules: Int
        package var requests: Int

        package init(castbot: String, reference: String?, dataFile: String, workFolder: String, schedules: Int, requests: Int) {
            self.castbot = castbot
            self.reference = reference
            self.dataFile = dataFile
            self.workFolder = workFolder
            self.schedules = schedules
            self.requests = requests
        }
    }

    /// One binary's figures.
    package struct Figures: Sendable {
        package var binary = ""
        package var startupSeconds = 0.0
        package var metrics = LatencySummary([])
        package var statusFirstPage = LatencySummary([])
        package var statusLastPage = LatencySummary([])
        package var peakRSSBytes = 0
        package var shutdownSeconds = 0.0
        package var metricsBytes = 0
        package var statusBytes = 0
    }

    package struct Report: Sendable, CustomStringConvertible {
        package var settings: [(String, String)] = []
        package var seedSeconds = 0.0
        package var reference: Figures?
        package var candidate = Figures()

        private func seconds(_ duration: Duration) -> Double { StartupBench.seconds(duration) }

        package var description: String {
            var lines = settings.map { "\($0.0): \($0.1)" }
            lines.append("seeding the state database (not measured): \(ScaleReport.fixed(seedSeconds, 1)) s")
            lines.append("")
            func row(_ name: String, _ value: (Figures) -> String, target: String) {
                var line = name.padding(toLength: 34, withPad: " ", startingAt: 0)
                if let reference { line += value(reference).padding(toLength: 64, withPad: " ", startingAt: 0) }
                line += value(candidate).padding(toLength: 64, withPad: " ", startingAt: 0) + target
                lines.append(line)
            }
            row("figure", { $0.binary }, target: "target")
            row("spawn to /healthz 200", { ScaleReport.fixed($0.startupSeconds, 2) + " s" }, target: "≤ 3 s")
            row("peak RSS (VmHWM)", { ScaleReport.fixed(Double($0.peakRSSBytes) / 1_048_576, 1) + " MiB" }, target: "≤ 256 MiB")
            row("/metrics", { "\($0.metrics) \($0.metricsBytes) B" }, target: "≤ 50 ms")
            row("/status (page 1)", { "\($0.statusFirstPage) \($0.statusBytes) B" }, target: "≤ 50 ms")
            row("/status (last page)", { "\($0.statusLastPage)" }, target: "≤ 50 ms")
            row("SIGTERM to exit", { ScaleReport.fixed($0.shutdownSeconds, 2) + " s" }, target: "")
            if let reference {
                lines.append("")
                lines.append(
                    "ratios (candidate / reference): start-up "
                        + ScaleReport.fixed(candidate.startupSeconds / max(reference.startupSeconds, 0.001), 2) + "x, peak RSS "
                        + ScaleReport.fixed(Double(candidate.peakRSSBytes) / Double(max(reference.peakRSSBytes, 1)), 2) + "x, /metrics p50 "
                        + ScaleReport.fixed(seconds(candidate.metrics.p50) / max(seconds(reference.metrics.p50), 0.000_001), 2) + "x, /status p50 "
                        + ScaleReport.fixed(seconds(candidate.statusFirstPage.p50) / max(seconds(reference.statusFirstPage.p50), 0.000_001), 2) + "x")
            }
            lines.append("")
            lines.append("how measured: spawn of `castbot serve` to its first /healthz 200 (polled every 10 ms); then /metrics, /status and")
            lines.append("/status?page=<last> requested one at a time, each timed from send to the whole body; VmHWM from /proc after them.")
            return lines.joined(separator: "\n")
        }
    }

    package static func run(_ options: Options, log: @escaping @Sendable (String) -> Void) async throws -> Report {
        try await DiscordSandbox.withQuietSandbox(label: "castbot.bench.startup") { sandbox, apiBaseURL in
            try await run(options, sandbox: sandbox, apiBaseURL: apiBaseURL, log: log)
        }
    }

    private static func run(
        _ options: Options, sandbox: DiscordSandbox, apiBaseURL: URL, log: @escaping @Sendable (String) -> Void
    ) async throws -> Report {
        var report = Report()
        let seedFolder = options.workFolder + "/seed"
        try? FileManager.default.removeItem(atPath: seedFolder)
        try FileManager.default.createDirectory(atPath: seedFolder, withIntermediateDirectories: true)
        log("seeding \(options.schedules) schedules into \(seedFolder)/\(SQLiteStateStorage.defaultFileName)…")
        let seedStart = Date()
        let firstDue = try await seed(options.schedules, into: seedFolder)
        report.seedSeconds = Date().timeIntervalSince(seedStart)
        report.settings = [
            ("machine", "\(ProcessInfo.processInfo.activeProcessorCount) cores (nproc), \(ProcessInfo.processInfo.physicalMemory / 1_048_576) MiB"),
            ("schedules", "\(options.schedules) server exports, restart policy resume, daily at minutes spread over 24 h from \(firstDue) UTC"),
            ("state database", "one row per schedule (status, last settings, last export) and one run-history row each"),
            ("data file", options.dataFile),
            ("requests", "\(options.requests) of each, one at a time"),
        ]
        if let reference = options.reference {
            log("reference: \(reference)")
            report.reference = try await measure(reference, options: options, seedFolder: seedFolder, name: "reference", sandbox: sandbox, apiBaseURL: apiBaseURL)
        }
        log("candidate: \(options.castbot)")
        report.candidate = try await measure(options.castbot, options: options, seedFolder: seedFolder, name: "candidate", sandbox: sandbox, apiBaseURL: apiBaseURL)
        return report
    }

    /// Writes the schedules; returns the first due instant.
    static func seed(_ count: Int, into folder: String) async throws -> Date {
        let storage = try SQLiteStateStorage(path: folder + "/" + SQLiteStateStorage.defaultFileName)
        let now = Date()
        let minute = 60.0
        let firstDue = (now.timeIntervalSince1970 / minute).rounded(.up) * minute + 15 * minute
        var changes: [StateChange] = []
        for index in 0..<count {
            let guildID = String(1_300_000_000_000_000_000 + index)
            let offset = Double(index * 1_440 / max(1, count)) * minute
            let due = Date(timeIntervalSince1970: firstDue + offset)
            let minuteOfDay = Int(due.timeIntervalSince1970 / minute) % 1_440
            let dailyAt = try TimeOfDay(hour: minuteOfDay / 60, minute: minuteOfDay % 60)
            let request = ExportScheduleRequest(
                scope: .guild(guildID), guildID: guildID, channelID: String(1_400_000_000_000_000_000 + index),
                setByUserID: String(1_500_000_000_000_000_000 + index), intervalMinutes: 1_440, dailyAt: dailyAt.description,
                restartPolicy: .resume)
            let key = request.scope.scheduleKey
            let settings = ScheduleSettings(
                key: key, cadence: .daily(at: dailyAt),
                info: ScheduleInfo(
                    kind: ExportScheduleKind.server, guildID: guildID, channelID: request.channelID, setByUserID: request.setByUserID,
                    typeLabel: "Server", restartPolicy: .resume))
            let lastDue = due.addingTimeInterval(-86_400)
            let lastRun = RunRecord(
                number: 3, scheduledAt: lastDue, startedAt: lastDue, finishedAt: lastDue.addingTimeInterval(2), result: .succeeded)
            let status = ScheduleStatus(
                settings: settings, isActive: true, startedAt: lastDue.addingTimeInterval(-2 * 86_400), gridAnchor: lastDue.addingTimeInterval(-2 * 86_400),
                nextRunAt: due, lastRun: lastRun, runCount: 3)
            let record = LastExportRecord(
                deliveredAt: lastDue.addingTimeInterval(2), guildCount: 1, playerCount: 40, byteCount: 13_000,
                sha256: String(repeating: "ab", count: 32), filename: "castbot-export-\(guildID).json", channelID: request.channelID,
                messageIDs: [String(1_600_000_000_000_000_000 + index)], verified: true)
            changes += [
                .schedule(status), .exportSettings(key: key, request), .lastExport(key: key, record),
                .runFinished(
                    RunHistoryEntry(
                        scheduleKey: key, run: 3, scheduledAt: lastDue, startedAt: lastDue, finishedAt: lastDue.addingTimeInterval(2),
                        result: .succeeded, message: nil, exportByteCount: 13_000, verified: true)),
            ]
            if changes.count >= 20_000 {
                try await storage.apply(changes)
                changes.removeAll(keepingCapacity: true)
            }
        }
        try await storage.apply(changes)
        return Date(timeIntervalSince1970: firstDue)
    }

    private static func measure(
        _ binary: String, options: Options, seedFolder: String, name: String, sandbox: DiscordSandbox, apiBaseURL: URL
    ) async throws -> Figures {
        let dataDirectory = options.workFolder + "/" + name
        try? FileManager.default.removeItem(atPath: dataDirectory)
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: options.dataFile, toPath: dataDirectory + "/playerData.json")
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: seedFolder + "/" + SQLiteStateStorage.defaultFileName + suffix) {
            try FileManager.default.copyItem(
                atPath: seedFolder + "/" + SQLiteStateStorage.defaultFileName + suffix,
                toPath: dataDirectory + "/" + SQLiteStateStorage.defaultFileName + suffix)
        }
        let port = try LoopbackPort.free()
        let adminPort = try LoopbackPort.free()
        var environment = ServeProcess.environment(sandbox: sandbox, apiBaseURL: apiBaseURL, dataDirectory: dataDirectory, port: port)
        environment["CASTBOT_ADMIN_ADDRESS"] = "127.0.0.1:\(adminPort)"
        let clock = ContinuousClock()
        let spawned = clock.now
        let serve = try ServeProcess(program: binary, environment: environment, logPath: options.workFolder + "/\(name)-serve.log")
        defer { serve.stop() }
        var figures = Figures()
        figures.binary = "\(name): \(binary)"
        let origin = "http://127.0.0.1:\(port)"
        while true {
            guard serve.isRunning else { throw BenchFailure("castbot serve exited at start; its log ends:\n\(serve.logTail())") }
            if let response = try? await HTTPClient.shared.execute(HTTPClientRequest(url: origin + "/healthz"), timeout: .seconds(5)),
                response.status.code == 200
            {
                break
            }
            guard clock.now - spawned < .seconds(300) else { throw BenchFailure("no /healthz 200 within 300 s; log:\n\(serve.logTail())") }
            try await Task.sleep(for: .milliseconds(10))
        }
        figures.startupSeconds = seconds(clock.now - spawned)
        let admin = "http://127.0.0.1:\(adminPort)"
        let lastPage = (options.schedules + 49) / 50
        var metrics: [Duration] = []
        var first: [Duration] = []
        var last: [Duration] = []
        for _ in 0..<options.requests {
            let (m, mBytes) = try await timedGet(origin + "/metrics")
            metrics.append(m)
            figures.metricsBytes = mBytes
            let (s, sBytes) = try await timedGet(admin + "/status")
            first.append(s)
            figures.statusBytes = sBytes
            last.append(try await timedGet(admin + "/status?page=\(lastPage)").latency)
        }
        figures.metrics = LatencySummary(metrics)
        figures.statusFirstPage = LatencySummary(first)
        figures.statusLastPage = LatencySummary(last)
        figures.peakRSSBytes = try ProcessSample.read(pid: serve.pid).peakResidentBytes
        let stopping = clock.now
        serve.stop(grace: 60)
        figures.shutdownSeconds = seconds(clock.now - stopping)
        return figures
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func timedGet(_ url: String) async throws -> (latency: Duration, bytes: Int) {
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 64 * 1_048_576)
        let latency = clock.now - start
        guard response.status.code == 200 else {
            throw BenchFailure("GET \(url) answered \(response.status.code): \(String(buffer: body).prefix(300))")
        }
        return (latency, body.readableBytes)
    }
}
