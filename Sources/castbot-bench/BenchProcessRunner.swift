import Foundation

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
        let (measurement, exitStatus) = try runToExit(program, arguments)
        guard exitStatus == 0 else {
            throw BenchError("\(program) \(arguments.joined(separator: " ")) failed (exit status \(exitStatus))")
        }
        return measurement
    }

    /// Runs `program` to its end whatever its exit status, with stdout and stderr written to
    /// `outputPath` (discarded when nil). A process killed by a signal exits 128 + the signal, as
    /// in a shell.
    static func runToExit(_ program: String, _ arguments: [String], outputPath: String? = nil) throws -> (Measurement, exitStatus: Int32) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

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
        let exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + status & 0x7F
        return (Measurement(milliseconds: elapsed, peakResidentKiB: Int(usage.ru_maxrss)), exitStatus)
    }

    private static func monotonicMilliseconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1_000_000
    }

    /// This executable's path and the castbot binary to drive: `given`, or the castbot next to this
    /// executable; throws, saying how to build it, when there is none.
    static func binaries(castbot given: String?) throws -> (bench: String, castbot: String) {
        guard let bench = currentExecutable() else { throw BenchError("cannot locate this executable") }
        let castbot = given ?? URL(fileURLWithPath: bench).deletingLastPathComponent().appendingPathComponent("castbot").path
        guard FileManager.default.isExecutableFile(atPath: castbot) else {
            throw BenchError("no castbot binary at \(castbot): build it (swift build -c release --product castbot) or pass --castbot")
        }
        return (bench, castbot)
    }

    /// This executable's own path, to benchmark the binary that is running.
    static func currentExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
