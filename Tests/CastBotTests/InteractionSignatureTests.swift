@testable import CastBot
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("POST /interactions signature and size checks", .timeLimit(.minutes(1)))
struct InteractionSignatureTests {
    let server = TestServer()
    let body = InteractionPayloads.component(customID: "playerdata_export")

    @Test("missing signature headers get 401 naming the header, and the handler is not called")
    func missingHeaders() async throws {
        let handler = RecordingInteractionHandler()
        try await server.run(handler: handler) { client in
            let noSignature = try await client.post(body, headers: DiscordSigner.headers(signature: nil, timestamp: TestTime.timestamp))
            #expect(noSignature.status == .unauthorized)
            #expect(try JSON.object(noSignature.body)["error"] as? String == "missing X-Signature-Ed25519 header")

            let signature = try client.signer.signatureHex(for: body, timestamp: TestTime.timestamp)
            let noTimestamp = try await client.post(body, headers: DiscordSigner.headers(signature: signature, timestamp: nil))
            #expect(noTimestamp.status == .unauthorized)
            #expect(try JSON.object(noTimestamp.body)["error"] as? String == "missing X-Signature-Timestamp header")
        }
        #expect(handler.bodies.isEmpty)
    }

    @Test("a signature from another key gets 401 and the handler is not called")
    func wrongKey() async throws {
        let handler = RecordingInteractionHandler()
        let impostor = DiscordSigner()
        try await server.run(handler: handler) { client in
            let response = try await client.post(body, headers: impostor.headers(for: body))
            #expect(response.status == .unauthorized)
            #expect(try JSON.object(response.body)["error"] as? String == "invalid request signature")
        }
        #expect(handler.bodies.isEmpty)
    }

    @Test("a body changed after signing gets 401")
    func tamperedBody() async throws {
        let handler = RecordingInteractionHandler()
        try await server.run(handler: handler) { client in
            let headers = try client.signer.headers(for: body)
            let tampered = Array(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "playerdata_export", with: "playerdata_export_all").utf8)
            let response = try await client.post(tampered, headers: headers)
            #expect(response.status == .unauthorized)
        }
        #expect(handler.bodies.isEmpty)
    }

    @Test("a signature signed over a different timestamp gets 401")
    func tamperedTimestamp() async throws {
        let handler = RecordingInteractionHandler()
        try await server.run(handler: handler) { client in
            let signature = try client.signer.signatureHex(for: body, timestamp: TestTime.timestamp)
            let response = try await client.post(body, headers: DiscordSigner.headers(signature: signature, timestamp: String(TestTime.unixSeconds + 1)))
            #expect(response.status == .unauthorized)
        }
        #expect(handler.bodies.isEmpty)
    }

    @Test(
        "malformed signatures get 401 with what is wrong",
        arguments: [
            ("zz" + String(repeating: "0", count: 126), "X-Signature-Ed25519 must be hex"),
            (String(repeating: "ab", count: 10), "X-Signature-Ed25519 must be 128 hex characters (got 20)"),
        ]
    )
    func malformedSignature(signature: String, message: String) async throws {
        let handler = RecordingInteractionHandler()
        try await server.run(handler: handler) { client in
            let response = try await client.post(body, headers: DiscordSigner.headers(signature: signature, timestamp: TestTime.timestamp))
            #expect(response.status == .unauthorized)
            #expect(try JSON.object(response.body)["error"] as? String == message)
        }
        #expect(handler.bodies.isEmpty)
    }

    @Test("a correctly signed request with a stale timestamp is refused as a possible replay")
    func staleTimestamp() async throws {
        let handler = RecordingInteractionHandler()
        try await server.run(handler: handler) { client in
            let stale = String(TestTime.unixSeconds - 301)
            let response = try await client.post(body, headers: client.signer.headers(for: body, timestamp: stale))
            #expect(response.status == .unauthorized)
            #expect(try JSON.object(response.body)["error"] as? String == "X-Signature-Timestamp is 301 s away from server time (allowed 300 s)")

            let recent = String(TestTime.unixSeconds - 299)
            let accepted = try await client.post(body, headers: client.signer.headers(for: body, timestamp: recent))
            #expect(accepted.status == .ok)
        }
        #expect(handler.bodies.count == 1)
    }

    @Test("a valid PING gets PONG without reaching the handler")
    func ping() async throws {
        let handler = RecordingInteractionHandler()
        try await server.run(handler: handler) { client in
            let response = try await client.postInteraction(InteractionPayloads.ping())
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == #"{"type":1}"#)
            #expect(response.headers[.contentType] == "application/json")
        }
        #expect(handler.bodies.isEmpty)
    }

    @Test("a valid non-PING interaction reaches the handler with the exact signed bytes")
    func verifiedBodyReachesHandler() async throws {
        let handler = RecordingInteractionHandler(reply: .message("from the handler"))
        try await server.run(handler: handler) { client in
            let response = try await client.postInteraction(body)
            #expect(response.status == .ok)
            let reply = try JSON.object(response.body)
            #expect(reply["type"] as? Int == 4)
            #expect((reply["data"] as? [String: Any])?["content"] as? String == "from the handler")
        }
        #expect(handler.bodies == [body])
    }

    @Test("a body over the limit gets 413 and the handler is not called")
    func oversizeBody() async throws {
        let handler = RecordingInteractionHandler()
        let huge = [UInt8](repeating: UInt8(ascii: "a"), count: (1 << 20) + 1)
        try await server.run(handler: handler) { client in
            let response = try await client.post(huge, headers: client.signer.headers(for: huge))
            #expect(response.status == .contentTooLarge)
            #expect(try JSON.object(response.body)["error"] as? String == "request body is larger than 1048576 bytes")
        }
        #expect(handler.bodies.isEmpty)
    }

    @Test("a signed body that is not an interaction gets 400")
    func notAnInteraction() async throws {
        let handler = RecordingInteractionHandler()
        try await server.run(handler: handler) { client in
            for text in ["not json", #"{"type":"one"}"#, "[1,2]"] {
                let response = try await client.postInteraction(Array(text.utf8))
                #expect(response.status == .badRequest, "body: \(text)")
            }
        }
        #expect(handler.bodies.isEmpty)
    }

    @Test("timestamps at the edges of Int64 or not numeric are refused without crashing")
    func extremeTimestamps() throws {
        let signer = DiscordSigner()
        let verifier = InteractionSignatureVerifier(publicKey: try DiscordPublicKey(hex: signer.publicKeyHex), now: { TestTime.now })
        for timestamp in [String(Int64.min), String(Int64.max), "17e8", "-1"] {
            let signature = try signer.signatureHex(for: body, timestamp: timestamp)
            #expect(throws: SignatureRejection.self, "timestamp \(timestamp)") {
                try verifier.verify(signature: signature, timestamp: timestamp, body: body)
            }
        }
        let exact = try signer.signatureHex(for: body, timestamp: TestTime.timestamp)
        try verifier.verify(signature: exact, timestamp: TestTime.timestamp, body: body)
    }
}

