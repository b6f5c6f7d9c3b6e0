#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to completion and reports its wall time and peak resident memory (wait4's
/// ru_maxrss), with its output discarded.
enum BenchProcessRunner {
    struct Measurement {
        let milliseconds: Double
        let peakResidentKiB: Int
    }

    static func run(_ program: String, _ arguments: [String]) throws -> Measurement {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        let argv = ([program] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let start = monotonicMilliseconds()
        let spawned = posix_spawnp(&pid, program, &actions, nil, argv + [nil], environ)
        guard spawned == 0 else { throw BenchError("could not start \(program): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError("waiting for \(program) failed: \(String(cString: strerror(errno)))") }
        }
        let elapsed = monotonicMilliseconds() - start
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            throw BenchError("\(program) \(arguments.joined(separator: " ")) failed (wait status \(status))")
        }
        return Measurement(milliseconds: elapsed, peakResidentKiB: Int(usage.ru_maxrss))
    }

    private static func monotonicMilliseconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1_000_000
    }

    /// This executable's own path, to benchmark the binary that is running.
    static func currentExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
