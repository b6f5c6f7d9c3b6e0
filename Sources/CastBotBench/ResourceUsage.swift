#if canImport(Glibc)
import CastBot
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// This process's CPU time and memory, from getrusage.
package struct ResourceUsage: Sendable {
    /// User plus system CPU time used so far.
    package let cpuTime: Duration
    /// Peak resident set size so far, in bytes.
    package let peakResidentBytes: Int

    package static func now() -> ResourceUsage {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func duration(_ time: timeval) -> Duration {
            .seconds(Int64(time.tv_sec)) + .microseconds(Int64(time.tv_usec))
        }
        #if canImport(Darwin)
        let peak = Int(usage.ru_maxrss)  // bytes on Darwin
        #else
        let peak = Int(usage.ru_maxrss) * 1024  // KiB on Linux
        #endif
        return ResourceUsage(cpuTime: duration(usage.ru_utime) + duration(usage.ru_stime), peakResidentBytes: peak)
    }
}
