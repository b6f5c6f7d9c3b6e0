import Foundation

/// How an export message states its checksum, written and read back in one place: the message
/// writer (`ExportMessages`) puts it in, restore reads it out to check the download.
enum ExportChecksumText {
    static let marker = "**SHA-256**"

    /// `**SHA-256**: \`…\`` (the whole export's).
    static func line(_ sha256: String) -> String {
        "\(marker): `\(sha256)`"
    }

    /// `**SHA-256** of the rebuilt ….json: \`…\`` (a part message, or the encrypted file's).
    static func line(_ sha256: String, of what: String) -> String {
        "\(marker) of \(what): `\(sha256)`"
    }

    /// The first checksum a message states, lowercase; nil when it states none.
    static func stated(in content: String?) -> String? {
        guard let content, let found = content.range(of: marker) else { return nil }
        let after = content[found.upperBound...]
        guard let open = after.firstIndex(of: "`") else { return nil }
        let digits = after[after.index(after: open)...].prefix { $0 != "`" }
        guard digits.count == 64, digits.allSatisfy({ $0.isHexDigit }) else { return nil }
        return digits.lowercased()
    }
}
