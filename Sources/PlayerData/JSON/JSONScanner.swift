/// Validates a whole JSON document (RFC 8259) in one pass and, on the way, indexes what the
/// player data features need: the top-level members' byte ranges, each guild's player count and
/// server name, and whether the layout is `JSON.stringify(_, null, 2)`'s.
///
/// The scanner is iterative (an explicit container stack, bounded by `maximumDepth`), so hostile
/// nesting is an error rather than a stack overflow. It works on raw pointers because export speed
/// is measured against Node; every read is bounds-checked by hand against `count`.
struct JSONScanner {
    static let maximumDepth = 512

    static func scan(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> ScanResult {
        guard bytes.count > 0 else {
            throw JSONSyntaxError(problem: .emptyInput, byteOffset: 0, line: 1, column: 1)
        }
        if let split = parallelSplit(of: bytes) {
            return try scanInParallel(bytes, split: split)
        }
        return try withScanner(bytes) { (scanner: inout JSONScanner) throws(JSONSyntaxError) in try scanner.scanDocument() }
    }

    /// Runs `body` with a scanner over `bytes` (which must not be empty).
    static func withScanner<R>(
        _ bytes: UnsafeRawBufferPointer, _ body: (inout JSONScanner) throws(JSONSyntaxError) -> R
    ) throws(JSONSyntaxError) -> R {
        let stack = UnsafeMutablePointer<UInt8>.allocate(capacity: maximumDepth + 1)
        defer { stack.deallocate() }
        let base = bytes.baseAddress ?? UnsafeRawPointer(stack)
        var scanner = JSONScanner(
            bytes: bytes, pointer: base.assumingMemoryBound(to: UInt8.self), count: bytes.count, containers: stack)
        return try body(&scanner)
    }

    /// The bytes in hand: the whole document, or the current piece when streaming from a file.
    var bytes: UnsafeRawBufferPointer
    var p: UnsafePointer<UInt8>
    var n: Int
    var i = 0
    /// Offset in the document of p[0]; the index always records document offsets.
    var base = 0
    /// Supplies the next piece when streaming; pieces end right after a newline, which valid
    /// JSON only has between tokens, so only whitespace skipping ever reaches a piece's end.
    var source: JSONChunkSource?
    /// Number of open containers; `containers[1...depth]` holds their kinds.
    var depth = 0
    let containers: UnsafeMutablePointer<UInt8>

    // Index being built.
    var members: [ScannedMember] = []
    var rootLayoutIsCanonical = true
    var memberKeyRange = 0..<0
    var memberKeyHasEscapes = false
    var memberIdentity: [UInt8] = []
    var memberValueStart = 0
    var memberValueKind = JSONValueKind.null
    var memberLayoutIsCanonical = true
    var memberPlayerCount = 0
    var memberServerName: JSONValueSpan?
    /// What the current key of a guild object (depth 2) is.
    var guildKey = GuildKey.other
    var guildValueStart = 0
    var guildValueKind = JSONValueKind.null
    /// Whether the object open at depth 3 is a guild's `players`.
    var inPlayers = false
    var playerKeys = DistinctKeyCounter()
    /// A parallel scan's first half stops when it reaches this top-level key position.
    var stopOffset = Int.max
    var stoppedAtSplit = false

    enum GuildKey { case other, players, serverName }

    static let object: UInt8 = 1
    static let array: UInt8 = 2
    /// `skipGap` results other than "a newline followed by N spaces".
    static let emptyGap = -1
    static let irregularGap = -2

    init(bytes: UnsafeRawBufferPointer, pointer: UnsafePointer<UInt8>, count: Int, containers: UnsafeMutablePointer<UInt8>) {
        self.bytes = bytes
        self.p = pointer
        self.n = count
        self.containers = containers
    }

    mutating func scanDocument() throws(JSONSyntaxError) -> ScanResult {
        if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF {
            throw failure(.byteOrderMark, at: 0)
        }
        let leading = skipGap()
        guard i < n else { throw failure(.unexpectedEnd(expected: "a JSON object", openContainers: 0), at: i) }
        guard p[i] == UInt8(ascii: "{") else { throw topLevelFailure() }
        let rootStart = base &+ i
        rootLayoutIsCanonical = leading == Self.emptyGap
        try scanValues()
        if stoppedAtSplit {
            return ScanResult(
                members: members, rootRange: rootStart..<(base &+ i), layoutIsCanonical: rootLayoutIsCanonical,
                isComplete: false)
        }
        return try finishDocument(rootStart: rootStart)
    }

    /// Scans from a top-level key at p[start] to the end, as if everything before it were a
    /// valid start of the top-level object (a parallel scan's second half).
    mutating func scanRemainder(from start: Int) throws(JSONSyntaxError) -> ScanResult {
        i = start
        depth = 1
        containers[1] = Self.object
        try scanKeyAndColon()
        try scanValues()
        return try finishDocument(rootStart: base &+ start)
    }

    /// The top-level object has just closed at i.
    private mutating func finishDocument(rootStart: Int) throws(JSONSyntaxError) -> ScanResult {
        let rootEnd = base &+ i
        let trailing = skipGap()
        guard i == n else { throw failure(.trailingContent, at: i) }
        rootLayoutIsCanonical = rootLayoutIsCanonical && trailing == Self.emptyGap
        return ScanResult(members: members, rootRange: rootStart..<rootEnd, layoutIsCanonical: rootLayoutIsCanonical)
    }

    /// Scans values until the container open at entry (the top-level object) closes.
    private mutating func scanValues() throws(JSONSyntaxError) {
        while true {
            // One value starts at p[i]; the whitespace before it is already consumed.
            guard i < n else { throw failure(.unexpectedEnd(expected: "a value", openContainers: depth), at: i) }
            let first = p[i]
            if depth <= 2 { valueWillStart(first) }
            switch first {
            case UInt8(ascii: "{"):
                try push(Self.object)
                i &+= 1
                let gap = skipGap()
                guard i < n else { throw failure(.unexpectedEnd(expected: "a string key or '}'", openContainers: depth), at: i) }
                if p[i] == UInt8(ascii: "}") {
                    noteLayout(gap == Self.emptyGap)
                    i &+= 1
                    depth &-= 1
                } else {
                    noteLayout(gap == depth &* 2)
                    try scanKeyAndColon()
                    continue
                }
            case UInt8(ascii: "["):
                try push(Self.array)
                i &+= 1
                let gap = skipGap()
                guard i < n else { throw failure(.unexpectedEnd(expected: "a value or ']'", openContainers: depth), at: i) }
                if p[i] == UInt8(ascii: "]") {
                    noteLayout(gap == Self.emptyGap)
                    i &+= 1
                    depth &-= 1
                } else {
                    noteLayout(gap == depth &* 2)
                    continue
                }
            case UInt8(ascii: "\""):
                _ = try scanString()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try scanNumber()
            case UInt8(ascii: "t"):
                try scanLiteral("true")
            case UInt8(ascii: "f"):
                try scanLiteral("false")
            case UInt8(ascii: "n"):
                try scanLiteral("null")
            default:
                throw valueStartFailure()
            }
            // A value is complete; climb out of every container that closes right after it.
            while true {
                if depth <= 2 { valueDidEnd() }
                if depth == 0 { return }
                let gap = skipGap()
                guard i < n else {
                    throw failure(.unexpectedEnd(expected: "',' or '\(closer())'", openContainers: depth), at: i)
                }
                let next = p[i]
                if next == UInt8(ascii: ",") {
                    noteLayout(gap == Self.emptyGap)
                    i &+= 1
                    noteLayout(skipGap() == depth &* 2)
                    if containers[depth] == Self.object {
                        if depth == 1 && base &+ i == stopOffset {
                            stoppedAtSplit = true
                            return
                        }
                        try scanKeyAndColon()
                    }
                    break
                }
                guard next == closerByte() else { throw afterValueFailure() }
                noteLayout(gap == (depth &- 1) &* 2)
                i &+= 1
                depth &-= 1
            }
        }
    }

    /// Scans `"key"`, the colon and the whitespace after it; p[i] must start the key.
    @inline(__always)
    private mutating func scanKeyAndColon() throws(JSONSyntaxError) {
        guard i < n else { throw failure(.unexpectedEnd(expected: "a string key", openContainers: depth), at: i) }
        guard p[i] == UInt8(ascii: "\"") else { throw keyStartFailure() }
        let keyStart = i
        let escaped = try scanString()
        if depth <= 3 { keyDidEnd(keyStart..<i, escaped: escaped) }
        noteLayout(skipGap() == Self.emptyGap)
        guard i < n else { throw failure(.unexpectedEnd(expected: "':'", openContainers: depth), at: i) }
        guard p[i] == UInt8(ascii: ":") else {
            throw failure(.unexpectedCharacter(found: describe(at: i), expected: "':' after an object key"), at: i)
        }
        i &+= 1
        // JSON.stringify puts exactly one space after the colon.
        if i &+ 1 < n && p[i] == 0x20 && !Self.isWhitespace(p[i &+ 1]) {
            i &+= 1
        } else {
            _ = skipGap()
            noteLayout(false)
        }
    }

    @inline(__always)
    private mutating func push(_ kind: UInt8) throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else {
            throw failure(.nestingTooDeep(limit: Self.maximumDepth), at: i)
        }
        depth &+= 1
        containers[depth] = kind
        // guildKey is reset for every top-level member, so it is only .players when the container
        // at depth 2 is a guild object and this container is the value of its `players` key.
        if depth == 3 { inPlayers = kind == Self.object && guildKey == .players }
    }

