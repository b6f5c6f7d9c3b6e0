import Synchronization

/// How long a client may take and how many may be connected at once. An endpoint reachable from
/// the internet must bound both: otherwise connections that send a few bytes and stall hold a
/// file descriptor each until the process runs out and real requests are refused.
///
/// The defaults suit a Discord interactions endpoint: Discord sends a whole interaction at once,
/// so a few seconds to read a request is generous.
package struct HTTPConnectionLimits: Sendable, Equatable {
    /// From a connection's opening to its first complete request head, and from any request
    /// head to the end of its body. A connection that has not delivered by then is closed.
    package var requestReadTimeout: Duration
    /// A keep-alive connection with no request in progress is closed after this long.
    package var idleTimeout: Duration
    /// Connections served at once. Past it a new connection's request is answered 503 and the
    /// connection closed; past twice it the server stops accepting until some close, so open
    /// descriptors stay bounded whatever clients do.
    package var maxConnections: Int

    package static let defaultRequestReadTimeout: Duration = .seconds(5)
    package static let defaultIdleTimeout: Duration = .seconds(60)
    package static let defaultMaxConnections = 256

    package init(
        requestReadTimeout: Duration = Self.defaultRequestReadTimeout,
        idleTimeout: Duration = Self.defaultIdleTimeout,
        maxConnections: Int = Self.defaultMaxConnections
    ) {
        self.requestReadTimeout = requestReadTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }

    /// Connections accepted at all: the served ones plus as many being turned away with a 503.
    /// Beyond this the listening socket is not read and the kernel's backlog holds newcomers.
    package var acceptLimit: Int { max(1, maxConnections) * 2 }
}

/// Counts a server's connections: the open ones (for the cap and for a shutdown report) and,
/// since start, the ones turned away or closed for being too slow. Shared by every connection's
/// handler across event loops, hence atomics.
package final class HTTPConnectionGauge: Sendable {
    private let open = Atomic<Int>(0)
    private let rejected = Atomic<Int>(0)
    private let timedOut = Atomic<Int>(0)

    package init() {}

    package var openConnections: Int { open.load(ordering: .relaxed) }
    /// Connections answered 503 because the cap was reached.
    package var rejectedConnections: Int { rejected.load(ordering: .relaxed) }
    /// Connections closed because a request head or body did not arrive in time.
    package var timedOutConnections: Int { timedOut.load(ordering: .relaxed) }

    /// Returns the number open including this one.
    func connectionOpened() -> Int { open.wrappingAdd(1, ordering: .relaxed).newValue }
    func connectionClosed() { open.wrappingSubtract(1, ordering: .relaxed) }
    func recordRejected() { rejected.wrappingAdd(1, ordering: .relaxed) }
    func recordTimedOut() { timedOut.wrappingAdd(1, ordering: .relaxed) }
}
