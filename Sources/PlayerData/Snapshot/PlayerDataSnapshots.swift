#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The bot's one shared view of its data file: every run asks here instead of loading the file,
/// so 10,000 runs due together hold one index and one descriptor between them, not 10,000 copies.
///
/// While the file is unchanged (its path's device, inode, size and nanosecond mtime match the
/// snapshot's) callers get the same `DataFileSnapshot`, at the cost of one `stat`. When it
/// changed, the next caller scans it once; callers arriving meanwhile wait for that scan and
/// share its result (the actor runs one job at a time, on its own thread). A file that fails
/// validation is remembered as failed, so it is not rescanned until it changes again.
package actor PlayerDataSnapshots {
    package nonisolated let path: String
    private nonisolated let executor = BlockingSerialExecutor(label: "castbot.playerdata.snapshots")
    private var latest: DataFileSnapshot?
    private var failure: (identity: FileIdentity, error: PlayerDataError)?
    /// How many validating scans ran (for tests and metrics).
    private(set) var scanCount = 0

    /// Scanning and `stat` block, so the actor's jobs run on a dedicated thread, not the cooperative pool.
    package nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    package init(path: String) {
        self.path = path
    }

    /// Snapshots of the data file a store owns.
    package init(store: PlayerDataStore) {
        self.init(path: store.dataPath)
    }

    /// The snapshot of the file as it is now. Throws what `PlayerDataStore.load()` throws:
    /// `.dataFileMissing`, `.invalidDataFile`, or a file-system error.
    package func snapshot() throws(PlayerDataError) -> DataFileSnapshot {
        let identity: FileIdentity
        do {
            identity = try FileIdentity.of(path: path)
        } catch {
            forget()
            throw error
        }
        if let latest, latest.identity == identity { return latest }
        if let failure, failure.identity == identity { throw failure.error }
        forget()
        scanCount += 1
        let file: OpenFile
        do {
            file = try OpenFile(path: path, flags: O_RDONLY)
        } catch .fileSystem(_, _, ENOENT) {
            throw .dataFileMissing(path: path)
        }
        // The descriptor's own identity: the path may have been replaced since the `stat` above.
        let opened = try FileIdentity.of(fd: file.fd, path: path)
        do {
            let snapshot = try DataFileSnapshot(file: file, identity: opened)
            latest = snapshot
            return snapshot
        } catch .invalidDataFile(let path, let syntax) {
            failure = (opened, .invalidDataFile(path: path, syntax))
            throw .invalidDataFile(path: path, syntax)
        }
    }

    /// Drops the held snapshot (its descriptor closes once no run uses it) and any remembered failure.
    private func forget() {
        latest = nil
        failure = nil
    }

    /// The server export of one guild from the current snapshot; see `DataFileSnapshot.serverExport`.
    package nonisolated func serverExport(guildID: String, date: Date, kind: ExportKind) async throws(PlayerDataError) -> ExportArtifact {
        try await snapshot().serverExport(guildID: guildID, date: date, kind: kind)
    }

    /// The whole file from the current snapshot; see `DataFileSnapshot.allExport`.
    package nonisolated func allExport(date: Date, kind: ExportKind) async throws(PlayerDataError) -> ExportArtifact {
        try await snapshot().allExport(date: date, kind: kind)
    }
}