    /// Records whether a gap matched `JSON.stringify(_, null, 2)`; gaps inside a top-level
    /// member's value count for that member, the others for the document.
    @inline(__always)
    private mutating func noteLayout(_ isCanonical: Bool) {
        if depth >= 2 {
            memberLayoutIsCanonical = memberLayoutIsCanonical && isCanonical
        } else {
            rootLayoutIsCanonical = rootLayoutIsCanonical && isCanonical
        }
    }

    private func closerByte() -> UInt8 {
        containers[depth] == Self.object ? UInt8(ascii: "}") : UInt8(ascii: "]")
    }

    func closer() -> Character {
        containers[depth] == Self.object ? "}" : "]"
    }

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// Skips whitespace and classifies it: a newline followed by N spaces (returns N, the only
    /// shape `JSON.stringify` produces between lines), nothing (`emptyGap`), or anything else.
    /// The fast path stays within the bytes in hand; the rare gap that reaches their end
    /// (the document's end, or a piece's when streaming) takes `skipGapAcrossPieces`.
    @inline(__always)
    mutating func skipGap() -> Int {
        guard i < n else { return skipGapAcrossPieces() }
        guard p[i] == 0x0A else { return skipWhitespace() ? Self.irregularGap : Self.emptyGap }
        let newline = i
        i &+= 1
        let spacesStart = i
        let eightSpaces: UInt64 = 0x2020_2020_2020_2020
        while i &+ 8 <= n {
            let others = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) ^ eightSpaces
            if others != 0 {
                // High bit of each non-zero byte of `others`, i.e. of each non-space byte.
                let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
                i &+= Self.firstFlaggedByte((((others & low7) &+ low7) | others) & ~low7)
                break
            }
            i &+= 8
        }
        while i < n && p[i] == 0x20 { i &+= 1 }
        guard i < n else {
            i = newline
            return skipGapAcrossPieces()
        }
        if Self.isWhitespace(p[i]) {
            _ = skipWhitespace()
            return Self.irregularGap
        }
        return i &- spacesStart
    }

    @inline(never)
    mutating func skipGapAcrossPieces() -> Int {
        if i >= n && !nextPiece() { return Self.emptyGap }
        guard p[i] == 0x0A else { return skipWhitespace() ? Self.irregularGap : Self.emptyGap }
        i &+= 1
        var spaces = 0
        while true {
            while i < n && p[i] == 0x20 {
                i &+= 1
                spaces &+= 1
            }
            if i < n || !nextPiece() { break }
        }
        if i < n && Self.isWhitespace(p[i]) {
            _ = skipWhitespace()
            return Self.irregularGap
        }
        return spaces
    }

    /// Skips whitespace (across pieces when streaming); returns whether there was any.
    @inline(__always)
    mutating func skipWhitespace() -> Bool {
        let start = i
        while i < n && Self.isWhitespace(p[i]) { i &+= 1 }
        if i < n { return i != start }
        return skipWhitespaceAcrossPieces(skipped: i != start)
    }

    @inline(never)
    mutating func skipWhitespaceAcrossPieces(skipped: Bool) -> Bool {
        var skipped = skipped
        while nextPiece() {
            while i < n && Self.isWhitespace(p[i]) {
                i &+= 1
                skipped = true
            }
            if i < n { break }
        }
        return skipped
    }

    /// Moves on to the next piece when streaming; false at the end of the document.
    mutating func nextPiece() -> Bool {
        guard let source, let piece = source.next(), let address = piece.bytes.baseAddress, piece.bytes.count > 0 else {
            return false
        }
        base = piece.offset
        bytes = piece.bytes
        p = address.assumingMemoryBound(to: UInt8.self)
        n = piece.bytes.count
        i = 0
        return true
    }
}
