#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything that can go wrong in PlayerData, each with a message that says what was wrong and
/// what is allowed. No case ever carries file contents beyond short identifiers.
package enum PlayerDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are not valid JSON, or their top level is not an object.
    case invalidJSON(JSONSyntaxError)
    /// The data file on disk is not valid JSON (or its top level is not an object).
    case invalidDataFile(path: String, JSONSyntaxError)
    /// No top-level member has this key.
    case guildNotFound(String)
    /// The key names one of the file's non-guild entries (`/* Server ID */`, `environmentConfig`).
    case notAGuild(String)
    /// The guild's value is not a JSON object, so it cannot be exported or imported as a guild.
    case guildDataNotAnObject(guildID: String, found: String)
    /// An import file is neither a v1.0 server export nor a whole player data file.
    case invalidExport(String)
    /// A guild id is not a Discord snowflake (17 to 20 digits).
    case invalidGuildID(String)
    /// The export belongs to another guild than the import target, which was not named explicitly.
    case guildMismatch(exportGuild: String, target: String)
    /// The data file does not exist.
    case dataFileMissing(path: String)
    /// The data file changed between planning an import and applying it, or was rewritten in
    /// place while a validated copy of it was being read.
    case dataFileChanged(path: String)
    /// The save guard refused the write; the proposed content was written to `rejectedPath`.
    case saveRejected(SaveRejection)
    /// Another process held the data folder's writer lock for longer than the store waits.
    case dataFileBusy(lockPath: String, waitedMilliseconds: Int)
    /// Another process (a running `castbot serve`) holds the data folder's lock; `holder` is what
    /// it wrote about itself (pid, host, start time), or a note that it wrote nothing yet.
    case dataFolderInUse(directory: String, lockPath: String, holder: String)
    /// A system call failed.
    case fileSystem(operation: String, path: String, errno: Int32)
    /// Cluster mode: the shared database did not take the save; nothing was changed.
    case sharedStoreFailed(String)

    package var description: String {
        switch self {
        case .invalidJSON(let error):
            return "invalid JSON at \(error)"
        case .invalidDataFile(let path, let error):
            return "data file \(path) is not valid JSON: \(error)"
        case .guildNotFound(let id):
            return "guild \(id) is not in the data file"
        case .notAGuild(let key):
            return "\"\(key)\" is not a guild: it is one of the data file's settings entries"
        case .guildDataNotAnObject(let id, let found):
            return "guild \(id) holds \(found), not an object; only object guild data can be exported or imported"
        case .invalidExport(let reason):
            return "not a valid import file: \(reason)"
        case .invalidGuildID(let id):
            return "\"\(id)\" is not a Discord guild id (17 to 20 digits)"
        case .guildMismatch(let exportGuild, let target):
            return "the export is for guild \(exportGuild), not \(target); name the target guild explicitly to import it there"
        case .dataFileMissing(let path):
            return "data file \(path) does not exist"
        case .dataFileChanged(let path):
            return "\(path) changed meanwhile (after the import was planned, or while an export was reading it); start again"
        case .saveRejected(let rejection):
            return rejection.description
        case .sharedStoreFailed(let reason):
            return "the cluster's database did not save the player data (\(reason)); nothing was changed, try again"
        case .dataFileBusy(let lockPath, let waited):
            return "the data file is being written by another process (it holds the lock \(lockPath)); "
                + "gave up after waiting \(waited) ms, nothing was changed: try again in a moment"
        case .dataFolderInUse(let directory, let lockPath, let holder):
            return "the data folder \(directory) is already in use by another castbot process (\(holder), lock \(lockPath)); "
                + "stop that one first or use another data folder. Nothing in the folder was changed"
        case .fileSystem(let operation, let path, let code):
            return "could not \(operation) \(path): \(String(cString: strerror(code)))"
        }
    }

    /// Line and column of a JSON syntax error, when that is what this is.
    package var position: (line: Int, column: Int)? {
        switch self {
        case .invalidJSON(let error), .invalidDataFile(_, let error): return (error.line, error.column)
        default: return nil
        }
    }
}
