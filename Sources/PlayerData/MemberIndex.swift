/// The top-level members of a scanned document with JavaScript's key semantics: a duplicated
/// key keeps its first position and its last value.
struct MemberIndex: Sendable {
    struct Entry: Sendable {
        let key: String
        /// The member whose value counts (the last occurrence of the key).
        var member: ScannedMember
        let isGuild: Bool
    }

    let entries: [Entry]
    let duplicateKeys: [DuplicateKey]
    let guildIDs: [String]
    let playerCount: Int
    /// Keyed by the decoded key as WTF-8, so keys differing only in lone surrogates stay apart.
    private let positions: [[UInt8]: Int]

    init(_ members: [ScannedMember]) {
        var entries: [Entry] = []
        entries.reserveCapacity(members.count)
        var positions: [[UInt8]: Int] = [:]
        positions.reserveCapacity(members.count)
        var occurrences: [Int: [Int]] = [:]
        for member in members {
            if let existing = positions[member.identity] {
                let firstOffset = entries[existing].member.keyRange.lowerBound
                occurrences[existing, default: [firstOffset]].append(member.keyRange.lowerBound)
                entries[existing].member = member
            } else {
                let key = String(decoding: member.identity, as: UTF8.self)
                positions[member.identity] = entries.count
                entries.append(Entry(key: key, member: member, isGuild: !PlayerDataFile.nonGuildKeys.contains(key)))
            }
        }
        self.entries = entries
        self.positions = positions
        self.duplicateKeys = occurrences.keys.sorted().map { index in
            DuplicateKey(key: entries[index].key, byteOffsets: occurrences[index] ?? [])
        }
        self.guildIDs = entries.filter(\.isGuild).map(\.key)
        self.playerCount = entries.reduce(0) { $0 + ($1.isGuild ? $1.member.playerCount : 0) }
    }

    func entry(_ key: String) -> Entry? {
        positions[Array(key.utf8)].map { entries[$0] }
    }
}
