/// Builds a new data file from an old one by editing bytes in place: every byte outside the
/// edited member stays exactly as it was.
enum PlayerDataSplicer {
    /// A value to write at depth 1, taken from a validated document.
    struct Value {
        let document: PlayerDataFile
        let member: ScannedMember
    }

    /// `base` with the value of `member` replaced.
    static func replacing(_ member: ScannedMember, in base: PlayerDataFile, with value: Value) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(base.byteCount - member.value.range.count + value.member.value.range.count)
        out.append(contentsOf: base.bytes[..<member.value.start])
        append(value, to: &out)
        out.append(contentsOf: base.bytes[member.value.end...])
        return out
    }

    /// `base` with a new last member `key: value`.
    static func appending(key: String, value: Value, to base: PlayerDataFile) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(base.byteCount + value.member.value.range.count + key.utf8.count + 16)
        if let lastEnd = base.lastMemberValueEnd {
            out.append(contentsOf: base.bytes[..<lastEnd])
            out.append(contentsOf: Array(",\n  ".utf8))
            appendMember(key: key, value: value, to: &out)
            out.append(contentsOf: base.bytes[lastEnd...])
        } else {
            let root = base.rootRange
            out.append(contentsOf: base.bytes[..<root.lowerBound])
            out.append(contentsOf: Array("{\n  ".utf8))
            appendMember(key: key, value: value, to: &out)
            out.append(contentsOf: Array("\n}".utf8))
            out.append(contentsOf: base.bytes[root.upperBound...])
        }
        return out
    }

    private static func appendMember(key: String, value: Value, to out: inout [UInt8]) {
        JSONStringEncoder.append(key, to: &out)
        out.append(contentsOf: Array(": ".utf8))
        append(value, to: &out)
    }

    private static func append(_ value: Value, to out: inout [UInt8]) {
        value.document.bytes.withUnsafeBytes { buffer in
            ExportBuilder.appendValue(value.member.value, canonical: value.member.layoutIsCanonical, in: buffer, to: &out)
        }
    }
}
