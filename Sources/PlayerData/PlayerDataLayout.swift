/// A data file cut into its top-level members, each with the exact bytes before it, so storage
/// that keeps guilds apart (cluster mode's database rows) can rebuild the file byte for byte:
/// `prefix + (separator + member)… + suffix` is the original file.
package struct PlayerDataLayout: Sendable, Equatable {
    package struct Member: Sendable, Equatable {
        /// The decoded top-level key.
        package let key: String
        /// What comes between the previous member (or the opening `{`) and this one: a comma,
        /// line breaks and indentation, exactly as in the file.
        package let separator: [UInt8]
        /// From the key's opening quote to the end of its value.
        package let member: [UInt8]

        package init(key: String, separator: [UInt8], member: [UInt8]) {
            self.key = key
            self.separator = separator
            self.member = member
        }
    }

    /// Everything up to and including the top-level `{`.
    package let prefix: [UInt8]
    package let members: [Member]
    /// Everything after the last member's value: line break, `}` and whatever trails it.
    package let suffix: [UInt8]

    package init(prefix: [UInt8], members: [Member], suffix: [UInt8]) {
        self.prefix = prefix
        self.members = members
        self.suffix = suffix
    }

    /// Cuts a validated file. A file with a key given twice is refused: its members cannot be
    /// stored one row per key without losing one of them (`castbot verify` lists them).
    package init(_ file: PlayerDataFile) throws(PlayerDataError) {
        if let duplicate = file.duplicateKeys.first {
            throw .invalidExport(
                "the key \"\(duplicate.key.prefix(40))\" occurs \(duplicate.byteOffsets.count) times at the top level; "
                    + "keep one (castbot verify lists every duplicate) before loading the file")
        }
        let bytes = file.bytes
        let open = file.rootRange.lowerBound + 1
        var members: [Member] = []
        members.reserveCapacity(file.index.entries.count)
        var previousEnd = open
        // File order (JavaScript's order puts small integer keys first; the bytes do not).
        for entry in file.index.entries.sorted(by: { $0.member.keyRange.lowerBound < $1.member.keyRange.lowerBound }) {
            let member = entry.member
            members.append(
                Member(
                    key: entry.key, separator: Array(bytes[previousEnd..<member.keyRange.lowerBound]),
                    member: Array(bytes[member.keyRange.lowerBound..<member.value.range.upperBound])))
            previousEnd = member.value.range.upperBound
        }
        self.init(prefix: Array(bytes[..<open]), members: members, suffix: Array(bytes[previousEnd...]))
    }

    /// The file again, byte for byte.
    package func joined() -> [UInt8] {
        var bytes = prefix
        bytes.reserveCapacity(prefix.count + suffix.count + members.reduce(0) { $0 + $1.separator.count + $1.member.count })
        for member in members {
            bytes += member.separator
            bytes += member.member
        }
        bytes += suffix
        return bytes
    }
}
