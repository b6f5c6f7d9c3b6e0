/// Turning "the byte at offset X is wrong" into a message that says what and where.
extension JSONScanner {
    /// `offset` is into the bytes in hand; the error carries the document offset and position.
    func failure(_ problem: JSONSyntaxError.Problem, at offset: Int) -> JSONSyntaxError {
        let documentOffset = base &+ offset
        let position = source?.position(of: documentOffset) ?? TextPosition(of: documentOffset, in: bytes)
        return JSONSyntaxError(problem: problem, byteOffset: documentOffset, line: position.line, column: position.column)
    }

    /// p[i] is not `{` at the top level.
    func topLevelFailure() -> JSONSyntaxError {
        let first = p[i]
        switch first {
        case UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return failure(.topLevelNotObject(found: JSONValueKind(firstByte: first).nameWithArticle), at: i)
        case UInt8(ascii: "t") where matches("true", at: i),
            UInt8(ascii: "f") where matches("false", at: i),
            UInt8(ascii: "n") where matches("null", at: i):
            return failure(.topLevelNotObject(found: JSONValueKind(firstByte: first).nameWithArticle), at: i)
        default:
            return valueStartFailure(expected: "a JSON object ('{')")
        }
    }

    /// p[i] cannot start a value.
    func valueStartFailure(expected: String = "a value") -> JSONSyntaxError {
        let byte = p[i]
        switch byte {
        case UInt8(ascii: "'"):
            return failure(.singleQuotedString, at: i)
        case UInt8(ascii: "N") where matches("NaN", at: i):
            return failure(.nonFiniteNumber("NaN"), at: i)
        case UInt8(ascii: "I") where matches("Infinity", at: i):
            return failure(.nonFiniteNumber("Infinity"), at: i)
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            return failure(
                .unexpectedCharacter(found: describe(at: i), expected: "\(expected) (trailing commas are not allowed)"), at: i)
        case UInt8(ascii: "+"):
            return failure(.invalidNumber("a leading '+' is not allowed"), at: i)
        case UInt8(ascii: "."):
            return failure(.invalidNumber("a number must start with a digit"), at: i)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return failure(.invalidLiteral(found: word(at: i)), at: i)
        case 0x80...0xFF where Self.utf8SequenceLength(p, at: i, count: n) == nil:
            return failure(.invalidUTF8(byte), at: i)
        default:
            return failure(.unexpectedCharacter(found: describe(at: i), expected: expected), at: i)
        }
    }

    /// p[i] follows a complete value but is neither a comma nor the closing bracket.
    func afterValueFailure() -> JSONSyntaxError {
        var expected = "',' or '\(closer())'"
        if p[i] == UInt8(ascii: "\"") || p[i] == UInt8(ascii: "{") || p[i] == UInt8(ascii: "[") {
            expected += " (is a comma missing?)"
        }
        if p[i] >= 0x80 && Self.utf8SequenceLength(p, at: i, count: n) == nil {
            return failure(.invalidUTF8(p[i]), at: i)
        }
        return failure(.unexpectedCharacter(found: describe(at: i), expected: expected), at: i)
    }

    /// p[i] should start an object key.
    func keyStartFailure() -> JSONSyntaxError {
        switch p[i] {
        case UInt8(ascii: "'"):
            return failure(.singleQuotedString, at: i)
        case UInt8(ascii: "}"):
            return failure(
                .unexpectedCharacter(found: "'}'", expected: "a string key (trailing commas are not allowed)"), at: i)
        case 0x80...0xFF where Self.utf8SequenceLength(p, at: i, count: n) == nil:
            return failure(.invalidUTF8(p[i]), at: i)
        default:
            return failure(.unexpectedCharacter(found: describe(at: i), expected: "a string key in double quotes"), at: i)
        }
    }

    /// "'x'", "a space", "control character U+0001", "'é' (U+00E9)" or "byte 0xFF".
    func describe(at index: Int) -> String {
        describeCharacter(at: index, quoted: true)
    }

    func describeCharacter(at index: Int, quoted: Bool) -> String {
        guard index < n else { return "end of data" }
        let byte = p[index]
        switch byte {
        case 0x20:
            return "a space"
        case 0x21...0x7E:
            let text = String(decoding: [byte], as: UTF8.self)
            return quoted ? "'\(text)'" : text
        case 0x00...0x1F, 0x7F:
            return "control character U+00\(hexDigits(byte))"
        default:
            guard let length = Self.utf8SequenceLength(p, at: index, count: n) else {
                return "byte 0x\(hexDigits(byte))"
            }
            let text = String(decoding: UnsafeBufferPointer(start: p + index, count: length), as: UTF8.self)
            let scalar = text.unicodeScalars.first.map { String($0.value, radix: 16, uppercase: true) } ?? "?"
            return quoted ? "'\(text)' (U+\(scalar))" : text
        }
    }

    /// The run of letters at `index`, for messages like "invalid literal 'True'".
    func word(at index: Int) -> String {
        var end = index
        while end < n && end - index < 20 && (isASCIILetter(p[end]) || Self.isDigit(p[end])) { end += 1 }
        if end == index { return describe(at: index) }
        return "'" + String(decoding: UnsafeBufferPointer(start: p + index, count: end - index), as: UTF8.self) + "'"
    }

    private func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private func hexDigits(_ byte: UInt8) -> String {
        let text = String(byte, radix: 16, uppercase: true)
        return text.count == 1 ? "0" + text : text
    }
}
