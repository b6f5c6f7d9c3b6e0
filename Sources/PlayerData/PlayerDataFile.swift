/// A validated `playerData.json`: the exact bytes plus an index of its top-level members.
///
/// Nothing is ever decoded into dictionaries; reads hand out byte ranges of the original, so key
/// order, unknown fields, escapes and big numbers survive untouched. Top-level keys follow
/// JavaScript's rules: a duplicated key keeps its first position and its last value.
package struct PlayerDataFile: Sendable {
    /// Top-level keys that hold settings rather than a guild.
    package static let nonGuildKeys: Set<String> = ["/* Server ID */", "environmentConfig"]

    package let bytes: [UInt8]
    /// True when the bytes are laid out exactly as `JSON.stringify(data, null, 2)` writes them.
    package let layoutMatchesStringify: Bool
    /// The top-level object, from `{` to just past `}`.
    let rootRange: Range<Int>
    /// End of the value of the last top-level member in file order (nil if there is none).
    let lastMemberValueEnd: Int?
    let index: MemberIndex

    package init(bytes: [UInt8]) throws(PlayerDataError) {
        let outcome = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONSyntaxError) in try JSONScanner.scan(buffer) }
        }
        let scan: ScanResult
        switch outcome {
        case .success(let value): scan = value
        case .failure(let error): throw .invalidJSON(error)
        }
        self.bytes = bytes
        self.rootRange = scan.rootRange
        self.lastMemberValueEnd = scan.members.last?.value.end
        self.index = MemberIndex(scan.members)
        self.layoutMatchesStringify = scan.layoutIsCanonical && index.duplicateKeys.isEmpty
    }

    /// Keys that occur more than once at the top level (JSON.parse keeps only the last value).
    package var duplicateKeys: [DuplicateKey] { index.duplicateKeys }

    /// Guilds in the file: every top-level key except `nonGuildKeys`, in JavaScript's order.
    package var guildIDs: [String] { index.guildIDs }

    /// Players over all guilds: the distinct keys of each guild's `players` object, summed.
    package var playerCount: Int { index.playerCount }

    package var byteCount: Int { bytes.count }

    package var guildCount: Int { guildIDs.count }

    /// Every top-level key, in JavaScript's order.
    package var keys: [String] { index.entries.map(\.key) }

    /// The raw bytes of a top-level member's value, exactly as they are in the file.
    package func guild(_ id: String) -> ArraySlice<UInt8>? {
        entry(id).map { bytes[$0.member.value.range] }
    }

    /// The guild's `serverName` when it is a string.
    package func serverName(of id: String) -> String? {
        guard let span = entry(id)?.member.serverName, span.kind == .string else { return nil }
        return bytes.withUnsafeBytes { buffer in
            JSONStringDecoder.string(UnsafeRawBufferPointer(rebasing: buffer[(span.start + 1)..<(span.end - 1)]))
        }
    }

    /// Distinct keys of the guild's `players` object (0 if it has none); nil if there is no such member.
    package func playerCount(of id: String) -> Int? {
        entry(id)?.member.playerCount
    }

    func entry(_ key: String) -> MemberIndex.Entry? {
        index.entry(key)
    }
}

/// A top-level key that occurs more than once.
package struct DuplicateKey: Sendable, Equatable {
    package let key: String
    /// Byte offsets of each occurrence's key, in file order.
    package let byteOffsets: [Int]
}
