import Foundation

/// A `multipart/form-data` body (RFC 7578) as Discord's uploads expect it: a `payload_json` part
/// with the message JSON, then one `files[n]` part per file.
///
/// The body is built once as bytes, so a retried request sends exactly the same body.
struct MultipartFormData: Sendable {
    let boundary: String
    let body: Data

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    init(payloadJSON: Data?, files: [DiscordFile], boundary chosen: String? = nil) {
        let contents = [payloadJSON].compactMap { $0 } + files.map(\.data)
        var boundary = chosen ?? Self.randomBoundary()
        // A boundary must not occur inside any part; with 32 random characters this loop runs once.
        while contents.contains(where: { $0.range(of: Data(boundary.utf8)) != nil }) {
            boundary = Self.randomBoundary()
        }
        self.boundary = boundary
        var body = Data()
        if let payloadJSON {
            Self.appendPart(
                to: &body,
                boundary: boundary,
                disposition: #"form-data; name="payload_json""#,
                contentType: "application/json",
                content: payloadJSON
            )
        }
        for (index, file) in files.enumerated() {
            Self.appendPart(
                to: &body,
                boundary: boundary,
                disposition: #"form-data; name="files[\#(index)]"; filename="\#(Self.quoted(file.filename))""#,
                contentType: Self.headerSafe(file.contentType),
                content: file.data
            )
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        self.body = body
    }

    private static func appendPart(to body: inout Data, boundary: String, disposition: String, contentType: String, content: Data) {
        body.append(Data("--\(boundary)\r\n".utf8))
        body.append(Data("Content-Disposition: \(disposition)\r\n".utf8))
        body.append(Data("Content-Type: \(contentType)\r\n\r\n".utf8))
        body.append(content)
        body.append(Data("\r\n".utf8))
    }

    /// A boundary of random letters and digits. 32 random characters make a collision with file
    /// content practically impossible; the prefix keeps it recognisable in captures.
    static func randomBoundary() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        let random = (0..<32).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] }
        return "castbot-" + String(random)
    }

    /// A filename inside a quoted-string: quotes, backslashes and line breaks would end or split
    /// the header, so they are replaced (RFC 7578 §4.2 leaves non-ASCII to be sent as UTF-8).
    static func quoted(_ filename: String) -> String {
        String(filename.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "\"", "\\", "\r", "\n": "_"
            default: Character(scalar)
            }
        })
    }

    /// A content type without characters that could break the part header.
    static func headerSafe(_ value: String) -> String {
        let cleaned = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }))
        return cleaned.isEmpty ? "application/octet-stream" : cleaned
    }
}
