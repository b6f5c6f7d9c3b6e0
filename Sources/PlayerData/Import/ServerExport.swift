/// A validated v1.0 server export: `exportVersion` "1.0", `dataType` "playerData", a snowflake
/// `guildId` and an object `data`, in any key order (CastBot's own manual exports put
/// `guildName` before `dataType`).
package struct ServerExport: Sendable {
    package let guildID: String
    package let guildName: String?
    package let exportDate: String?
    /// Distinct keys of `data.players`.
    package let playerCount: Int
    let document: PlayerDataFile
    let data: ScannedMember

    /// True when the document declares itself an export (has `exportVersion` or `dataType`),
    /// as opposed to being a whole player data file.
    static func declaresExport(_ document: PlayerDataFile) -> Bool {
        document.entry("exportVersion") != nil || document.entry("dataType") != nil
    }

    init(document: PlayerDataFile) throws(PlayerDataError) {
        try Self.require(document, "exportVersion", equals: "1.0")
        try Self.require(document, "dataType", equals: "playerData")
        guard let guild = document.entry("guildId") else {
            throw .invalidExport("guildId is missing; a server export names its guild as a string of 17 to 20 digits")
        }
        guard guild.member.value.kind == .string, let guildID = document.stringValue(guild.member.value),
            GuildID.isSnowflake(guildID)
        else {
            throw .invalidExport("guildId is \(document.preview(guild.member.value)); it must be a string of 17 to 20 digits")
        }
        guard let data = document.entry("data") else {
            throw .invalidExport("data is missing; a server export holds the guild's data in an object named data")
        }
        guard data.member.value.kind == .object else {
            throw .invalidExport("data is \(data.member.value.kind.nameWithArticle); it must be an object holding the guild's data")
        }
        self.guildID = guildID
        self.guildName = document.entry("guildName").flatMap { document.stringValue($0.member.value) }
        self.exportDate = document.entry("exportDate").flatMap { document.stringValue($0.member.value) }
        self.playerCount = data.member.playerCount
        self.document = document
        self.data = data.member
    }

    /// The raw bytes of `data`.
    package var dataBytes: ArraySlice<UInt8> {
        document.bytes[data.value.range]
    }

    private static func require(_ document: PlayerDataFile, _ key: String, equals expected: String) throws(PlayerDataError) {
        guard let entry = document.entry(key) else {
            throw .invalidExport("\(key) is missing; a v1.0 server export has \(key) \"\(expected)\"")
        }
        guard document.stringValue(entry.member.value) == expected else {
            throw .invalidExport("\(key) is \(document.preview(entry.member.value)); only \"\(expected)\" is supported")
        }
    }
}

/// Discord snowflakes as guild ids.
package enum GuildID {
    /// 17 to 20 ASCII digits.
    package static func isSnowflake(_ text: String) -> Bool {
        (17...20).contains(text.utf8.count) && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}

extension PlayerDataFile {
    /// A string value's decoded text; nil for other kinds.
    func stringValue(_ span: JSONValueSpan) -> String? {
        guard span.kind == .string else { return nil }
        return bytes.withUnsafeBytes { buffer in
            JSONStringDecoder.string(UnsafeRawBufferPointer(rebasing: buffer[(span.start + 1)..<(span.end - 1)]))
        }
    }

    /// A short rendering of a value for error messages.
    func preview(_ span: JSONValueSpan) -> String {
        switch span.kind {
        case .object, .array:
            return span.kind.nameWithArticle
        default:
            let limit = 40
            let text = String(decoding: bytes[span.start..<min(span.end, span.start + limit)], as: UTF8.self)
            return span.range.count > limit ? text + "…" : text
        }
    }
}
