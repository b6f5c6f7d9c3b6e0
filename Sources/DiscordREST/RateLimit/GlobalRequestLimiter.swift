/// Discord's global limit: at most N requests in any second (interaction routes excepted),
/// counted by Discord when each request arrives.
///
/// The client cannot see when a request arrives, only that it arrived after it was sent and
/// before its answer came back. So a request counts from when it is sent until one second after
/// its answer, plus `margin`: then no second, wherever Discord puts its edges, holds more than N
/// arrivals, however the network, the connection pool or the scheduler delay a request on the way
/// (a request sent 1 s after another was *sent* may still arrive within a second of it; one sent
/// 1 s after another's *answer* cannot). The cost is one answer time per N requests.
struct GlobalRequestLimiter: Sendable {
    /// The limit now (a replica's share may lower it).
    var requestsPerSecond: Int
    /// Kept beyond the second, against rounding of Discord's window edges.
    let margin: Duration
    /// The most answers ever needed: the configured limit.
    private let kept: Int
    private var inFlight: Set<UInt64> = []
    /// When the answers of the last `kept` requests came back, oldest first.
    private var answered: [Duration] = []
    private var nextTicket: UInt64 = 0

    init(requestsPerSecond: Int, margin: Duration) {
        self.requestsPerSecond = max(1, requestsPerSecond)
        self.margin = margin
        kept = max(1, requestsPerSecond)
    }

    enum Slot: Sendable, Equatable {
        /// The next request may be sent at this time (`now` or later).
        case at(Duration)
        /// N requests are on their way: the next must wait for one of their answers.
        case afterAnAnswer
    }

    /// When the next request may be sent.
    func nextSlot(at now: Duration) -> Slot {
        // The requests in flight and those answered less than a second ago count; with one more
        // they may be at most N.
        let room = requestsPerSecond - inFlight.count
        guard room > 0 else { return .afterAnAnswer }
        guard answered.count >= room else { return .at(now) }
        return .at(max(now, answered[answered.count - room] + .seconds(1) + margin))
    }

    /// A request is sent now; returns its ticket for `finish`.
    mutating func start() -> UInt64 {
        let ticket = nextTicket
        nextTicket += 1
        inFlight.insert(ticket)
        return ticket
    }

    /// The request's answer came (or it failed) at `now`. Returns false for an unknown ticket.
    @discardableResult
    mutating func finish(_ ticket: UInt64, at now: Duration) -> Bool {
        guard inFlight.remove(ticket) != nil else { return false }
        answered.append(max(now, answered.last ?? now))
        if answered.count > kept {
            answered.removeFirst(answered.count - kept)
        }
        return true
    }

    var requestsInFlight: Int { inFlight.count }
}
