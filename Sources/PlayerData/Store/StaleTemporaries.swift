import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DurableFile {
    /// Removes the temporary files (`.<name>.tmp-<pid>-<n>`) that writers killed between creating
    /// and renaming them left in `directory`. Only files of processes that no longer exist are
    /// removed, so a write in progress elsewhere is never touched. Returns how many went.
    @discardableResult
    static func removeStaleTemporaries(in directory: String) -> Int {
        guard let stream = opendir(directory) else { return 0 }
        var stale: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if let pid = writerProcess(ofTemporary: name), !processExists(pid) {
                stale.append(name)
            }
        }
        closedir(stream)
        return stale.filter { unlink("\(directory)/\($0)") == 0 }.count
    }

    /// The process id in a name made by `temporaryPath(for:)`, or nil for any other name.
    static func writerProcess(ofTemporary name: String) -> pid_t? {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards) else { return nil }
        let parts = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, UInt32(parts[1]) != nil, let pid = pid_t(parts[0]), pid > 0 else { return nil }
        return pid
    }

    private static func processExists(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }
}
