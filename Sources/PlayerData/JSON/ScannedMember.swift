/// One member of the top-level object as the scanner found it, in file order (duplicates included).
struct ScannedMember: Sendable, Equatable {
    /// From the opening quote of the key to just past its closing quote.
    var keyRange: Range<Int>
    var keyHasEscapes: Bool
    /// The decoded key as WTF-8 (UTF-8 that keeps lone surrogate escapes apart), the identity
    /// used for lookups and duplicate detection.
    var identity: [UInt8]
    var value: JSONValueSpan
    /// True when the value's bytes are already laid out exactly as `JSON.stringify(_, null, 2)`
    /// lays out a value at depth 1, so exports can copy them without re-indenting.
    var layoutIsCanonical: Bool
    /// Distinct keys of the value's `players` object (the last `players` member wins, as in
    /// JavaScript); 0 when there is none or it is not an object.
    var playerCount: Int
    /// The value of the last `serverName` member, if the value is an object that has one.
    var serverName: JSONValueSpan?
}

/// What one scan of a document found.
struct ScanResult: Sendable, Equatable {
    var members: [ScannedMember]
    /// The top-level object, from `{` to just past `}`.
    var rootRange: Range<Int>
    /// True when the whole document (top level included) has `JSON.stringify(_, null, 2)` layout.
    var layoutIsCanonical: Bool
    /// False for the first half of a parallel scan, which stops at the split point.
    var isComplete = true

    /// The whole document from the first half of a parallel scan and the second half's members.
    consuming func joined(with tail: ScanResult) -> ScanResult {
        members.append(contentsOf: tail.members)
        return ScanResult(
            members: members,
            rootRange: rootRange.lowerBound..<tail.rootRange.upperBound,
            layoutIsCanonical: layoutIsCanonical && tail.layoutIsCanonical,
            isComplete: true
        )
    }
}
