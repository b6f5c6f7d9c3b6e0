import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the "all servers" export of a data file to a file. The export is the data file's bytes
/// unchanged, so writing them can start while they are still being validated: the copy goes to a
/// temporary file beside the destination on another thread and is renamed into place only once
/// validation has passed (otherwise it is removed). The export thus appears whole or not at all,
/// and its cost is close to max(validate, write) instead of their sum.
public enum AllExportWriter {
    public static func write(
        dataFileAt dataPath: String, to destination: String, date: Date, kind: ExportKind
    ) throws(PlayerDataError) -> ExportArtifact {
        let bytes = try DurableFile.contents(of: dataPath)
        guard isReplaceableRegularFile(destination) else {
            // Standard output, a device or a symlink: validate first, then write in place.
            let artifact = ExportBuilder.allExport(of: try PlayerDataFile(bytes: bytes), date: date, kind: kind)
            try DurableFile.writeCopy(artifact.bytes, to: destination)
            return artifact
        }
        let temporary = DurableFile.temporaryPath(for: destination)
        let copy = BackgroundCopy(bytes: bytes, path: temporary)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async {
            copy.run()
            done.signal()
        }
        let validated = Result { () throws(PlayerDataError) in try PlayerDataFile(bytes: bytes) }
        done.wait()
        do throws(PlayerDataError) {
            let file = try validated.get()
            try copy.outcome.get()
            guard rename(temporary, destination) == 0 else {
                throw .fileSystem(operation: "rename into place", path: destination, errno: errno)
            }
            return ExportBuilder.allExport(of: file, date: date, kind: kind)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// True if `path` does not exist yet or is a regular file (not a symlink, device or pipe),
    /// so replacing it by rename means the same as overwriting it.
    private static func isReplaceableRegularFile(_ path: String) -> Bool {
        guard path != "-" else { return false }
        var info = stat()
        if lstat(path, &info) != 0 { return errno == ENOENT }
        return (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The copy running on the other thread; read back only after it signals.
    private final class BackgroundCopy: @unchecked Sendable {
        let bytes: [UInt8]
        let path: String
        var outcome: Result<Void, PlayerDataError> = .success(())

        init(bytes: [UInt8], path: String) {
            self.bytes = bytes
            self.path = path
        }

        func run() {
            outcome = Result { () throws(PlayerDataError) in try DurableFile.writeCopy(bytes, to: path) }
        }
    }
}
