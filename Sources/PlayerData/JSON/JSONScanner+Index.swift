/// The indexing hooks: called only for keys and values at depth <= 3, so the deep,
/// hot part of the scan pays a single comparison for them.
extension JSONScanner {
    /// A value is about to be scanned at p[i] inside the container at `depth` (0, 1 or 2).
    mutating func valueWillStart(_ first: UInt8) {
        if depth == 1 {
            memberValueStart = i
        } else if depth == 2 && guildKey != .other {
            guildValueStart = i
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
                    value: JSONValueSpan(start: memberValueStart, end: i, kind: JSONValueKind(firstByte: p[memberValueStart])),
                    layoutIsCanonical: memberLayoutIsCanonical,
                    playerCount: memberPlayerCount,
                    serverName: memberServerName
                )
            )
        } else if depth == 2 && guildKey != .other {
            let kind = JSONValueKind(firstByte: p[guildValueStart])
            switch guildKey {
            case .players:
                // A later `players` member replaces an earlier one, as JSON.parse does.
                memberPlayerCount = kind == .object ? playerKeys.distinctCount(in: bytes) : 0
            case .serverName:
                memberServerName = JSONValueSpan(start: guildValueStart, end: i, kind: kind)
            case .other:
                break
            }
        }
    }

    /// A key string occupying `range` (quotes included) has been scanned at `depth` (1, 2 or 3).
    mutating func keyDidEnd(_ range: Range<Int>, escaped: Bool) {
        switch depth {
        case 1:
            memberKeyRange = range
            memberKeyHasEscapes = escaped
            memberLayoutIsCanonical = true
            memberPlayerCount = 0
            memberServerName = nil
            guildKey = .other
        case 2:
            guildKey = classifyGuildKey(range, escaped: escaped)
        case 3:
            if inPlayers { playerKeys.add(range, escaped: escaped, in: bytes) }
        default:
            break
        }
    }

    private func classifyGuildKey(_ range: Range<Int>, escaped: Bool) -> GuildKey {
        let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
        // Escaped spellings ("pl\u0061yers") are the same key to JSON.parse, so decode those.
        let text: [UInt8] = escaped ? JSONStringDecoder.decode(UnsafeRawBufferPointer(rebasing: bytes[inner])) : []
        func matches(_ name: StaticString) -> Bool {
            let expected = UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
            if escaped { return text.elementsEqual(expected) }
            return inner.count == expected.count && bytes[inner].elementsEqual(expected)
        }
        if matches("players") { return .players }
        if matches("serverName") { return .serverName }
        return .other
    }
}
