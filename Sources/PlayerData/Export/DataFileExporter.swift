import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exports straight from a data file on disk, reading it in pieces: memory stays at about 2 MiB
/// of buffers plus the member index, whatever the file's size, and the whole file is still
/// validated before anything is produced.
package enum DataFileExporter {
    /// What was written by `writeAllExport`.
    package struct WrittenExport: Sendable, Equatable {
        package let path: String
        package let byteCount: Int
        package let guildCount: Int
        package let playerCount: Int
    }

    /// The server export of one guild, as `ExportBuilder.serverExport` would build it from the
    /// loaded file. Only the guild's own bytes are read back after the validating pass.
    package static func serverExport(
        dataFileAt path: String, guildID: String, date: Date, kind: ExportKind
    ) throws(PlayerDataError) -> ExportArtifact {
        let file = try OpenFile(path: path, flags: O_RDONLY)
        let index = MemberIndex(try JSONScanner.scanFile(fd: file.fd, path: path, size: file.size()).members)
        return try serverExport(guildID: guildID, index: index, path: path, date: date, kind: kind) {
            (range: Range<Int>) throws(PlayerDataError) in try file.read(range)
        }
    }

    /// The server export of one guild of a validated file, reading back only the guild's value
    /// through `readValue` (a range of the file's bytes). Shared with `DataFileSnapshot`.
    static func serverExport(
        guildID: String, index: MemberIndex, path: String, date: Date, kind: ExportKind,
        readValue: (Range<Int>) throws(PlayerDataError) -> [UInt8]
    ) throws(PlayerDataError) -> ExportArtifact {
        guard let entry = index.entry(guildID) else { throw .guildNotFound(guildID) }
        guard entry.isGuild else { throw .notAGuild(guildID) }
        // Decided from the index, so a guild holding a large non-object value is never read.
        guard entry.member.value.kind == .object else {
            throw .guildDataNotAnObject(guildID: guildID, found: entry.member.value.kind.nameWithArticle)
        }
        // `{"<id>": <value>}` puts the value at depth 1, as in the data file, so the ordinary
        // builder (and its layout and JavaScript semantics) applies unchanged.
        var document: [UInt8] = Array("{".utf8)
        JSONStringEncoder.append(guildID, to: &document)
        document.append(contentsOf: Array(": ".utf8))
        document.append(contentsOf: try readValue(entry.member.value.range))
        document.append(contentsOf: Array("}".utf8))
        let guild: PlayerDataFile
        do {
            guild = try PlayerDataFile(bytes: document)
        } catch {
            // The validated bytes no longer parse: someone rewrote the file in place meanwhile.
            throw .dataFileChanged(path: path)
        }
        return try ExportBuilder.serverExport(of: guild, guildID: guildID, date: date, kind: kind)
    }

    /// Writes the whole file unchanged to `destination` while validating it: the copy goes to a
    /// temporary file beside the destination and is renamed into place only if the data file is
    /// valid, so an export appears whole or not at all. Destinations that cannot be replaced by
    /// a rename (standard output `-`, devices, symlinks) are written after validation instead.
    package static func writeAllExport(
        dataFileAt path: String, to destination: String, date: Date, kind: ExportKind
    ) throws(PlayerDataError) -> WrittenExport {
        guard isReplaceableRegularFile(destination) else {
            let artifact = ExportBuilder.allExport(of: try PlayerDataFile(bytes: DurableFile.contents(of: path)), date: date, kind: kind)
            try DurableFile.writeCopy(artifact.bytes, to: destination)
            return WrittenExport(
                path: destination, byteCount: artifact.bytes.count, guildCount: artifact.guildCount, playerCount: artifact.playerCount)
        }
        let file = try OpenFile(path: path, flags: O_RDONLY)
        let (outputFD, temporary) = try DurableFile.createTemporary(for: destination, mode: DurableFile.playerDataFileMode)
        let output = OpenFile(adopting: outputFD, path: temporary)
        do throws(PlayerDataError) {
            let size = try file.size()
            let scan = try JSONScanner.scanFile(fd: file.fd, path: path, size: size, copyTo: (output.fd, temporary))
            // Renamed while still open, so the temporary's lock covers it until it has its final name.
            guard rename(temporary, destination) == 0 else {
                throw .fileSystem(operation: "rename into place", path: destination, errno: errno)
            }
            try output.close()
            let index = MemberIndex(scan.members)
            return WrittenExport(path: destination, byteCount: size, guildCount: index.guildIDs.count, playerCount: index.playerCount)
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
}
