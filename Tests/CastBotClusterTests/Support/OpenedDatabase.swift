import CastBotCluster
import Logging
import PostgresNIO
import Synchronization

/// Databases the tests open and close at points of their own choosing (a replica stopped in the
/// middle of a test), rather than in `PostgresDatabase.withOpen`'s scope: the pool's run loop is
/// a task kept here until `shutdown()`.
extension CastBotCluster.PostgresDatabase {
    private static let runLoops = Mutex<[ObjectIdentifier: Task<Void, Never>]>([:])

    static func opened(url: String, logger: Logger) throws(ClusterError) -> CastBotCluster.PostgresDatabase {
        let database = try CastBotCluster.PostgresDatabase(url: url, logger: logger)
        let client = database.client
        let loop = Task { await client.run() }
        runLoops.withLock { $0[ObjectIdentifier(client)] = loop }
        return database
    }

    /// Stops the pool; queries after it fail.
    func shutdown() async {
        guard let loop = Self.runLoops.withLock({ $0.removeValue(forKey: ObjectIdentifier(client)) }) else { return }
        loop.cancel()
        await loop.value
    }
}
