public import PlayerData

/// Turns an export into the files of one message: the plain file, or (when large) a gzip or
/// numbered parts, with notes for the message text.
public protocol ExportPackaging: Sendable {
    func package(_ artifact: ExportArtifact) async throws -> PackagedExport
}

public struct PackagedExport: Sendable {
    public var files: [ReplyFile]
    /// Lines for the message, e.g. "Compressed with gzip" or a size warning.
    public var notes: [String]

    public init(files: [ReplyFile], notes: [String] = []) {
        self.files = files
        self.notes = notes
    }
}

/// Attaches the export as it is. Right while exports stay far below Discord's upload limit.
public struct PlainExportPackaging: ExportPackaging {
    public init() {}

    public func package(_ artifact: ExportArtifact) async throws -> PackagedExport {
        PackagedExport(files: [ReplyFile(filename: artifact.filename, bytes: artifact.bytes)])
    }
}
