import Foundation

/// Permission bits, for the tests of what docs/OPERATIONS.md says about file modes.
public enum FileModes {
    public struct Unreadable: Error, CustomStringConvertible {
        public let description: String
    }

    /// The process's umask, read without changing it (`umask(2)` would change it for every thread).
    public static func currentUmask() throws -> mode_t {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
            let mask = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
        else { throw Unreadable(description: "/proc/self/status has no Umask line") }
        return mask
    }

    /// The permission bits of `path`.
    public static func mode(_ path: String) throws -> mode_t {
        var info = stat()
        guard stat(path, &info) == 0 else { throw Unreadable(description: "\(path) does not exist") }
        return info.st_mode & 0o7777
    }
}
