/// Counts the distinct keys of one object (a guild's `players`), as `Object.keys(o).length`
/// would after JSON.parse has collapsed duplicates. Keys are hashed while scanning; only keys
/// with equal hashes are compared byte by byte, after decoding escapes.
struct DistinctKeyCounter {
    private struct Key {
        var hash: UInt64
        var range: Range<Int>
        var escaped: Bool
    }

    private var keys: [Key] = []

    mutating func reset() {
        keys.removeAll(keepingCapacity: true)
    }

    /// `range` spans the key's quotes.
    mutating func add(_ range: Range<Int>, escaped: Bool, in bytes: UnsafeRawBufferPointer) {
        let inner = UnsafeRawBufferPointer(rebasing: bytes[(range.lowerBound + 1)..<(range.upperBound - 1)])
        let hash: UInt64
        if escaped {
            hash = JSONStringDecoder.decode(inner).withUnsafeBytes { Self.hash($0) }
        } else {
            hash = Self.hash(inner)
        }
        keys.append(Key(hash: hash, range: range, escaped: escaped))
    }

    mutating func distinctCount(in bytes: UnsafeRawBufferPointer) -> Int {
        guard keys.count > 1 else { return keys.count }
        keys.sort { $0.hash < $1.hash }
        var duplicates = 0
        var groupStart = 0
        for index in 1...keys.count {
            if index < keys.count && keys[index].hash == keys[groupStart].hash { continue }
            if index - groupStart > 1 {
                duplicates += duplicatesInGroup(groupStart..<index, bytes: bytes)
            }
            groupStart = index
        }
        return keys.count - duplicates
    }

    /// Keys in `group` share a hash; count those equal to an earlier one.
    private func duplicatesInGroup(_ group: Range<Int>, bytes: UnsafeRawBufferPointer) -> Int {
        let texts = group.map { index -> [UInt8] in
            let key = keys[index]
            let inner = UnsafeRawBufferPointer(rebasing: bytes[(key.range.lowerBound + 1)..<(key.range.upperBound - 1)])
            return key.escaped ? JSONStringDecoder.decode(inner) : Array(inner)
        }
        var duplicates = 0
        for (position, text) in texts.enumerated() where texts[..<position].contains(text) {
            duplicates += 1
        }
        return duplicates
    }

    /// A fast 64-bit hash over whole words; quality only matters for speed, never correctness.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(truncatingIfNeeded: bytes.count) &* multiplier
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* multiplier
            hash ^= hash >> 29
            index += 8
        }
        var tail: UInt64 = 0
        while index < count {
            tail = tail << 8 | UInt64(bytes[index])
            index += 1
        }
        hash = (hash ^ tail) &* multiplier
        return hash ^ (hash >> 32)
    }
}
