/// The indexing hooks: called only for keys and values at depth <= 3, so the deep,
/// hot part of the scan pays a single comparison for them. Everything recorded is a document
/// offset or a copy, never a reference into the bytes in hand, which may be a passing piece.
extension JSONScanner {
    /// A value is about to be scanned at p[i] inside the container at `depth` (0, 1 or 2).
    mutating func valueWillStart(_ first: UInt8) {
        if depth == 1 {
            memberValueStart = base &+ i
            memberValueKind = JSONValueKind(firstByte: first)
        } else if depth == 2 && guildKey != .other {
            guildValueStart = base &+ i
            guildValueKind = JSONValueKind(firstByte: first)
            if guildKey == .players && first == UInt8(ascii: "{") { playerKeys.reset() }
        }
    }

    /// A value has just ended at i inside the container at `depth` (0, 1 or 2).
    mutating func valueDidEnd() {
        if depth == 1 {
            members.append(
                ScannedMember(
                    keyRange: memberKeyRange,
                    keyHasEscapes: memberKeyHasEscapes,
                    identity: memberIdentity,
                    value: JSONValueSpan(start: memberValueStart, end: base &+ i, kind: memberValueKind),
                    layoutIsCanonical: memberLayoutIsCanonical,
                    playerCount: memberPlayerCount,
                    serverName: memberServerName
                )
            )
        } else if depth == 2 && guildKey != .other {
            switch guildKey {
            case .players:
                // A later `players` member replaces an earlier one, as JSON.parse does.
                memberPlayerCount = guildValueKind == .object ? playerKeys.distinctCount() : 0
            case .serverName:
                memberServerName = JSONValueSpan(start: guildValueStart, end: base &+ i, kind: guildValueKind)
            case .other:
                break
            }
        }
    }

    /// A key string occupying p[range] (quotes included) has been scanned at `depth` (1, 2 or 3).
    mutating func keyDidEnd(_ range: Range<Int>, escaped: Bool) {
        let inner = UnsafeRawBufferPointer(rebasing: bytes[(range.lowerBound + 1)..<(range.upperBound - 1)])
        switch depth {
        case 1:
            memberKeyRange = (base &+ range.lowerBound)..<(base &+ range.upperBound)
            memberKeyHasEscapes = escaped
            memberIdentity = escaped ? JSONStringDecoder.decode(inner) : Array(inner)
            memberLayoutIsCanonical = true
            memberPlayerCount = 0
            memberServerName = nil
            guildKey = .other
        case 2:
            guildKey = classifyGuildKey(inner, escaped: escaped)
        case 3:
            if inPlayers { playerKeys.add(inner, escaped: escaped) }
        default:
            break
        }
    }

    private func classifyGuildKey(_ inner: UnsafeRawBufferPointer, escaped: Bool) -> GuildKey {
        // Escaped spellings ("pl\u0061yers") are the same key to JSON.parse, so decode those.
        let text: [UInt8] = escaped ? JSONStringDecoder.decode(inner) : []
        func matches(_ name: StaticString) -> Bool {
            let expected = UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
            return escaped ? text.elementsEqual(expected) : inner.elementsEqual(expected)
        }
        if matches("players") { return .players }
        if matches("serverName") { return .serverName }
        return .other
    }
}
