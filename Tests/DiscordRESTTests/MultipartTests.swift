import CastBotTestSupport
import Clocks
import DiscordModels
import DiscordREST
import Foundation
import Testing

/// The multipart body the client sends is checked with an independent parser: Python's standard
/// `email` package.
@Suite("Multipart uploads", .timeLimit(.minutes(1)))
struct MultipartTests {
    static let parser = #"""
    import email, json, sys
    from email import policy
    body = open(sys.argv[1], "rb").read()
    content_type = sys.argv[2].encode()
    message = email.message_from_bytes(b"Content-Type: " + content_type + b"\r\nMIME-Version: 1.0\r\n\r\n" + body, policy=policy.HTTP)
    parts = []
    for part in message.iter_parts():
        parts.append({
            "name": part.get_param("name", header="content-disposition"),
            "filename": part.get_filename(),
            "content_type": part.get_content_type(),
            "hex": part.get_payload(decode=True).hex(),
            "defects": [str(d) for d in part.defects],
        })
    print(json.dumps({"multipart": message.is_multipart(), "defects": [str(d) for d in message.defects], "parts": parts}))
    """#

    struct Parsed: Decodable {
        struct Part: Decodable {
            let name: String?
            let filename: String?
            let content_type: String
            let hex: String
            let defects: [String]
        }

        let multipart: Bool
        let defects: [String]
        let parts: [Part]
    }

    static func hex(_ data: Data) -> String {
        data.map { String(format: "%02x", $0) }.joined()
    }

    /// Bytes that would break a careless encoder: CRLFs, dashes, quotes, every byte value.
    static let exportJSON = Data("{\r\n  \"serverName\": \"Caf\u{e9} \u{1F3AE}\",\r\n  \"note\": \"--castbot-\\r\\n\"\r\n}\n".utf8)
    static let gzipBytes = Data((0...255).map { UInt8($0) } + Array("\r\n--\r\n".utf8) + (0...255).reversed().map { UInt8($0) })

    @Test(
        "payload_json and files[n] parse with Python's email package, byte for byte",
        .enabled(if: Python.isAvailable, "python3 is not installed: the independent multipart check cannot run")
    )
    func parsesIndependently() async throws {
        let server = try await ScriptedHTTPServer.start { _, _ in .json(200, JSONText.message) }
        let test = TestClient(server: server)
        let files = [
            DiscordFile(filename: "playerdata-scheduled-123-2025-10-15T14-30-00-000Z.json", contentType: "application/json", data: Self.exportJSON),
            DiscordFile(filename: "playerdata-scheduled-ALL-2025-10-15T14-30-00-000Z.json.gz", contentType: "application/gzip", data: Self.gzipBytes),
        ]
        _ = try await test.client.executeWebhook(
            webhookID: Snowflake(7), token: "webhook-token", payload: MessagePayload(content: "Scheduled export"), files: files)
        let request = try #require(server.requests.first)
        let contentType = try #require(request.header("content-type"))
        #expect(contentType.hasPrefix("multipart/form-data; boundary="))

        let bodyFile = FileManager.default.temporaryDirectory.appendingPathComponent("multipart-\(UUID().uuidString).bin")
        try request.body.write(to: bodyFile)
        defer { try? FileManager.default.removeItem(at: bodyFile) }
        let parsed = try JSONDecoder().decode(Parsed.self, from: try await Python.run(script: Self.parser, arguments: [bodyFile.path, contentType]))

        #expect(parsed.multipart)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.parts.map(\.name) == ["payload_json", "files[0]", "files[1]"])
        #expect(parsed.parts.allSatisfy { $0.defects.isEmpty })

        let payload = parsed.parts[0]
        #expect(payload.content_type == "application/json")
        #expect(payload.filename == nil)
        let payloadJSON = try JSONText.value(try #require(Data(hexString: payload.hex)))
        #expect(payloadJSON["content"] == .string("Scheduled export"))
        #expect(
            payloadJSON["attachments"]
                == .array([
                    .object(["id": .integer(0), "filename": .string(files[0].filename)]),
                    .object(["id": .integer(1), "filename": .string(files[1].filename)]),
                ]))

        #expect(parsed.parts[1].filename == files[0].filename)
        #expect(parsed.parts[1].content_type == "application/json")
        #expect(parsed.parts[1].hex == Self.hex(Self.exportJSON))
        #expect(parsed.parts[2].filename == files[1].filename)
        #expect(parsed.parts[2].content_type == "application/gzip")
        #expect(parsed.parts[2].hex == Self.hex(Self.gzipBytes))
        try await server.stop()
    }

    @Test("a retried upload sends exactly the same body")
    func replayedBody() async throws {
        // A 429: Discord did not process the upload, so even a POST is sent again.
        let server = try await ScriptedHTTPServer.start { _, index in
            index == 0
                ? .json(429, #"{"message": "You are being rate limited.", "retry_after": 1, "global": false}"#)
                : .json(200, JSONText.message)
        }
        let test = TestClient(server: server)
        let file = DiscordFile(filename: "p.json", contentType: "application/json", data: Self.exportJSON)
        let call = Task {
            try await test.client.createMessage(channelID: Snowflake(1), payload: MessagePayload(content: "x"), files: [file])
        }
        await test.sleeps.waitUntilStarted(1)
        await test.clock.advance(by: .seconds(1))
        _ = try await call.value
        let requests = server.requests
        #expect(requests.count == 2)
        #expect(requests[0].body == requests[1].body)
        #expect(requests[0].header("content-type") == requests[1].header("content-type"))
        try await server.stop()
    }

    @Test("filenames cannot break the part header")
    func hostileFilename() async throws {
        let server = try await ScriptedHTTPServer.start { _, _ in .json(200, JSONText.message) }
        let test = TestClient(server: server)
        let file = DiscordFile(filename: "a\"\r\nContent-Type: text/html\r\n\r\nx.json", contentType: "application/json\r\nX-Evil: 1", data: Data("{}".utf8))
        _ = try await test.client.createMessage(channelID: Snowflake(1), payload: MessagePayload(), files: [file])
        let body = String(decoding: try #require(server.requests.first).body, as: UTF8.self)
        #expect(body.contains(#"filename="a___Content-Type: text/html____x.json""#))
        #expect(!body.contains("\r\nX-Evil"))
        try await server.stop()
    }
}

extension Data {
    init?(hexString: String) {
        var bytes: [UInt8] = []
        var index = hexString.startIndex
        while index < hexString.endIndex {
            let next = hexString.index(index, offsetBy: 2, limitedBy: hexString.endIndex) ?? hexString.endIndex
            guard let byte = UInt8(hexString[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.init(bytes)
    }
}
