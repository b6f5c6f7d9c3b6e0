import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A request as the test server received it.
struct RecordedRequest: Sendable {
    var method: String
    /// Path and query, e.g. `/api/v10/channels/1?wait=true`.
    var uri: String
    /// Header values by lower-cased name.
    var headers: [String: [String]]
    var body: Data

    func header(_ name: String) -> String? {
        headers[name.lowercased()]?.first
    }

    var path: String { String(uri.split(separator: "?", maxSplits: 1).first ?? "") }
}

/// What the test server answers.
struct ScriptedResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    static func json(_ status: Int, _ json: String = "{}", headers: [String: String] = [:]) -> ScriptedResponse {
        ScriptedResponse(status: status, headers: headers.merging(["Content-Type": "application/json"]) { old, _ in old }, body: Data(json.utf8))
    }

    static let noContent = ScriptedResponse(status: 204, headers: [:], body: Data())
}

/// A tiny HTTP server on loopback that answers with a script and records every request, so the
/// real HTTP client can be tested without Discord.
final class ScriptedHTTPServer: Sendable {
    typealias Responder = @Sendable (_ request: RecordedRequest, _ index: Int) -> ScriptedResponse

    private let channel: any Channel
    private let recorder: Recorder
    let port: Int

    private init(channel: any Channel, recorder: Recorder, port: Int) {
        self.channel = channel
        self.recorder = recorder
        self.port = port
    }

    static func start(responder: @escaping Responder) async throws -> ScriptedHTTPServer {
        let recorder = Recorder(responder: responder)
        let channel = try await bootstrap(recorder)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return try await ready(channel, recorder: recorder)
    }

    /// Serves on a socket that is already bound and listening (see ``ClosedPort/startListening()``),
    /// so a port that refused connections until now starts answering.
    static func start(listeningSocket descriptor: CInt, responder: @escaping Responder) async throws -> ScriptedHTTPServer {
        let recorder = Recorder(responder: responder)
        let channel = try await bootstrap(recorder).withBoundSocket(descriptor).get()
        return try await ready(channel, recorder: recorder)
    }

    private static func bootstrap(_ recorder: Recorder) -> ServerBootstrap {
        ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(ScriptedHandler(recorder: recorder))
                }
            }
    }

    private static func ready(_ channel: any Channel, recorder: Recorder) async throws -> ScriptedHTTPServer {
        guard let port = channel.localAddress?.port else {
            try await channel.close()
            throw ServerError.noPort
        }
        return ScriptedHTTPServer(channel: channel, recorder: recorder, port: port)
    }

    enum ServerError: Error {
        case noPort
    }

    /// The API base URL pointing at this server.
    var baseURL: String { "http://127.0.0.1:\(port)/api/v10" }

    var requests: [RecordedRequest] { recorder.requests }

    func stop() async throws {
        try await channel.close()
    }

    /// Every request received, in order.
    final class Recorder: Sendable {
        let responder: Responder
        private let received = Mutex<[RecordedRequest]>([])

        init(responder: @escaping Responder) {
            self.responder = responder
        }

        var requests: [RecordedRequest] { received.withLock { $0 } }

        func answer(_ request: RecordedRequest) -> ScriptedResponse {
            let index = received.withLock { received in
                received.append(request)
                return received.count - 1
            }
            return responder(request, index)
        }
    }
}

/// Collects one request and writes the scripted answer.
private final class ScriptedHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let recorder: ScriptedHTTPServer.Recorder
    private var head: HTTPRequestHead?
    private var body = Data()

    init(recorder: ScriptedHTTPServer.Recorder) {
        self.recorder = recorder
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = Data()
        case .body(let buffer):
            body.append(contentsOf: buffer.readableBytesView)
        case .end:
            guard let head else { return }
            var headers: [String: [String]] = [:]
            for (name, value) in head.headers {
                headers[name.lowercased(), default: []].append(value)
            }
            let request = RecordedRequest(method: head.method.rawValue, uri: head.uri, headers: headers, body: body)
            let response = recorder.answer(request)
            var responseHeaders = HTTPHeaders()
            for (name, value) in response.headers {
                responseHeaders.add(name: name, value: value)
            }
            responseHeaders.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
            let responseHead = HTTPResponseHead(
                version: head.version,
                status: HTTPResponseStatus(statusCode: response.status),
                headers: responseHeaders
            )
            context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            self.head = nil
        }
    }
}
