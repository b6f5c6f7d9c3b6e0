/// Counts the distinct keys of one object (a guild's `players`), as `Object.keys(o).length`
/// would after JSON.parse has collapsed duplicates. Each key's decoded text is kept (the object
/// may span pieces of a streamed file) with a hash; only keys with equal hashes are compared.
struct DistinctKeyCounter {
    private struct Key {
        var hash: UInt64
        var start: Int
        var count: Int
    }

    private var keys: [Key] = []
    private var text: [UInt8] = []

    mutating func reset() {
        keys.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
    }

    /// `inner` is the key without its quotes.
    mutating func add(_ inner: UnsafeRawBufferPointer, escaped: Bool) {
        let start = text.count
        if escaped {
            text.append(contentsOf: JSONStringDecoder.decode(inner))
        } else {
            text.append(contentsOf: inner)
        }
        let count = text.count - start
        let hash = text.withUnsafeBytes { Self.hash(UnsafeRawBufferPointer(rebasing: $0[start..<(start + count)])) }
        keys.append(Key(hash: hash, start: start, count: count))
    }

    mutating func distinctCount() -> Int {
        guard keys.count > 1 else { return keys.count }
        keys.sort { $0.hash < $1.hash }
        var duplicates = 0
        var groupStart = 0
        for index in 1...keys.count {
            if index < keys.count && keys[index].hash == keys[groupStart].hash { continue }
            for later in (groupStart + 1)..<index where (groupStart..<later).contains(where: { sameText(keys[$0], keys[later]) }) {
                duplicates += 1
            }
            groupStart = index
        }
        return keys.count - duplicates
    }

    private func sameText(_ a: Key, _ b: Key) -> Bool {
        a.count == b.count && text[a.start..<(a.start + a.count)] == text[b.start..<(b.start + b.count)]
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
