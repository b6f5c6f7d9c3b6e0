/// A validated `playerData.json`: the exact bytes plus an index of its top-level members.
///
/// Nothing is ever decoded into dictionaries; reads hand out byte ranges of the original, so key
/// order, unknown fields, escapes and big numbers survive untouched. Top-level keys follow
/// JavaScript's rules: a duplicated key keeps its first position and its last value.
public struct PlayerDataFile: Sendable {
    /// Top-level keys that hold settings rather than a guild.
    public static let nonGuildKeys: Set<String> = ["/* Server ID */", "environmentConfig"]

    struct Entry: Sendable {
        let key: String
        /// The member whose value counts (the last occurrence of the key).
        var member: ScannedMember
        let isGuild: Bool
    }

    public let bytes: [UInt8]
    /// True when the bytes are laid out exactly as `JSON.stringify(data, null, 2)` writes them.
    public let layoutMatchesStringify: Bool
    /// Keys that occur more than once at the top level (JSON.parse keeps only the last value).
    public let duplicateKeys: [DuplicateKey]
    public let guildIDs: [String]
    public let playerCount: Int

    let entries: [Entry]
    /// The top-level object, from `{` to just past `}`.
    let rootRange: Range<Int>
    /// End of the value of the last top-level member in file order (nil if there is none).
    let lastMemberValueEnd: Int?
    /// Keyed by the decoded key as WTF-8, so keys differing only in lone surrogates stay apart.
    private let entryIndex: [[UInt8]: Int]

    public init(bytes: [UInt8]) throws(PlayerDataError) {
        let outcome = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONSyntaxError) in try JSONScanner.scan(buffer) }
        }
        let scan: ScanResult
        switch outcome {
        case .success(let value): scan = value
        case .failure(let error): throw .invalidJSON(error)
        }

        var entries: [Entry] = []
        entries.reserveCapacity(scan.members.count)
        var entryIndex: [[UInt8]: Int] = [:]
        entryIndex.reserveCapacity(scan.members.count)
        var occurrences: [Int: [Int]] = [:]
        bytes.withUnsafeBytes { buffer in
            for member in scan.members {
                let inner = UnsafeRawBufferPointer(
                    rebasing: buffer[(member.keyRange.lowerBound + 1)..<(member.keyRange.upperBound - 1)])
                let identity = member.keyHasEscapes ? JSONStringDecoder.decode(inner) : Array(inner)
                if let existing = entryIndex[identity] {
                    let firstOffset = entries[existing].member.keyRange.lowerBound
                    occurrences[existing, default: [firstOffset]].append(member.keyRange.lowerBound)
                    entries[existing].member = member
                } else {
                    let key = String(decoding: identity, as: UTF8.self)
                    entryIndex[identity] = entries.count
                    entries.append(Entry(key: key, member: member, isGuild: !Self.nonGuildKeys.contains(key)))
                }
            }
        }
        self.bytes = bytes
        self.rootRange = scan.rootRange
        self.lastMemberValueEnd = scan.members.last?.value.end
        self.entries = entries
        self.entryIndex = entryIndex
        self.layoutMatchesStringify = scan.layoutIsCanonical && occurrences.isEmpty
        self.duplicateKeys = occurrences.keys.sorted().map { index in
            DuplicateKey(key: entries[index].key, byteOffsets: occurrences[index] ?? [])
        }
        self.guildIDs = entries.filter(\.isGuild).map(\.key)
        self.playerCount = entries.reduce(0) { $0 + ($1.isGuild ? $1.member.playerCount : 0) }
    }

    public var byteCount: Int { bytes.count }

    /// Guilds in the file: every top-level key except `nonGuildKeys`.
    public var guildCount: Int { guildIDs.count }

    /// Every top-level key, in JavaScript's order.
    public var keys: [String] { entries.map(\.key) }

    /// The raw bytes of a top-level member's value, exactly as they are in the file.
    public func guild(_ id: String) -> ArraySlice<UInt8>? {
        entry(id).map { bytes[$0.member.value.range] }
    }

    /// The guild's `serverName` when it is a string.
    public func serverName(of id: String) -> String? {
        guard let span = entry(id)?.member.serverName, span.kind == .string else { return nil }
        return bytes.withUnsafeBytes { buffer in
            JSONStringDecoder.string(UnsafeRawBufferPointer(rebasing: buffer[(span.start + 1)..<(span.end - 1)]))
        }
    }

    /// Distinct keys of the guild's `players` object (0 if it has none); nil if there is no such member.
    public func playerCount(of id: String) -> Int? {
        entry(id)?.member.playerCount
    }

    func entry(_ key: String) -> Entry? {
        entryIndex[Array(key.utf8)].map { entries[$0] }
    }
}

/// A top-level key that occurs more than once.
public struct DuplicateKey: Sendable, Equatable {
    public let key: String
    /// Byte offsets of each occurrence's key, in file order.
    public let byteOffsets: [Int]
}
