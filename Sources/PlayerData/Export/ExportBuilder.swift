import Foundation

/// Builds the seed's two export formats from a loaded file, byte-faithfully.
package enum ExportBuilder {
    /// `{exportVersion, exportDate, dataType, guildId, guildName, data}` laid out like
    /// `JSON.stringify(x, null, 2)`. The guild's value bytes are copied as they are (re-indented
    /// only when the file's own layout differs from JSON.stringify's).
    package static func serverExport(
        of file: PlayerDataFile, guildID: String, date: Date, kind: ExportKind
    ) throws(PlayerDataError) -> ExportArtifact {
        guard let entry = file.entry(guildID) else { throw .guildNotFound(guildID) }
        guard entry.isGuild else { throw .notAGuild(guildID) }
        guard entry.member.value.kind == .object else {
            throw .guildDataNotAnObject(guildID: guildID, found: entry.member.value.kind.nameWithArticle)
        }
        return ExportArtifact(
            date: date, kind: kind,
            bytes: serverExportBytes(of: file, entry: entry, guildID: guildID, exportDate: Timestamp.iso8601(date)),
            guildCount: 1,
            playerCount: entry.member.playerCount,
            guildID: guildID
        )
    }

    /// The whole file, content unchanged (the seed's "all servers" export).
    package static func allExport(of file: PlayerDataFile, date: Date, kind: ExportKind) -> ExportArtifact {
        ExportArtifact(
            date: date, kind: kind,
            bytes: file.bytes,
            guildCount: file.guildCount,
            playerCount: file.playerCount,
            guildID: nil
        )
    }

    static func serverExportBytes(
        of file: PlayerDataFile, entry: MemberIndex.Entry, guildID: String, exportDate: String
    ) -> [UInt8] {
        let value = entry.member.value
        var out: [UInt8] = []
        out.reserveCapacity(value.range.count + 256 + guildID.utf8.count)
        out.append(contentsOf: Array("{\n  \"exportVersion\": \"1.0\",\n  \"exportDate\": ".utf8))
        JSONStringEncoder.append(exportDate, to: &out)
        out.append(contentsOf: Array(",\n  \"dataType\": \"playerData\",\n  \"guildId\": ".utf8))
        JSONStringEncoder.append(guildID, to: &out)
        out.append(contentsOf: Array(",\n  \"guildName\": ".utf8))
        file.bytes.withUnsafeBytes { buffer in
            appendGuildName(entry.member.serverName, in: buffer, to: &out)
            out.append(contentsOf: Array(",\n  \"data\": ".utf8))
            appendValue(value, canonical: entry.member.layoutIsCanonical, in: buffer, to: &out)
        }
        out.append(contentsOf: Array("\n}".utf8))
        return out
    }

    /// A value that sits at depth 1, written for depth 1.
    static func appendValue(
        _ value: JSONValueSpan, canonical: Bool, in buffer: UnsafeRawBufferPointer, to out: inout [UInt8]
    ) {
        let slice = UnsafeRawBufferPointer(rebasing: buffer[value.range])
        if canonical {
            out.append(contentsOf: slice)
        } else {
            JSONReindenter.append(slice, depth: 1, to: &out)
        }
    }

    /// `guildData.serverName || 'Unknown'`, with JavaScript's truthiness: a missing, empty,
    /// zero, false or null server name gives "Unknown"; anything else is written as it is.
    private static func appendGuildName(_ span: JSONValueSpan?, in buffer: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        guard let span, JSValueTruthiness.isTruthy(span, in: buffer) else {
            out.append(contentsOf: Array("\"Unknown\"".utf8))
            return
        }
        let slice = UnsafeRawBufferPointer(rebasing: buffer[span.range])
        switch span.kind {
        case .object, .array:
            // The name sat at depth 2 in the guild; in the export it sits at depth 1.
            JSONReindenter.append(slice, depth: 1, to: &out)
        default:
            out.append(contentsOf: slice)
        }
    }
}
