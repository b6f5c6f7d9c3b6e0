public import DiscordREST
import Foundation

/// How one export travels to Discord: as it is, gzipped, or gzipped in numbered parts; with the
/// checksum of the whole export and the warnings the message must carry.
///
/// Made by `ExportPackager`; used by scheduled exports and by manual exports alike.
public struct ExportAttachmentPlan: Sendable {
    public enum Encoding: Sendable, Hashable {
        /// The export file itself (`.json`, application/json).
        case plain
        /// Gzipped (`.json.gz`, application/gzip).
        case gzip
        /// Gzipped and split into this many parts (`.json.gz.part1of3` …), one per message.
        case gzipParts(count: Int)
    }

    /// One file to upload.
    public struct Upload: Sendable, Hashable {
        public var filename: String
        public var contentType: String
        public var bytes: [UInt8]
        /// 1-based part number for split exports.
        public var partNumber: Int?

        public init(filename: String, contentType: String, bytes: [UInt8], partNumber: Int? = nil) {
            self.filename = filename
            self.contentType = contentType
            self.bytes = bytes
            self.partNumber = partNumber
        }

        /// The file as the REST client uploads it.
        public var discordFile: DiscordFile {
            DiscordFile(filename: filename, contentType: contentType, data: Data(bytes))
        }

        /// The file as an interaction reply carries it.
        public var replyFile: ReplyFile {
            ReplyFile(filename: filename, contentType: contentType, bytes: bytes)
        }
    }

    /// The export's own name (`playerdata-scheduled-….json`).
    public var exportFilename: String
    /// Size of the export itself, uncompressed.
    public var exportByteCount: Int
    /// SHA-256 of the uncompressed export, lowercase hex: the one checksum for all parts.
    public var sha256: String
    public var encoding: Encoding
    /// Size after gzip, when compressed.
    public var compressedByteCount: Int?
    /// In upload order; for split exports one per message.
    public var uploads: [Upload]
    /// Lines for the message, each starting with ⚠️ (size near or over the limit).
    public var warnings: [String]
    /// How to get the export back from the uploads (gunzip, or cat then gunzip); nil for plain.
    public var restoreInstructions: String?

    public init(
        exportFilename: String, exportByteCount: Int, sha256: String, encoding: Encoding, compressedByteCount: Int?,
        uploads: [Upload], warnings: [String], restoreInstructions: String?
    ) {
        self.exportFilename = exportFilename
        self.exportByteCount = exportByteCount
        self.sha256 = sha256
        self.encoding = encoding
        self.compressedByteCount = compressedByteCount
        self.uploads = uploads
        self.warnings = warnings
        self.restoreInstructions = restoreInstructions
    }

    /// Bytes uploaded in all.
    public var uploadByteCount: Int { uploads.reduce(0) { $0 + $1.bytes.count } }

    /// The uploads as interaction reply files.
    public var replyFiles: [ReplyFile] { uploads.map(\.replyFile) }
}
