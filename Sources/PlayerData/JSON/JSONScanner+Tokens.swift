/// Strings, numbers and literals.
extension JSONScanner {
    /// Scans a string starting at the opening quote at p[i]; returns whether it holds escapes.
    @inline(__always)
    mutating func scanString() throws(JSONSyntaxError) -> Bool {
        i &+= 1
        var escaped = false
        while true {
            // Eight bytes at a time, jumping straight to the first byte that needs a closer look.
            if i &+ 8 <= n {
                let flags = Self.attentionFlags(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                if flags == 0 {
                    i &+= 8
                    continue
                }
                i &+= Self.firstFlaggedByte(flags)
            }
            guard i < n else { throw failure(.unterminatedString, at: i) }
            let byte = p[i]
            if byte == UInt8(ascii: "\"") {
                i &+= 1
                return escaped
            } else if byte == UInt8(ascii: "\\") {
                try scanEscape()
                escaped = true
            } else if byte < 0x20 {
                throw failure(.controlCharacterInString(byte), at: i)
            } else if byte >= 0x80 {
                try scanUTF8Sequence()
            } else {
                i &+= 1
            }
        }
    }

    /// Index (0-7) of the first byte in memory order whose high bit is set in `flags`.
    @inline(__always)
    static func firstFlaggedByte(_ flags: UInt64) -> Int {
        #if _endian(little)
        return flags.trailingZeroBitCount &>> 3
        #else
        return flags.leadingZeroBitCount &>> 3
        #endif
    }

    /// The high bit of each byte that is a quote, a backslash, a control character or non-ASCII
    /// (classic SWAR tests). Borrows can only flag bytes above a genuine match, so the lowest
    /// flag is always exact, which is all the scanner uses.
    @inline(__always)
    static func attentionFlags(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let hasQuote = (quotes &- ones) & ~quotes
        let hasBackslash = (backslashes &- ones) & ~backslashes
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasQuote | hasBackslash | hasControl | word) & highBits
    }

    private mutating func scanEscape() throws(JSONSyntaxError) {
        guard i &+ 1 < n else { throw failure(.unterminatedString, at: n) }
        switch p[i &+ 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
            UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            i &+= 2
        case UInt8(ascii: "u"):
            for offset in 2..<6 {
                guard i &+ offset < n else { throw failure(.unterminatedString, at: n) }
                guard Self.hexValue(p[i &+ offset]) != nil else { throw failure(.invalidUnicodeEscape, at: i) }
            }
            i &+= 6
        default:
            throw failure(.invalidEscape(found: "\\" + describeCharacter(at: i &+ 1, quoted: false)), at: i)
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte &- UInt8(ascii: "a") &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte &- UInt8(ascii: "A") &+ 10
        default: return nil
        }
    }

    /// Validates one multi-byte UTF-8 sequence at p[i] (Unicode table 3-7: no overlong forms,
    /// no surrogates, nothing above U+10FFFF).
    private mutating func scanUTF8Sequence() throws(JSONSyntaxError) {
        guard let length = Self.utf8SequenceLength(p, at: i, count: n) else {
            if i &+ 4 > n && Self.isTruncatedUTF8(p, at: i, count: n) {
                throw failure(.unterminatedString, at: n)
            }
            throw failure(.invalidUTF8(p[i]), at: i)
        }
        i &+= length
    }

    /// Length of the well-formed sequence at `index`, or nil if it is not well formed.
    static func utf8SequenceLength(_ p: UnsafePointer<UInt8>, at index: Int, count n: Int) -> Int? {
        let lead = p[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard index &+ length <= n else { return nil }
        let second = p[index &+ 1]
        guard second >= low && second <= high else { return nil }
        for offset in 2..<length where p[index &+ offset] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }

    /// True when the bytes from `index` to the end are a valid but incomplete sequence start.
    static func isTruncatedUTF8(_ p: UnsafePointer<UInt8>, at index: Int, count n: Int) -> Bool {
        let lead = p[index]
        guard lead >= 0xC2 && lead <= 0xF4 else { return false }
        for offset in (index &+ 1)..<n where p[offset] & 0xC0 != 0x80 {
            return false
        }
        return true
    }

    mutating func scanNumber() throws(JSONSyntaxError) {
        if p[i] == UInt8(ascii: "-") {
            i &+= 1
            guard i < n else { throw failure(.unexpectedEnd(expected: "a digit after '-'", openContainers: depth), at: i) }
            if p[i] == UInt8(ascii: "I") && matches("Infinity", at: i) {
                throw failure(.nonFiniteNumber("-Infinity"), at: i &- 1)
            }
        }
        guard i < n, Self.isDigit(p[i]) else {
            throw failure(.invalidNumber("expected a digit after '-'"), at: i)
        }
        if p[i] == UInt8(ascii: "0") {
            i &+= 1
            if i < n && Self.isDigit(p[i]) {
                throw failure(.invalidNumber("leading zeros are not allowed"), at: i &- 1)
            }
        } else {
            skipDigits()
        }
        if i < n && p[i] == UInt8(ascii: ".") {
            i &+= 1
            guard i < n, Self.isDigit(p[i]) else {
                throw failure(.invalidNumber("expected a digit after the decimal point"), at: i)
            }
            skipDigits()
        }
        if i < n && (p[i] | 0x20) == UInt8(ascii: "e") {
            i &+= 1
            if i < n && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) { i &+= 1 }
            guard i < n, Self.isDigit(p[i]) else {
                throw failure(.invalidNumber("expected a digit in the exponent"), at: i)
            }
            skipDigits()
        }
    }

    @inline(__always)
    private mutating func skipDigits() {
        while i < n && Self.isDigit(p[i]) { i &+= 1 }
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    mutating func scanLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        guard matches(literal, at: i) else {
            if i &+ literal.utf8CodeUnitCount > n && isPrefix(of: literal, at: i) {
                throw failure(.unexpectedEnd(expected: "'\(literal)'", openContainers: depth), at: n)
            }
            throw failure(.invalidLiteral(found: word(at: i)), at: i)
        }
        i &+= literal.utf8CodeUnitCount
    }

    func matches(_ literal: StaticString, at index: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index &+ length <= n else { return false }
        return memcmpEqual(p + index, literal.utf8Start, length)
    }

    private func isPrefix(of literal: StaticString, at index: Int) -> Bool {
        let available = n &- index
        return available < literal.utf8CodeUnitCount && memcmpEqual(p + index, literal.utf8Start, available)
    }
}

@inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for offset in 0..<count where a[offset] != b[offset] {
        return false
    }
    return true
}
