import Hummingbird
import HTTPTypes
import NIOCore

/// Responses with a JSON (or other text) body the server built itself.
enum JSONResponse {
    static func make(_ status: HTTPResponse.Status, _ body: [UInt8], contentType: String = "application/json") -> Response {
        Response(
            status: status,
            headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
        )
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        make(status, JSONText.error(message))
    }
}
