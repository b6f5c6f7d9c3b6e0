import AsyncHTTPClient
import Dispatch
import DiscordSandbox
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `castbot serve` as a separate process, configured by environment as an operator would, so its
/// memory, CPU and disk writes can be read from /proc apart from the benchmark's own.
///
/// Its stdout and stderr go through a pipe that this process copies into `logPath`: the bot's
/// log lines must not count as bytes the bot wrote to disk (in production they go to journald).
final class ServeProcess: @unchecked Sendable {
    let pid: pid_t
    let logPath: String
    private let lock = NSLock()
    private var reaped = false

    /// Starts `program serve` with exactly `environment` (plus PATH).
    init(program: String, environment: [String: String], logPath: String) throws {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw BenchFailure("pipe failed: \(String(cString: strerror(errno)))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 2)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])

        var variables = environment
        variables["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(program), strdup("serve")]
        let envp: [UnsafeMutablePointer<CChar>?] = variables.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var child = pid_t()
        let spawned = posix_spawn(&child, program, &actions, nil, argv + [nil], envp + [nil])
        close(pipeEnds[1])
        guard spawned == 0 else {
            close(pipeEnds[0])
            throw BenchFailure("could not start \(program) serve: \(String(cString: strerror(spawned)))")
        }
        pid = child
        self.logPath = logPath
        Self.running.withLock { _ = $0.insert(child) }
        Self.copyOutput(from: pipeEnds[0], to: logPath)
    }

    /// A dedicated thread drains the pipe so the bot never blocks on a full one.
    private static func copyOutput(from descriptor: Int32, to path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let output = FileHandle(forWritingAtPath: path)
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                output?.write(Data(buffer[0..<count]))
            }
            close(descriptor)
            try? output?.close()
        }
        thread.start()
    }

    /// Whether the process is still running (not exited, not reaped).
    var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !reaped else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            markReaped()
            return false
        }
        return true
    }

    /// Called with `lock` held.
    private func markReaped() {
        reaped = true
        Self.running.withLock { _ = $0.remove(pid) }
    }

    /// SIGTERM, then SIGKILL if it has not exited after `grace`. Safe to call more than once.
    func stop(grace: TimeInterval = 10) {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while isRunning, Date() < deadline { usleep(50_000) }
        lock.lock()
        defer { lock.unlock() }
        guard !reaped else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        markReaped()
    }

    /// SIGKILL at once, as a crash or an OOM kill would end it, and reaped. Safe to call more than once.
    func killAtOnce() {
        lock.lock()
        defer { lock.unlock() }
        guard !reaped else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        markReaped()
    }

    /// Polls `origin/healthz` until it answers 200; throws with the log's end when the process
    /// exits first or `timeout` passes.
    func waitUntilHealthy(origin: String, timeout: Duration = .seconds(120)) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            guard isRunning else { throw BenchFailure("castbot serve exited at start; its log ends:\n\(logTail())") }
            let request = HTTPClientRequest(url: origin + "/healthz")
            if let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(5)), response.status.code == 200 {
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw BenchFailure("castbot serve did not answer /healthz 200 within \(timeout); its log ends:\n\(logTail())")
    }

    /// What an operator sets to run `castbot serve` against `sandbox` (the bot's token, its
    /// public key, the API base URL) with its data folder and a loopback port.
    static func environment(sandbox: DiscordSandbox, apiBaseURL: URL, dataDirectory: String, port: Int) -> [String: String] {
        [
            "DISCORD_TOKEN": sandbox.configuration.botToken,
            "DISCORD_APPLICATION_ID": sandbox.configuration.applicationID,
            "DISCORD_PUBLIC_KEY": sandbox.publicKeyHex,
            "DISCORD_API_BASE_URL": apiBaseURL.absoluteString,
            "CASTBOT_DATA_DIR": dataDirectory,
            "CASTBOT_HTTP_HOST": "127.0.0.1",
            "CASTBOT_HTTP_PORT": String(port),
        ]
    }

    /// Serve processes started and not yet reaped, for the signal handler.
    private static let running = Mutex<Set<pid_t>>([])
    nonisolated(unsafe) private static var signalSources: [any DispatchSourceSignal] = []

    /// On SIGINT or SIGTERM, kills every serve process this benchmark started, then exits: an
    /// interrupted benchmark must not leave a bot running. Call once, from the command.
    static func killAllOnSignals() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                for pid in running.withLock({ $0 }) { kill(pid, SIGKILL) }
                exit(128 + number)
            }
            source.resume()
            signalSources.append(source)
        }
    }

    /// The last lines of the bot's log, for error messages.
    func logTail(lines: Int = 15) -> String {
        guard let data = FileManager.default.contents(atPath: logPath) else { return "" }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").suffix(lines).joined(separator: "\n")
    }
}

/// What /proc says about a process: the figures `scale` reports for the bot.
struct ProcessSample: Sendable {
    /// VmHWM: peak resident set since start or since the last `resetPeak`.
    var peakResidentBytes: Int
    /// utime + stime.
    var cpuSeconds: Double
    /// Bytes the process caused to be written to storage (`write_bytes` of /proc/PID/io); counted
    /// when pages are dirtied, so a write not yet flushed still counts.
    var writtenBytes: Int

    static func read(pid: pid_t) throws -> ProcessSample {
        let status = try text("/proc/\(pid)/status")
        let io = try text("/proc/\(pid)/io")
        let stat = try text("/proc/\(pid)/stat")
        guard let peakKiB = field("VmHWM:", in: status), let written = field("write_bytes:", in: io),
            let cpu = cpuSeconds(stat: stat)
        else { throw BenchFailure("could not read /proc/\(pid)/status, io or stat") }
        return ProcessSample(peakResidentBytes: peakKiB * 1024, cpuSeconds: cpu, writtenBytes: written)
    }

    /// Resets VmHWM to the current RSS (`echo 5 > /proc/PID/clear_refs`), so a later read gives
    /// the peak of a phase.
    static func resetPeak(pid: pid_t) -> Bool {
        let descriptor = open("/proc/\(pid)/clear_refs", O_WRONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return write(descriptor, "5", 1) == 1
    }

    /// Read with read(2) until end of file: /proc files report a size of 0, so readers that trust
    /// the size get nothing.
    private static func text(_ path: String) throws -> String {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw BenchFailure("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The number after `label` on its line (`VmHWM:\t   12345 kB` → 12345; /proc pads with tabs and spaces).
    static func field(_ label: String, in text: String) -> Int? {
        for line in text.split(separator: "\n") where line.hasPrefix(label) {
            return line.dropFirst(label.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
        }
        return nil
    }

    /// Fields 14 and 15 of /proc/PID/stat (utime, stime) in clock ticks; the command name in
    /// field 2 may hold spaces, so fields are counted after its closing parenthesis.
    static func cpuSeconds(stat: String) -> Double? {
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After ")": field 3 (state) is index 0, so utime (14) is index 11 and stime (15) index 12.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
