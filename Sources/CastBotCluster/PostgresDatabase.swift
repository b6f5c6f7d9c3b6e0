import Foundation
public import Logging
public import PostgresNIO

/// The cluster's database: a PostgresNIO client pool with its run loop, and the schema every
/// replica migrates to on start (serialized by an advisory lock, so replicas starting together do
/// not race).
public final class PostgresDatabase: Sendable {
    public let client: PostgresClient
    let logger: Logger
    private let runTask: Task<Void, Never>

    /// - Parameter url: `postgres://user:password@host:port/database` (`postgresql://` too).
    public init(url: String, logger: Logger) throws(ClusterError) {
        client = PostgresClient(configuration: try DatabaseURL.configuration(url), backgroundLogger: logger)
        self.logger = logger
        let client = client
        runTask = Task { await client.run() }
    }

    deinit { runTask.cancel() }

    /// Stops the pool; queries after it fail.
    public func shutdown() async {
        runTask.cancel()
        await runTask.value
    }

    /// Runs `body` in one transaction (committed when it returns, rolled back when it throws).
    /// The body's own error comes out as it was thrown (not wrapped in PostgresNIO's transaction error).
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in try await body(connection) }
        } catch let error as PostgresTransactionError {
            if let closureError = error.closureError { throw closureError }
            throw error
        }
    }

    /// Creates or upgrades the schema. Each step runs once, in order, in its own transaction.
    public func migrate() async throws {
        try await transaction { connection in
            // One replica migrates at a time; the others wait here and then find nothing to do.
            try await connection.query("SELECT pg_advisory_xact_lock(7361)", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS castbot_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
                logger: logger)
            let rows = try await connection.query("SELECT version FROM castbot_migrations", logger: logger)
            var applied = Set<Int>()
            for try await version in rows.decode(Int.self) { applied.insert(version) }
            for (index, step) in ClusterSchema.migrations.enumerated() where !applied.contains(index + 1) {
                for statement in step {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO castbot_migrations (version) VALUES (\(index + 1))", logger: logger)
            }
        }
    }
}

/// The tables of cluster mode, as migration steps (append only; never edit a released step).
enum ClusterSchema {
    static let migrations: [[String]] = [
        [
            """
            CREATE TABLE schedules (
                key TEXT PRIMARY KEY,
                status TEXT,
                export_settings TEXT,
                last_export TEXT
            )
            """,
            "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
            """
            CREATE TABLE run_history (
                id BIGSERIAL PRIMARY KEY,
                schedule_key TEXT NOT NULL,
                run INTEGER NOT NULL,
                scheduled_at BIGINT,
                started_at BIGINT,
                finished_at BIGINT NOT NULL,
                result TEXT NOT NULL,
                message TEXT,
                byte_count BIGINT,
                verified BOOLEAN
            )
            """,
            "CREATE INDEX run_history_by_schedule ON run_history (schedule_key, id DESC)",
            """
            CREATE TABLE notice_outbox (
                id BIGSERIAL PRIMARY KEY,
                user_id TEXT NOT NULL,
                content TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at BIGINT NOT NULL,
                last_error TEXT,
                state TEXT NOT NULL DEFAULT 'pending'
            )
            """,
            "CREATE INDEX notice_outbox_due ON notice_outbox (state, next_attempt_at)",
            // One row per (schedule, due time): the unique claim that makes a run happen once.
            """
            CREATE TABLE run_claims (
                schedule_key TEXT NOT NULL,
                due_at BIGINT NOT NULL,
                replica TEXT NOT NULL,
                claimed_at BIGINT NOT NULL,
                lease_until BIGINT NOT NULL,
                state TEXT NOT NULL DEFAULT 'running',
                takeovers INTEGER NOT NULL DEFAULT 0,
                finished_at BIGINT,
                outcome TEXT,
                PRIMARY KEY (schedule_key, due_at)
            )
            """,
            "CREATE INDEX run_claims_expiring ON run_claims (state, lease_until)",
            // The data file as its top-level members in file order, each with the exact bytes
            // before it, so the file and every export are rebuilt byte for byte. The current
            // version and the one before it are kept.
            """
            CREATE TABLE player_data_file (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                prefix BYTEA NOT NULL,
                suffix BYTEA NOT NULL,
                version BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE TABLE player_data_versions (version BIGINT PRIMARY KEY, prefix BYTEA NOT NULL, suffix BYTEA NOT NULL)",
            """
            CREATE TABLE player_data_members (
                version BIGINT NOT NULL,
                position BIGINT NOT NULL,
                key TEXT NOT NULL,
                separator BYTEA NOT NULL,
                member BYTEA NOT NULL,
                PRIMARY KEY (version, position),
                UNIQUE (version, key)
            )
            """,
        ],
        [
            // Replicas alive now (each renews its row every sweep), so they share the bot's
            // Discord rate limits.
            "CREATE TABLE replicas (replica TEXT PRIMARY KEY, seen_at BIGINT NOT NULL)",
        ]
    ]
}

/// Reads `CASTBOT_DATABASE_URL`.
enum DatabaseURL {
    static func configuration(_ text: String) throws(ClusterError) -> PostgresClient.Configuration {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "postgres" || scheme == "postgresql"
        else {
            throw .invalidURL("CASTBOT_DATABASE_URL must look like postgres://user:password@host:5432/database")
        }
        guard let host = components.host, !host.isEmpty else { throw .invalidURL("CASTBOT_DATABASE_URL names no host") }
        guard let user = components.user, !user.isEmpty else { throw .invalidURL("CASTBOT_DATABASE_URL names no user") }
        let database = components.path.split(separator: "/").first.map(String.init)
        let sslMode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        let tls: PostgresClient.Configuration.TLS
        switch sslMode {
        case "disable": tls = .disable
        case "prefer", "require": tls = .prefer(.clientDefault)
        default: throw .invalidURL("CASTBOT_DATABASE_URL sslmode must be disable, prefer or require (got \(sslMode))")
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password, database: database, tls: tls)
        configuration.options.minimumConnections = 0
        configuration.options.maximumConnections = 10
        return configuration
    }
}

/// What can go wrong in cluster mode; never carries the database password.
public enum ClusterError: Error, Sendable, CustomStringConvertible {
    case invalidURL(String)
    case database(String)

    /// A database error in words: PostgreSQL's own message, or what failed on the way to it.
    /// (PostgresNIO's errors print a generic text on purpose, lest they leak query data.)
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] { return message }
        return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
    }

    public var description: String {
        switch self {
        case .invalidURL(let reason): reason
        case .database(let reason): "the database failed: \(reason)"
        }
    }
}
