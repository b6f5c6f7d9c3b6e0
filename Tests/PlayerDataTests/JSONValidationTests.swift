import Testing
@testable import PlayerData
import CastBotTestSupport

/// A document that must be refused, where, and with which words.
struct BadDocument: Sendable, CustomStringConvertible {
    let description: String
    let bytes: [UInt8]
    let line: Int
    let column: Int
    let fragment: String

    init(_ name: String, _ text: String, line: Int, column: Int, _ fragment: String) {
        self.init(name, Array(text.utf8), line: line, column: column, fragment)
    }

    init(_ name: String, _ bytes: [UInt8], line: Int, column: Int, _ fragment: String) {
        description = name
        self.bytes = bytes
        self.line = line
        self.column = column
        self.fragment = fragment
    }
}

@Suite(.timeLimit(.minutes(1))) struct JSONValidationTests {
    static let badDocuments: [BadDocument] = [
        BadDocument("empty", "", line: 1, column: 1, "empty"),
        BadDocument("only whitespace", "  \n ", line: 2, column: 2, "truncated"),
        BadDocument("truncated object", "{\n  \"a\": {\n    \"b\": 1", line: 3, column: 11, "truncated"),
        BadDocument("truncated string", "{\"a\": \"abc", line: 1, column: 11, "inside a string"),
        BadDocument("truncated literal", "{\"a\": tr", line: 1, column: 9, "truncated"),
        BadDocument("truncated after key", "{\"a\"", line: 1, column: 5, "expected ':'"),
        BadDocument("trailing garbage", "{\"a\": 1} x", line: 1, column: 10, "trailing garbage"),
        BadDocument("two documents", "{}\n{}", line: 2, column: 1, "trailing garbage"),
        BadDocument("NaN", "{\"a\": NaN}", line: 1, column: 7, "NaN is not valid JSON"),
        BadDocument("Infinity", "{\"a\": [1, -Infinity]}", line: 1, column: 11, "-Infinity is not valid JSON"),
        BadDocument("single-quoted value", "{\"a\": 'b'}", line: 1, column: 7, "single quote"),
        BadDocument("single-quoted key", "{\n  'a': 1}", line: 2, column: 3, "single quote"),
        BadDocument("top-level array", "[1, 2]", line: 1, column: 1, "the top level is an array"),
        BadDocument("top-level string", "  \"x\"", line: 1, column: 3, "the top level is a string"),
        BadDocument("top-level null", "null", line: 1, column: 1, "the top level is null"),
        BadDocument("raw newline in string", "{\"a\": \"x\ny\"}", line: 1, column: 9, "control character U+000A"),
        BadDocument("raw tab in string", "{\"a\": \"x\ty\"}", line: 1, column: 9, "control character U+0009"),
        BadDocument("bad escape", "{\"a\": \"\\x41\"}", line: 1, column: 8, "invalid escape \\x"),
        BadDocument("short unicode escape", "{\"a\": \"\\u00e\"}", line: 1, column: 8, "four hexadecimal digits"),
        BadDocument("invalid UTF-8", [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D], line: 1, column: 7, "invalid UTF-8 (byte 0xFF)"),
        BadDocument("overlong UTF-8", [0x7B, 0x22, 0xC0, 0x80, 0x22, 0x3A, 0x31, 0x7D], line: 1, column: 3, "invalid UTF-8"),
        BadDocument("UTF-8 surrogate", [0x7B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x3A, 0x31, 0x7D], line: 1, column: 3, "invalid UTF-8"),
        BadDocument("stray continuation byte", [0x7B, 0x22, 0x80, 0x22, 0x3A, 0x31, 0x7D], line: 1, column: 3, "invalid UTF-8 (byte 0x80)"),
        BadDocument("byte order mark", [0xEF, 0xBB, 0xBF, 0x7B, 0x7D], line: 1, column: 1, "byte order mark"),
        BadDocument("trailing comma", "{\"a\": 1,}", line: 1, column: 9, "trailing commas are not allowed"),
        BadDocument("trailing comma in array", "{\"a\": [1,]}", line: 1, column: 10, "trailing commas are not allowed"),
        BadDocument("missing comma", "{\"a\": 1 \"b\": 2}", line: 1, column: 9, "is a comma missing?"),
        BadDocument("missing colon", "{\"a\" 1}", line: 1, column: 6, "expected ':'"),
        BadDocument("unquoted key", "{a: 1}", line: 1, column: 2, "string key in double quotes"),
        BadDocument("leading zero", "{\"a\": 012}", line: 1, column: 7, "leading zeros"),
        BadDocument("bare fraction", "{\"a\": 1.}", line: 1, column: 9, "after the decimal point"),
        BadDocument("bare exponent", "{\"a\": 1e}", line: 1, column: 9, "in the exponent"),
        BadDocument("plus sign", "{\"a\": +1}", line: 1, column: 7, "leading '+'"),
        BadDocument("capitalised literal", "{\"a\": True}", line: 1, column: 7, "invalid literal 'True'"),
        BadDocument("comment", "{\"a\": 1 // no\n}", line: 1, column: 9, "unexpected '/'"),
        BadDocument("mismatched bracket", "{\"a\": [1}", line: 1, column: 9, "expected ',' or ']'"),
        BadDocument("error after multibyte text", "{\"é€😀\": x}", line: 1, column: 9, "invalid literal 'x'"),
        BadDocument("deep nesting", "{\"a\":" + String(repeating: "[", count: 100_000), line: 1, column: 517, "nested more than 512 levels"),
    ]

    @Test(arguments: badDocuments)
    func badDocumentIsRefusedWithPosition(_ bad: BadDocument) {
        do {
            let file = try PlayerDataFile(bytes: bad.bytes)
            Issue.record("accepted: \(file.keys)")
        } catch {
            guard case .invalidJSON(let syntax) = error else {
                Issue.record("wrong error: \(error)")
                return
            }
            #expect(syntax.line == bad.line)
            #expect(syntax.column == bad.column)
            #expect(error.description.contains("line \(bad.line), column \(bad.column)"))
            #expect(error.description.contains(bad.fragment), "\(error)")
        }
    }

    @Test func deepNestingWithinTheLimitIsAccepted() throws {
        // The top-level object plus 511 arrays: exactly the limit.
        let arrays = JSONScanner.maximumDepth - 1
        let text = "{\"a\":" + String(repeating: "[", count: arrays) + String(repeating: "]", count: arrays) + "}"
        let file = try PlayerDataFile(bytes: Array(text.utf8))
        #expect(file.keys == ["a"])
    }

    @Test func everyTruncationOfARealFileIsRefused() throws {
        let bytes = try Fixtures.bytes(Fixtures.serverExport)
        // Cutting anywhere before the final brace leaves an unclosed object.
        for length in stride(from: 0, to: bytes.count - 1, by: 997) {
            #expect(throws: PlayerDataError.self) { try PlayerDataFile(bytes: Array(bytes.prefix(length))) }
        }
    }

    @Test func validEdgeCasesAreAccepted() throws {
        let text = "{\"s\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\\uD800\", \"n\": [0, -0, 1.5e+10, 2E-3, -12.0e0], \"l\": [true, false, null], \"u\": \"é€😀\", \"e\": {}, \"a\": []}"
        let file = try PlayerDataFile(bytes: Array(text.utf8))
        #expect(file.keys == ["s", "n", "l", "u", "e", "a"])
        #expect(file.bytes == Array(text.utf8))
    }
}
