import Foundation
import Logging
import PostgresNIO

/// The cluster's database: a PostgresNIO client pool, and the schema every replica migrates to on
/// start (serialized by an advisory lock, so replicas starting together do not race).
///
/// The pool works only while its run loop runs, so a database is had only inside
/// `withOpen(url:logger:_:)`: the loop is a child task of that call and ends with it.
package struct PostgresDatabase: Sendable {
    package let client: PostgresClient
    let logger: Logger
    private let settings: DatabaseURL

    /// A database whose pool does not run yet: whoever makes it runs `client.run()` for as long
    /// as it is used (`withOpen` does, as a child task).
    package init(url: String, logger: Logger) throws(ClusterError) {
        settings = try DatabaseURL(url)
        client = PostgresClient(configuration: settings.clientConfiguration, backgroundLogger: logger)
        self.logger = logger
    }

    /// Checks `url` and gives `body` the database, its pool running until `body` returns or
    /// throws; queries after that fail.
    /// - Parameter url: `postgres://user:password@host:port/database` (`postgresql://` too), with
    ///   `sslmode` and `sslrootcert` as libpq reads them (see `DatabaseURL`).
    package static func withOpen<T: Sendable>(
        url: String, logger: Logger, _ body: (PostgresDatabase) async throws -> T
    ) async throws -> T {
        let database = try PostgresDatabase(url: url, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.client.run() }
            defer { group.cancelAll() }
            return try await body(database)
        }
    }

    /// Checks a URL as `withOpen` would, without connecting.
    package static func checkURL(_ url: String) throws(ClusterError) {
        _ = try DatabaseURL(url)
    }

    /// Opens one connection with the pool's settings (TLS as `sslmode` asks, then authentication)
    /// and closes it. A server without TLS under `sslmode=require`, a certificate that does not
    /// check out, a wrong password or a host that does not answer fails here at once with the
    /// reason; the pool would retry them for a minute first.
    package func checkConnection() async throws(ClusterError) {
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try settings.connectionConfiguration(), id: 0, logger: logger)
            try await connection.close()
        } catch let error as PSQLError where error.code == .sslUnsupported {
            throw .database("\(settings.endpoint) offers no TLS, and sslmode=\(settings.sslMode) requires it")
        } catch {
            throw .database("cannot connect to \(settings.endpoint) (sslmode=\(settings.sslMode)): \(ClusterError.describe(error))")
        }
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
    /// The connection is checked first (`checkConnection()`), so a refused one fails at once.
    package func migrate() async throws {
        try await checkConnection()
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

/// `CASTBOT_DATABASE_URL` read: where the database is, and how TLS is used. `sslmode` means what
/// it means to libpq:
///
/// | sslmode | TLS | certificate |
/// |---|---|---|
/// | `disable` | never | — |
/// | `prefer` (the default, as in libpq) | when the server offers it | not checked |
/// | `require` | always; a server without it is refused | not checked (checked as for `verify-ca` when `sslrootcert` is given, as libpq does) |
/// | `verify-ca` | always | signed by a trusted CA |
/// | `verify-full` | always | signed by a trusted CA and issued for the host in the URL |
///
/// Trusted CAs are the system's, or the PEM file `sslrootcert` names. `allow` (plain first, TLS
/// only when the server insists) cannot be honoured by this client and is refused, as are other
/// values, `sslrootcert` where no certificate is checked, `sslrootcert=system` below
/// `verify-full` (as libpq 16 refuses it), and client certificates (`sslcert`, `sslkey`).
struct DatabaseURL: Sendable {
    static let sslModes = ["disable", "prefer", "require", "verify-ca", "verify-full"]

    let host: String
    let port: Int
    let user: String
    let password: String?
    let database: String?
    let sslMode: String
    /// nil: no TLS; else the TLS settings, and whether a server without TLS is refused.
    let tls: (configuration: TLSConfiguration, required: Bool)?

    var endpoint: String { "\(host):\(port)" }

    init(_ text: String) throws(ClusterError) {
        let key = "CASTBOT_DATABASE_URL"
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "postgres" || scheme == "postgresql"
        else {
            throw .invalidURL("\(key) must look like postgres://user:password@host:5432/database")
        }
        guard let host = components.host, !host.isEmpty else { throw .invalidURL("\(key) names no host") }
        guard let user = components.user, !user.isEmpty else { throw .invalidURL("\(key) names no user") }
        let query = components.queryItems ?? []
        if let other = query.first(where: { $0.name.hasPrefix("ssl") && !["sslmode", "sslrootcert"].contains($0.name) }) {
            throw .invalidURL("\(key) \(other.name) is not supported: of the ssl settings only sslmode and sslrootcert are (no client certificates)")
        }
        let sslMode = query.first { $0.name == "sslmode" }?.value ?? "prefer"
        let rootCertificate = query.first { $0.name == "sslrootcert" }?.value
        self.host = host
        port = components.port ?? 5432
        self.user = user
        password = components.password
        database = components.path.split(separator: "/").first.map(String.init)
        self.sslMode = sslMode
        tls = try Self.tls(sslMode: sslMode, rootCertificate: rootCertificate)
    }

    private static func tls(sslMode: String, rootCertificate: String?) throws(ClusterError) -> (TLSConfiguration, Bool)? {
        let key = "CASTBOT_DATABASE_URL"
        guard sslModes.contains(sslMode) else {
            if sslMode == "allow" {
                throw .invalidURL(
                    "\(key) sslmode=allow (plain first, TLS only when the server insists) cannot be honoured by this client: "
                        + "use prefer, require, verify-ca or verify-full (or disable)")
            }
            throw .invalidURL("\(key) sslmode must be one of \(sslModes.joined(separator: ", ")) (got '\(sslMode.prefix(20))')")
        }
        if let rootCertificate {
            guard ["require", "verify-ca", "verify-full"].contains(sslMode) else {
                throw .invalidURL("\(key) sslrootcert is used only with sslmode=require, verify-ca or verify-full (got sslmode=\(sslMode))")
            }
            if rootCertificate == "system", sslMode != "verify-full" {
                throw .invalidURL("\(key) sslrootcert=system needs sslmode=verify-full: the system's CAs vouch for host names")
            }
            if rootCertificate != "system", !FileManager.default.isReadableFile(atPath: rootCertificate) {
                throw .invalidURL("\(key) sslrootcert \(rootCertificate) is not a readable file (a PEM file of CA certificates)")
            }
        }
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let rootCertificate, rootCertificate != "system" { configuration.trustRoots = .file(rootCertificate) }
        switch sslMode {
        case "disable": return nil
        case "prefer": configuration.certificateVerification = .none
        case "require": configuration.certificateVerification = rootCertificate == nil ? .none : .noHostnameVerification
        case "verify-ca": configuration.certificateVerification = .noHostnameVerification
        default: configuration.certificateVerification = .fullVerification
        }
        return (configuration, sslMode != "prefer")
    }

    /// The pool's configuration.
    var clientConfiguration: PostgresClient.Configuration {
        let mode: PostgresClient.Configuration.TLS =
            switch tls {
            case nil: .disable
            case let (configuration, required)?: required ? .require(configuration) : .prefer(configuration)
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: mode)
        configuration.options.minimumConnections = 0
        configuration.options.maximumConnections = 10
        return configuration
    }

    /// The same settings for a single connection (`PostgresDatabase.checkConnection()`).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let mode: PostgresConnection.Configuration.TLS =
            switch tls {
            case nil: .disable
            case let (configuration, required)?:
                required ? .require(try NIOSSLContext(configuration: configuration)) : .prefer(try NIOSSLContext(configuration: configuration))
            }
        return PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: mode)
    }
}

/// What can go wrong in cluster mode; never carries the database password.
package enum ClusterError: Error, Sendable, CustomStringConvertible {
    case invalidURL(String)
    case database(String)

    /// A database error in words: PostgreSQL's own message, or what failed on the way to it.
    /// (PostgresNIO's errors print a generic text on purpose, lest they leak query data.)
    package static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] { return message }
        return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
    }

    package var description: String {
        switch self {
        case .invalidURL(let reason): reason
        case .database(let reason): "the database failed: \(reason)"
        }
    }
}
