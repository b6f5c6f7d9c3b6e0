import PlayerData

/// Import plans waiting for Confirm or Cancel, in memory, each under a random token that goes
/// into the buttons' custom ids. A plan lives `lifetime` on the injected clock; only the user who
/// uploaded the file may confirm or cancel it.
actor PendingImports {
    struct Entry: Sendable {
        let plan: ImportPlan
        let userID: String
        let guildID: String
        let filename: String
        let age: Stopwatch
    }

    enum Claim: Sendable {
        case claimed(Entry)
        case expired
        case unknown
        case notYours
    }

    let lifetime: Duration
    private let clock: any Clock<Duration>
    private var entries: [String: Entry] = [:]

    init(lifetime: Duration, clock: any Clock<Duration>) {
        self.lifetime = lifetime
        self.clock = clock
    }

    /// Keeps the plan and returns its token.
    func add(_ plan: ImportPlan, userID: String, guildID: String, filename: String) -> String {
        dropExpired()
        let token = Self.makeToken()
        entries[token] = Entry(plan: plan, userID: userID, guildID: guildID, filename: filename, age: Stopwatch.start(on: clock))
        return token
    }

    /// Removes and returns the plan, if it is still pending and belongs to `userID`.
    func claim(_ token: String, userID: String) -> Claim {
        guard let entry = entries[token] else { return .unknown }
        guard entry.age.elapsed() <= lifetime else {
            entries[token] = nil
            return .expired
        }
        guard entry.userID == userID else { return .notYours }
        entries[token] = nil
        return .claimed(entry)
    }

    var count: Int { entries.count }

    private func dropExpired() {
        entries = entries.filter { $0.value.age.elapsed() <= lifetime }
    }

    /// 128 random bits as hex: unguessable, and short enough for a custom id.
    private static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
