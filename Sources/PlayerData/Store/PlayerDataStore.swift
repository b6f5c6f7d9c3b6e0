import Foundation

/// Owns one data folder's `playerData.json`: loads it, saves it safely, plans and applies imports.
///
/// Writes are serialized twice over: by the actor within a process, and by an `flock` on a lock
/// file in the folder across processes (the bot and a command-line import). Every write is atomic
/// and durable (see `DurableFile`), the previous file is kept as `playerData.json.backup`, and
/// the `SaveGuard` refuses saves that look like a wipe.
///
/// Every method reads, fsyncs or locks files, so the actor runs on its own thread
/// (`BlockingSerialExecutor`), never on Swift's cooperative pool: `await store.load()` and the
/// others suspend the caller instead of blocking one of the pool's few threads.
package actor PlayerDataStore {
    /// Cluster mode: where the player data really lives (the shared database); the data file
    /// here is this replica's copy. Imports are saved there first, then here.
    package nonisolated let upstream: (any PlayerDataUpstream)?
    package nonisolated let directory: String
    package nonisolated let fileName: String
    package nonisolated let guardPolicy: SaveGuard
    /// How long a write waits for another process's write before failing with `.dataFileBusy`.
    package nonisolated let lockWait: Duration
    private nonisolated let executor = BlockingSerialExecutor(label: "castbot.playerdata.store")

    package nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    package init(
        directory: String, fileName: String = "playerData.json", guardPolicy: SaveGuard = .default,
        lockWait: Duration = DurableFile.defaultLockWait, upstream: (any PlayerDataUpstream)? = nil
    ) {
        self.upstream = upstream
        self.directory = directory
        self.fileName = fileName
        self.guardPolicy = guardPolicy
        self.lockWait = lockWait
    }

    package nonisolated var dataPath: String { "\(directory)/\(fileName)" }
    package nonisolated var backupPath: String { dataPath + ".backup" }
    package nonisolated var rejectedPath: String { dataPath + ".REJECTED" }
    /// Where imports keep what they replaced.
    package nonisolated var backupsDirectory: String { "\(directory)/backups" }
    nonisolated var lockPath: String { "\(directory)/.\(fileName).lock" }

    /// The validated data file; throws `.dataFileMissing` if there is none.
    package func load() throws(PlayerDataError) -> PlayerDataFile {
        guard let file = try loadIfPresent() else { throw .dataFileMissing(path: dataPath) }
        return file
    }

    /// The validated data file, or nil if there is none yet.
    package func loadIfPresent() throws(PlayerDataError) -> PlayerDataFile? {
        guard let bytes = try DurableFile.contentsIfPresent(of: dataPath) else { return nil }
        do {
            return try PlayerDataFile(bytes: bytes)
        } catch .invalidJSON(let syntax) {
            throw .invalidDataFile(path: dataPath, syntax)
        }
    }

    /// Validates `bytes` and replaces the data file with them, unless the guard objects and
    /// `force` is false: then they go to `playerData.json.REJECTED` and the data file is untouched.
    package func save(_ bytes: [UInt8], force: Bool = false) throws(PlayerDataError) -> SaveOutcome {
        try save(PlayerDataFile(bytes: bytes), force: force)
    }

    /// Same as `save(_:force:)` for content that is already validated.
    package func save(_ file: PlayerDataFile, force: Bool = false) throws(PlayerDataError) -> SaveOutcome {
        try withWriterLock { () throws(PlayerDataError) in
            try write(file, current: DurableFile.contentsIfPresent(of: dataPath), force: force)
        }
    }

    /// Cluster mode: makes the local copy the database's version, byte for byte. That version
    /// passed the guard when it was saved there, so no guard runs here. Returns whether the file changed.
    @discardableResult
    package func adoptCopy(_ bytes: [UInt8]) throws(PlayerDataError) -> Bool {
        try withWriterLock { () throws(PlayerDataError) in
            if try DurableFile.contentsIfPresent(of: dataPath) == bytes { return false }
            try DurableFile.writeAtomically(bytes, to: dataPath)
            return true
        }
    }

    /// What importing `importBytes` (a v1.0 server export or a whole data file) would change.
    /// `targetGuild` nil imports an export into its own guild. Naming a different guild than the
    /// export's is refused unless `allowDifferentGuild` (the operator named the target explicitly).
    /// A whole file with a `targetGuild` imports that one guild from it; without one it replaces
    /// the whole data file.
    package func planImport(
        _ importBytes: [UInt8], targetGuild: String? = nil, allowDifferentGuild: Bool = false
    ) throws(PlayerDataError) -> ImportPlan {
        try ImportPlanner.plan(
            importBytes: importBytes, base: loadIfPresent(), targetGuild: targetGuild,
            allowDifferentGuild: allowDifferentGuild, dataPath: dataPath)
    }

    /// Applies a plan: first writes what it replaces to `backups/`, then saves. Refuses if the data
    /// file changed since the plan was made; on any failure the data file is left as it was.
    /// `date` names the backup and stamps its `exportDate`.
    package func apply(_ plan: ImportPlan, date: Date, force: Bool = false) async throws(PlayerDataError) -> ImportResult {
        guard plan.dataPath == dataPath else { throw .dataFileChanged(path: plan.dataPath) }
        if let upstream {
            return try await apply(plan, date: date, force: force, through: upstream)
        }
        return try withWriterLock { () throws(PlayerDataError) in
            let current = try DurableFile.contentsIfPresent(of: dataPath)
            guard current.map(SHA256Hex.digest) == plan.baseDigest else { throw .dataFileChanged(path: dataPath) }
            // The guard decides before anything is written, so a refused import leaves no backup behind.
            let reasons = guardReasons(plan.result, current: current)
            if !reasons.isEmpty && !force {
                throw .saveRejected(try reject(plan.result, current: current, reasons: reasons))
            }
            let backup = try backUpReplacedData(of: plan, date: date)
            let report = try commit(plan.result, current: current, overriding: reasons)
            return ImportResult(plan: plan, backupPath: backup, save: report)
        }
    }

    /// Cluster mode: the guard judges the plan against the version it was made from, the shared
    /// database saves it in one transaction (keeping the previous version) only if that version is
    /// still current, and then this replica's copy and its backup are written. The copy may have
    /// been refreshed from the database meanwhile (the save is announced to every replica), so
    /// it is not compared again.
    private func apply(_ plan: ImportPlan, date: Date, force: Bool, through upstream: any PlayerDataUpstream) async throws(PlayerDataError) -> ImportResult {
        let reasons = guardObjections(to: plan)
        if !reasons.isEmpty && !force {
            throw .saveRejected(try withWriterLock { () throws(PlayerDataError) in
                try reject(plan.result, current: plan.base?.bytes, reasons: reasons)
            })
        }
        try await upstream.save(plan.result, force: force, replacingContentsWithDigest: plan.baseDigest)
        return try withWriterLock { () throws(PlayerDataError) in
            let backup = try backUpReplacedData(of: plan, date: date)
            let report = try commit(plan.result, current: DurableFile.contentsIfPresent(of: dataPath), overriding: reasons)
            return ImportResult(plan: plan, backupPath: backup, save: report)
        }
    }

    /// Runs `body` as the data folder's only writer (the actor within this process, the `flock`
    /// across processes), after clearing temporary files that killed writers left behind.
    private func withWriterLock<T>(_ body: () throws(PlayerDataError) -> T) throws(PlayerDataError) -> T {
        try DurableFile.makeDirectories(directory)
        return try DurableFile.withExclusiveLock(lockPath, waitingAtMost: lockWait) { () throws(PlayerDataError) in
            DurableFile.removeStaleTemporaries(in: directory)
            DurableFile.removeStaleTemporaries(in: backupsDirectory)
            return try body()
        }
    }

    /// The guarded write; the caller holds the lock.
    private func write(_ file: PlayerDataFile, current: [UInt8]?, force: Bool) throws(PlayerDataError) -> SaveOutcome {
        let reasons = guardReasons(file, current: current)
        if !reasons.isEmpty && !force {
            return .rejected(try reject(file, current: current, reasons: reasons))
        }
        return .saved(try commit(file, current: current, overriding: reasons))
    }

    /// What the data-loss guard would object to if `plan` were applied to the file it was made
    /// against; nothing is read or written (a restore drill reports it).
    package nonisolated func guardObjections(to plan: ImportPlan) -> [String] {
        guard let base = plan.base else { return [] }
        return guardPolicy.reasons(
            currentBytes: base.byteCount, currentGuilds: base.guildCount, proposedBytes: plan.result.byteCount,
            proposedGuilds: plan.result.guildCount)
    }

    private func guardReasons(_ file: PlayerDataFile, current: [UInt8]?) -> [String] {
        guard let current else { return [] }
        return guardPolicy.reasons(
            currentBytes: current.count, currentGuilds: try? PlayerDataFile(bytes: current).guildCount,
            proposedBytes: file.byteCount, proposedGuilds: file.guildCount)
    }

    /// Writes a refused proposal to `playerData.json.REJECTED` for inspection.
    private func reject(_ file: PlayerDataFile, current: [UInt8]?, reasons: [String]) throws(PlayerDataError) -> SaveRejection {
        try DurableFile.writeAtomically(file.bytes, to: rejectedPath)
        return SaveRejection(
            reasons: reasons, rejectedPath: rejectedPath,
            currentByteCount: current?.count ?? 0, proposedByteCount: file.byteCount)
    }

    /// Keeps the current file as `.backup`, then replaces it.
    private func commit(_ file: PlayerDataFile, current: [UInt8]?, overriding reasons: [String]) throws(PlayerDataError) -> SaveReport {
        if current != nil {
            try DurableFile.snapshot(dataPath, to: backupPath)
        }
        try DurableFile.writeAtomically(file.bytes, to: dataPath)
        return SaveReport(
            path: dataPath, byteCount: file.byteCount, guildCount: file.guildCount, playerCount: file.playerCount,
            backupPath: current == nil ? nil : backupPath, overriddenReasons: reasons)
    }

    /// Writes the data a plan replaces to `backups/` as an importable file; nil if it replaces nothing.
    private func backUpReplacedData(of plan: ImportPlan, date: Date) throws(PlayerDataError) -> String? {
        guard let base = plan.base else { return nil }
        let stamp = Timestamp.fileSafe(date)
        let bytes: [UInt8]
        let name: String
        switch plan.action {
        case .addGuild:
            return nil
        case .replaceGuild:
            guard let id = plan.guildID, let entry = base.entry(id) else { return nil }
            bytes = ExportBuilder.serverExportBytes(of: base, entry: entry, guildID: id, exportDate: Timestamp.iso8601(date))
            name = "guild-\(id)-\(stamp)"
        case .replaceFile:
            bytes = base.bytes
            name = "\(fileName.hasSuffix(".json") ? String(fileName.dropLast(5)) : fileName)-\(stamp)"
        }
        try DurableFile.makeDirectory(backupsDirectory)
        var path = "\(backupsDirectory)/\(name).json"
        var attempt = 1
        while DurableFile.exists(path) {
            attempt += 1
            path = "\(backupsDirectory)/\(name)-\(attempt).json"
        }
        try DurableFile.writeAtomically(bytes, to: path)
        return path
    }
}

/// Where the player data really lives when the data file is only a copy (cluster mode).
package protocol PlayerDataUpstream: Sendable {
    /// Saves `file` as the new version, keeping the current one as the previous, all in one
    /// transaction; only while the current version's SHA-256 is `digest` (nil: there is none
    /// yet), else `.dataFileChanged`. The data-loss guard applies unless `force`.
    func save(_ file: PlayerDataFile, force: Bool, replacingContentsWithDigest digest: String?) async throws(PlayerDataError)
}
