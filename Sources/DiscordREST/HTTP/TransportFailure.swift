import AsyncHTTPClient
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Classifies errors from the HTTP library by what they say about the request: did it certainly
/// not leave this machine, may it have reached Discord, or can trying again not help?
///
/// AsyncHTTPClient does not say whether a failed request was written, so this goes by where each
/// error can arise. Only errors that can only come from establishing a connection (before any
/// request byte is written) count as ``Kind/notSent``; anything else, including errors this
/// classifier does not know, counts as ``Kind/maybeSent``, so a POST is never repeated on a guess.
enum TransportFailure {
    enum Kind: Equatable {
        /// The request was never written: no connection could be made (refused, DNS, connect or
        /// TLS/proxy handshake timeout, no pooled connection in time). Safe to send again.
        case notSent
        /// The request may have been written, and Discord may have acted on it (timeout after
        /// connecting, dropped connection, reset, or an error of unknown origin).
        case maybeSent
        /// About the request itself (bad URL, client shut down, cancelled); trying again cannot help.
        case permanent
    }

    private static let permanent: [HTTPClientError] = [
        .invalidURL, .emptyHost, .emptyScheme, .alreadyShutdown, .cancelled,
    ]

    /// Raised only while a connection is being set up, before the request is handed to it.
    /// `deadlineExceeded` is not among them: it fires both while queued and mid-exchange.
    private static let beforeSending: [HTTPClientError] = [
        .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout, .socksHandshakeTimeout,
        .httpProxyHandshakeTimeout, .proxyAuthenticationRequired, .invalidProxyResponse,
    ]

    static func classify(_ error: any Error) -> Kind {
        if error is CancellationError { return .permanent }
        if let clientError = error as? HTTPClientError {
            if permanent.contains(clientError) { return .permanent }
            return beforeSending.contains(clientError) ? .notSent : .maybeSent
        }
        // Happy Eyeballs (a host name: DNS, then connect to each address) found no address or
        // could connect to none of them.
        if error is NIOConnectionError { return .notSent }
        // A connect to an IP address (as to the sandbox on 127.0.0.1). A refusal can only answer a
        // connect: an established connection that fails is reset, not refused.
        if let ioError = error as? IOError, ioError.errnoCode == ECONNREFUSED { return .notSent }
        switch error as? ChannelError {
        case .connectTimeout?, .connectPending?: return .notSent
        default: return .maybeSent
        }
    }
}
