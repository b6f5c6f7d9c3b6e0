import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore

/// The sandbox's HTTP front door: Discord's API under `/api/v10`, stored files under
/// `/attachments`, and the control API under `/sandbox`.
struct SandboxResponder: HTTPResponder {
    typealias Context = SandboxRequestContext

    let sandbox: DiscordSandbox

    func respond(to request: Request, context: Context) async throws -> Response {
        let segments = SandboxRoutePattern.pathSegments(request.uri.path)
        let origin = request.head.authority.map { "http://\($0)" } ?? sandbox.origin
        let outcome = try await RequestBodyReader.read(
            request.body, limit: sandbox.configuration.maxRequestBodySize)
        let exchange = SandboxExchange(
            method: request.method.rawValue,
            path: request.uri.path,
            segments: segments,
            query: Self.query(request.uri),
            headers: request.headers.map { SandboxHeader(name: $0.name.rawName, value: $0.value) },
            body: outcome,
            origin: origin)
        let reply: SandboxReply?
        if segments.starts(with: ["api", "v10"]) {
            reply = await APIGateway(sandbox: sandbox).serve(exchange)
        } else if segments.first == "attachments" {
            reply = await AttachmentServer(state: sandbox.state).serve(exchange)
        } else if segments.first == "sandbox" {
            reply = await ControlAPI(sandbox: sandbox).serve(exchange)
        } else {
            reply = .error(.notFound)
        }
        guard let reply else {
            // A fault asked for the connection to drop without an answer.
            context.channel.close(promise: nil)
            throw ConnectionDropped()
        }
        return Self.response(reply)
    }

    private struct ConnectionDropped: Error {}

    private static func query(_ uri: URI) -> [String: String] {
        var query: [String: String] = [:]
        for (key, value) in uri.queryParameters where query[String(key)] == nil {
            query[String(key)] = String(value)
        }
        return query
    }

    private static func response(_ reply: SandboxReply) -> Response {
        var fields = HTTPFields()
        for header in reply.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: reply.status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
    }
}

/// A received request, body already read.
struct SandboxExchange: Sendable {
    let method: String
    let path: String
    let segments: [String]
    let query: [String: String]
    let headers: [SandboxHeader]
    let body: RequestBodyReader.Outcome
    let origin: String

    var bodyBytes: [UInt8] {
        if case .complete(let bytes) = body { return bytes }
        return []
    }
}
