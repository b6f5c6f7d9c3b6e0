/// Discord's upload limits as the export packager applies them.
public struct ExportUploadLimits: Sendable, Hashable {
    /// Discord's per-file limit without boosts: 10 MiB.
    public static let discordFileLimit = 10_485_760

    /// Largest single file; bigger exports are gzipped, then split.
    public var fileLimit: Int
    /// Room kept in each request for `payload_json` and the multipart headers, so a request
    /// carrying one part stays within `fileLimit` in total.
    public var requestReserve: Int
    /// Share of `fileLimit` from which a message carries a size warning.
    public var warningFraction: Double

    public init(fileLimit: Int = Self.discordFileLimit, requestReserve: Int = 65_536, warningFraction: Double = 0.8) {
        self.fileLimit = max(1, fileLimit)
        self.requestReserve = min(max(0, requestReserve), self.fileLimit / 2)
        self.warningFraction = min(max(0, warningFraction), 1)
    }

    /// Bytes in each numbered part of a split export.
    public var partSize: Int { fileLimit - requestReserve }

    /// Sizes from here on get the 80 % warning.
    public var warningThreshold: Int { Int((Double(fileLimit) * warningFraction).rounded(.up)) }
}
