import Foundation
public import Logging
import PlayerData
public import Scheduling

/// Keeps `ServiceState` in memory and on disk (`castbot-state.json` in the data folder).
///
/// Every change is written at once, atomically and durably (`DurableFile.writeAtomically`), with
/// a fresh snapshot of the scheduler, so a crash at any moment leaves the last complete state.
/// A failed write is logged and reported; the in-memory state stays current and the next change
/// (or the save at shutdown) tries again.
public actor ServiceStateStore {
    public static let defaultFileName = "castbot-state.json"

    public nonisolated let path: String
    private let logger: Logger
    private var state: ServiceState
    private var snapshotSource: (@Sendable () -> SchedulerSnapshot)?
    /// Writes that failed since the last successful one.
    public private(set) var failedWrites = 0

    /// Reads the state file if there is one. An unreadable file is copied aside as
    /// `castbot-state.json.unreadable` and the service starts from an empty state.
    public init(directory: String, fileName: String = ServiceStateStore.defaultFileName, logger: Logger) {
        let path = "\(directory)/\(fileName)"
        self.path = path
        self.logger = logger
        state = Self.read(path: path, logger: logger)
    }

    /// The state as last loaded or changed.
    public func current() -> ServiceState {
        state
    }

    /// Where schedule snapshots come from when saving; set once the scheduler exists.
    func attach(snapshotSource: @escaping @Sendable () -> SchedulerSnapshot) {
        self.snapshotSource = snapshotSource
    }

    /// Changes the state and writes it. Returns false if the write failed (already logged).
    @discardableResult
    public func update(_ change: (inout ServiceState) -> Void) -> Bool {
        change(&state)
        return save()
    }

    /// Writes the current state (with a fresh scheduler snapshot). Returns false on failure.
    @discardableResult
    public func save() -> Bool {
        if let snapshotSource {
            state.schedules = snapshotSource()
        }
        do {
            let data = try StateFileCoding.encoder().encode(state)
            try DurableFile.writeAtomically(Array(data), to: path)
            failedWrites = 0
            return true
        } catch {
            failedWrites += 1
            logger.error("could not save the service state", metadata: ["path": "\(path)", "error": "\(error)"])
            return false
        }
    }

    private static func read(path: String, logger: Logger) -> ServiceState {
        let bytes: [UInt8]
        do {
            guard let found = try DurableFile.contentsIfPresent(of: path) else { return ServiceState() }
            bytes = found
        } catch {
            logger.error("could not read the service state; starting without saved schedules", metadata: ["path": "\(path)", "error": "\(error)"])
            return ServiceState()
        }
        do {
            let decoded = try StateFileCoding.decoder().decode(ServiceState.self, from: Data(bytes))
            guard decoded.formatVersion <= ServiceState.currentFormatVersion else {
                throw StateFileError.newerFormat(decoded.formatVersion)
            }
            return decoded
        } catch {
            let aside = path + ".unreadable"
            try? DurableFile.snapshot(path, to: aside)
            logger.error(
                "the service state file is not valid; starting without saved schedules (the file was copied aside)",
                metadata: ["path": "\(path)", "copy": "\(aside)", "error": "\(error)"])
            return ServiceState()
        }
    }
}

/// Why a state file was not used.
enum StateFileError: Error, CustomStringConvertible {
    case newerFormat(Int)

    var description: String {
        switch self {
        case .newerFormat(let version):
            "the file has format version \(version); this version of CastBot reads up to \(ServiceState.currentFormatVersion)"
        }
    }
}
