import ExportEncryption
import Foundation
import PlayerData

/// An export file read back to its JSON: what `castbot import`, `verify`, `decrypt` and `restore`
/// take, whether the export went out plain, gzipped, split into parts or encrypted.
package struct DecodedExportFile: Sendable {
    /// The export's JSON bytes.
    package let json: [UInt8]
    /// Key ids the file was encrypted for; nil for a file that was not encrypted.
    package let encryptedFor: [String]?
    /// The name the export had before packaging (from the sealed metadata), when encrypted.
    package let originalFilename: String?
    /// What was done to get the JSON, for the command's summary ("joined 3 parts", "decrypted with key id …", "gunzipped").
    package let steps: [String]
    /// The JSON's SHA-256 when decoding already checked it (the one sealed inside an encrypted export).
    package var verifiedSHA256: String? = nil
}

/// Reads exports as they were delivered: parts joined in order → decrypted if sealed → gunzipped
/// if gzip → the JSON. What a file is comes from its first bytes, not its name. Every gzip goes
/// through `Gzip.decompress` within `GunzipLimits` (a gzip bomb is refused, not unpacked).
package enum ExportFileDecoder {
    /// Decodes the export made of `parts` (one file, or the `.partNofM` files of a split export in
    /// any order: they are put in part order and must all be there).
    ///
    /// - Parameters:
    ///   - parts: the files; a single export file is one part.
    ///   - keyFiles: secret key files (`castbot keygen --out`), needed only for encrypted exports.
    /// - Throws: `ExportFileError` naming what is wrong; nothing is written anywhere.
    package static func decode(parts: [String], keyFiles: [String] = []) throws(ExportFileError) -> DecodedExportFile {
        try decode(parts: parts, keyFiles: keyFiles, limits: GunzipLimits())
    }

    package static func decode(parts: [String], keyFiles: [String], limits: GunzipLimits) throws(ExportFileError) -> DecodedExportFile {
        let ordered = try ExportPartNames.ordered(parts)
        var steps: [String] = ordered.count > 1 ? ["joined \(ordered.count) parts"] : []
        var source = try ExportPartsReader(paths: ordered)
        let start = try source.peek(ExportOpener.magicByteCount)
        guard ExportOpener.isSealed(prefix: start) else {
            var bytes = try ordered.count == 1 ? contents(of: ordered[0]) : source.readAll()
            if Gzip.isGzip(bytes) {
                bytes = try gunzip(bytes, limits: limits)
                steps.append("gunzipped")
            }
            return DecodedExportFile(json: bytes, encryptedFor: nil, originalFilename: nil, steps: steps)
        }

        return try open(&source, keys: loadKeys(keyFiles), steps: steps, limits: limits)
    }

    /// Decodes an export already joined in memory (what `castbot restore` downloaded): decrypted
    /// with `keys` if sealed, gunzipped if gzip.
    package static func decode(
        joined bytes: [UInt8], keys: [ExportSecretKey], limits: GunzipLimits = GunzipLimits()
    ) throws(ExportFileError) -> DecodedExportFile {
        guard ExportOpener.isSealed(prefix: bytes.prefix(ExportOpener.magicByteCount)) else {
            guard Gzip.isGzip(bytes) else { return DecodedExportFile(json: bytes, encryptedFor: nil, originalFilename: nil, steps: []) }
            return DecodedExportFile(json: try gunzip(bytes, limits: limits), encryptedFor: nil, originalFilename: nil, steps: ["gunzipped"])
        }
        var source = SealedBytes(bytes)
        return try open(&source, keys: keys, steps: [], limits: limits)
    }

    /// The secret keys in key files (`castbot keygen --out`).
    package static func keys(fromFiles paths: [String]) throws(ExportFileError) -> [ExportSecretKey] {
        try loadKeys(paths)
    }

    private static func open<S: SealedExportSource>(
        _ source: inout S, keys: [ExportSecretKey], steps: [String], limits: GunzipLimits
    ) throws(ExportFileError)
        -> DecodedExportFile
    {
        var steps = steps
        var payload: [UInt8] = []
        let opened: ExportOpener.Opened
        do throws(ExportOpeningError) {
            opened = try ExportOpener.open(&source, keys: keys) { payload.append(contentsOf: $0) }
        } catch {
            throw .opening(error)
        }
        let metadata = opened.metadata
        steps.append("decrypted with key id \(opened.openedWith)")
        if metadata.content == .gzip {
            payload = try gunzip(payload, limits: limits)
            steps.append("gunzipped")
        }
        guard payload.count == metadata.exportByteCount, SHA256Hex.digest(payload) == metadata.exportSHA256 else {
            throw .checksumMismatch(filename: metadata.filename)
        }
        steps.append("SHA-256 matches the one sealed inside")
        return DecodedExportFile(
            json: payload, encryptedFor: opened.recipients, originalFilename: metadata.filename, steps: steps,
            verifiedSHA256: metadata.exportSHA256)
    }

    private static func contents(of path: String) throws(ExportFileError) -> [UInt8] {
        do throws(PlayerDataError) {
            return try DurableFile.contents(of: path)
        } catch {
            throw .unreadable(path: path, reason: error.description)
        }
    }

    private static func loadKeys(_ paths: [String]) throws(ExportFileError) -> [ExportSecretKey] {
        var keys: [ExportSecretKey] = []
        for path in paths {
            let bytes = try contents(of: path)
            do throws(ExportKeyError) {
                keys += try ExportSecretKey.keys(inFileText: String(decoding: bytes, as: UTF8.self))
            } catch {
                throw .keyFile(path: path, error)
            }
        }
        return keys
    }

    private static func gunzip(_ bytes: [UInt8], limits: GunzipLimits) throws(ExportFileError) -> [UInt8] {
        do throws(GunzipError) {
            return try Gzip.decompress(bytes, limits: limits)
        } catch {
            throw .gunzip(error)
        }
    }
}

/// Why an export file could not be read back.
package enum ExportFileError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    case noFiles
    case unreadable(path: String, reason: String)
    case parts(String)
    case keyFile(path: String, ExportKeyError)
    case opening(ExportOpeningError)
    /// The gzip was refused: damaged, cut short, or past `GunzipLimits`.
    case gunzip(GunzipError)
    case checksumMismatch(filename: String)

    package var description: String {
        switch self {
        case .noFiles: "no export file given"
        case .unreadable(let path, let reason): "\(path) cannot be read: \(reason)"
        case .parts(let problem): problem
        case .keyFile(let path, let error): "key file \(path) \(error)"
        case .opening(let error): error.description
        case .gunzip(let error): "the export could not be un-gzipped: \(error)"
        case .checksumMismatch(let filename):
            "the decrypted \(filename) does not match the size and SHA-256 sealed with it; it was not written"
        }
    }

    package var errorDescription: String? { description }
}
