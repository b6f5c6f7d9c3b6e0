import AsyncHTTPClient
import NIOCore

extension HTTPClient {
    /// The client the sandbox delivers interactions with. It arms no idle read timeout, because
    /// AsyncHTTPClient then fails a precondition (crashing the process) when a bot answers before
    /// reading the whole body, as it does with 413 for an oversized one. Each delivery has its
    /// own deadline.
    package static let sandboxInteractions = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup,
        configuration: Configuration(timeout: Configuration.Timeout(connect: .seconds(10))))
}
