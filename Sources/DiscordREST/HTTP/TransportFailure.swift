import AsyncHTTPClient

/// Classifies errors from the HTTP library.
enum TransportFailure {
    /// Errors that are about the request itself; trying again cannot help.
    private static let permanent: [HTTPClientError] = [
        .invalidURL, .emptyHost, .emptyScheme, .alreadyShutdown, .cancelled,
    ]

    /// Timeouts, refused and dropped connections are worth retrying; request errors are not.
    static func isRetryable(_ error: any Error) -> Bool {
        if error is CancellationError { return false }
        if let clientError = error as? HTTPClientError {
            return !permanent.contains(clientError)
        }
        return true
    }
}
