import CastBot
import DiscordSandbox

/// Values that break parsers and validators, by family.
enum FuzzValues {
    /// Raw JSON number literals: past Int64 and Double, negative zero, denormals, 400 digits.
    static let hugeNumberLiterals: [String] = [
        "1e309", "-1e309", "1E+400", "18446744073709551616", "-9223372036854775809", "9223372036854775807",
        "9007199254740993", "-0", "4.9e-324", "1e-400", "0.1e1000000",
        String(repeating: "9", count: 400), "-" + String(repeating: "1", count: 1000),
        "0." + String(repeating: "0", count: 400) + "1", "123456789012345678901234567890.5e10",
    ]

    /// Strings that are valid JSON text but awkward: direction overrides, zero-width and
    /// combining characters, emoji sequences, full-width look-alikes of real custom ids, NUL.
    static let unicodeStrings: [String] = [
        "\u{202E}tropxe_atadreyalp", "playerdata\u{200B}_export", "👩‍👩‍👧‍👦🏳️‍🌈", "e" + String(repeating: "\u{301}", count: 500),
        "\u{FEFF}menu", "ｐｌａｙｅｒｄａｔａ＿ｅｘｐｏｒｔ", "playerdata_export\u{0}", "Ω≈ç√∫˜µ≤≥÷", "𝕮𝖆𝖘𝖙𝕭𝖔𝖙",
        "\u{0}\u{1}\u{1F}\u{7F}", "\u{10FFFF}", "null", "", " ", "\n\r\t", "\\", "\"", "</script>", "${jndi:x}",
        "%s%n%x", "../../../../etc/passwd", "1200000000000000001", "0", "-1",
    ]

    /// Raw JSON string literals Swift strings cannot hold: lone or reversed surrogate escapes,
    /// and invalid UTF-8 byte sequences inside the quotes.
    static let rawStringLiterals: [[UInt8]] = [
        Array("\"\\ud800\"".utf8), Array("\"\\udfff\\ud800\"".utf8), Array("\"\\u0000\"".utf8), Array("\"\\uZZZZ\"".utf8),
        [0x22, 0xC0, 0x80, 0x22], [0x22, 0xFF, 0xFE, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],
        [0x22, 0xE2, 0x82, 0x22], Array("\"\\".utf8),
    ]

    /// What a user might type into the schedule and health modals, valid forms among them.
    static let modalTexts: [String] = [
        "", "0", "1", "60", "10080", "10081", "-1", "-0", "90m", "6h", "1d", "1w", "2w", "0m", "1.5h", "1,000",
        " 60 ", "６０", "60\u{0}", "NaN", "Infinity", "1e3", "0x10", "99999999999999999999999", "∞", "six hours",
        "14:30", "24:00", "23:60", "9:5", "-1:00", "14:30:00", "00:00", "0.016", "168", "168.0001", "1e-9",
        String(repeating: "9", count: 4000), "📦",
    ]

    /// Replacement `values` arrays for selects and file uploads in modals.
    static let modalValueLists: [SandboxJSON] = [
        [], ["server"], ["all"], ["clear"], ["resume"], ["bogus"], ["server", "all"], [1], [nil], [[]],
        .array(Array(repeating: "server", count: 1000)), .array((0..<25).map { .string(String($0)) }),
    ]

    /// Values to swap in for a node of another type.
    static let typeConfusions: [SandboxJSON] = [
        nil, true, false, 0, -1, 1.5, "", "x", "3", [], [:], [1, 2], ["type": 2], [nil], ["components": []],
    ]

    /// Component and interaction type numbers, real and not.
    static let componentTypes: [SandboxJSON] = [0, -1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 17, 18, 19, 21, 22, 23, 99, 2_147_483_648, 9_007_199_254_740_993, "2", 2.5, nil, true]

    /// Keys whose absence matters most to the server and the handlers.
    static let importantKeys: Set<String> = [
        "type", "data", "custom_id", "component_type", "components", "component", "member", "user", "guild_id",
        "channel_id", "token", "id", "application_id", "value", "values", "permissions", "app_permissions", "name",
        "resolved", "attachments", "options",
    ]
}
