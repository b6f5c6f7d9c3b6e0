import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One validated state of the data file, shared read-only by every run that needs it: an open
/// descriptor and the index of the file's top-level members, never the file's bytes.
///
/// The store replaces the data file by rename, so the descriptor keeps reading the inode that was
/// validated even after a newer file took its name: a snapshot answers consistently for as long
/// as someone holds it. Only a rewrite in place could change what it reads; every read checks the
/// descriptor's identity afterwards and throws `.dataFileChanged` if it moved.
package final class DataFileSnapshot: Sendable {
    package let path: String
    let identity: FileIdentity
    let index: MemberIndex
    private let file: OpenFile

    /// Validates the whole file with one streaming scan (blocking: call it off the cooperative pool).
    init(file: OpenFile, identity: FileIdentity) throws(PlayerDataError) {
        let scan: ScanResult
        do {
            scan = try JSONScanner.scanFile(fd: file.fd, path: file.path, size: identity.size)
        } catch .invalidJSON(let syntax) {
            throw .invalidDataFile(path: file.path, syntax)
        }
        // Written in place while we scanned: what was validated is not what the file holds.
        guard try FileIdentity.of(fd: file.fd, path: file.path) == identity else { throw .dataFileChanged(path: file.path) }
        self.path = file.path
        self.file = file
        self.identity = identity
        self.index = MemberIndex(scan.members)
    }

    /// Size of the file in bytes.
    package var byteCount: Int { identity.size }

    /// Guilds in the file: every top-level key except `PlayerDataFile.nonGuildKeys`, in JavaScript's order.
    package var guildIDs: [String] { index.guildIDs }

    package var guildCount: Int { index.guildIDs.count }

    /// Players over all guilds, as `PlayerDataFile.playerCount` counts them.
    package var playerCount: Int { index.playerCount }

    /// Distinct keys of the guild's `players` object (0 if it has none); nil if there is no such member.
    package func playerCount(of id: String) -> Int? {
        index.entry(id)?.member.playerCount
    }

    /// The guild's `serverName` when it is a string (reads only those bytes, off the cooperative pool).
    package func serverName(of id: String) async throws(PlayerDataError) -> String? {
        guard let span = index.entry(id)?.member.serverName, span.kind == .string else { return nil }
        let bytes = try await BlockingIO.run { () throws(PlayerDataError) in try self.read(span.range) }
        return bytes.withUnsafeBytes { buffer in
            JSONStringDecoder.string(UnsafeRawBufferPointer(rebasing: buffer[1..<(buffer.count - 1)]))
        }
    }

    /// The server export of one guild, byte for byte what `ExportBuilder.serverExport` builds from
    /// the loaded file; reads only the guild's own bytes, off the cooperative pool.
    package func serverExport(guildID: String, date: Date, kind: ExportKind) async throws(PlayerDataError) -> ExportArtifact {
        try await BlockingIO.run { () throws(PlayerDataError) in
            try DataFileExporter.serverExport(guildID: guildID, index: self.index, path: self.path, date: date, kind: kind) {
                (range: Range<Int>) throws(PlayerDataError) in try self.read(range)
            }
        }
    }

    /// The whole file unchanged (the "all servers" export), read into memory for this caller
    /// only, off the cooperative pool; the snapshot keeps none of it.
    package func allExport(date: Date, kind: ExportKind) async throws(PlayerDataError) -> ExportArtifact {
        let bytes = try await BlockingIO.run { () throws(PlayerDataError) in try self.read(0..<self.identity.size) }
        return ExportArtifact(
            date: date, kind: kind, bytes: bytes,
            guildCount: guildCount, playerCount: playerCount, guildID: nil)
    }

    /// Bytes of the validated file; `.dataFileChanged` if it was rewritten in place (blocking).
    func read(_ range: Range<Int>) throws(PlayerDataError) -> [UInt8] {
        let bytes = try file.read(range)
        // Checked after the read: any write before it, even one that raced the read, shows here.
        guard try FileIdentity.of(fd: file.fd, path: path) == identity else { throw .dataFileChanged(path: path) }
        return bytes
    }
}
