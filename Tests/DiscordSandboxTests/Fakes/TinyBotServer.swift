import CastBotTestSupport
import Crypto
import DiscordSandbox
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// A minimal bot interactions endpoint: verifies Discord's signature with the sandbox's public
/// key (401 when wrong), records what it received, and answers with a scripted reply.
final class TinyBotServer: Sendable {
    struct Received: Sendable {
        let headers: [SandboxHeader]
        let body: [UInt8]
        let signatureValid: Bool
    }

    typealias Reply = @Sendable (SandboxJSON) -> SandboxJSON

    private let log: ReceivedLog
    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    let url: URL

    var requests: [Received] { log.all }

    private init(log: ReceivedLog, group: ServiceGroup, task: Task<Void, any Error>, url: URL) {
        self.log = log
        self.group = group
        self.task = task
        self.url = url
    }

    /// Starts on an ephemeral loopback port. `reply` maps the interaction JSON to the response JSON.
    static func start(publicKeyHex: String, reply: @escaping Reply) async throws -> TinyBotServer {
        let publicKey = try Curve25519.Signing.PublicKey(rawRepresentation: TestHex.decode(publicKeyHex))
        let log = ReceivedLog()
        let router = Router()
        guard let signatureHeader = HTTPField.Name("X-Signature-Ed25519"),
            let timestampHeader = HTTPField.Name("X-Signature-Timestamp")
        else { throw HarnessError("invalid header names") }
        router.post("interactions") { request, _ -> Response in
            let body = Array(buffer: try await request.body.collect(upTo: 1 << 20))
            let signature = TestHex.decode(request.headers[signatureHeader] ?? "")
            let timestamp = request.headers[timestampHeader] ?? ""
            let valid = publicKey.isValidSignature(signature, for: Data(timestamp.utf8) + Data(body))
            let headers = request.headers.map { SandboxHeader(name: $0.name.rawName, value: $0.value) }
            log.append(Received(headers: headers, body: body, signatureValid: valid))
            guard valid else { return Response(status: .unauthorized) }
            let json = (try? SandboxJSON.parse(body)) ?? .null
            let answer: SandboxJSON = json["type"]?.intValue == 1 ? ["type": 1] : reply(json)
            var fields = HTTPFields()
            fields[.contentType] = "application/json"
            return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: answer.encoded())))
        }
        var logger = Logger.quiet("tiny-bot")
        logger.logLevel = .warning
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        // A server that fails to start ends the stream, so the wait below never outlives it.
        let task = Task {
            defer { portContinuation.finish() }
            try await group.run()
        }
        var port = 0
        for await bound in ports { port = bound }
        guard port > 0, let url = URL(string: "http://127.0.0.1:\(port)/interactions") else {
            throw HarnessError("the tiny bot server did not start")
        }
        return TinyBotServer(log: log, group: group, task: task, url: url)
    }

    /// Runs `body` with a started server and always stops it afterwards.
    static func with<T>(
        publicKeyHex: String, reply: @escaping Reply, _ body: (TinyBotServer) async throws -> T
    ) async throws -> T {
        let server = try await start(publicKeyHex: publicKeyHex, reply: reply)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}

private final class ReceivedLog: Sendable {
    private let storage = Mutex<[TinyBotServer.Received]>([])

    func append(_ received: TinyBotServer.Received) {
        storage.withLock { $0.append(received) }
    }

    var all: [TinyBotServer.Received] { storage.withLock { $0 } }
}

enum TestHex {
    static func decode(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex, let next = text.index(index, offsetBy: 2, limitedBy: text.endIndex) {
            guard let byte = UInt8(text[index..<next], radix: 16) else { return [] }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
