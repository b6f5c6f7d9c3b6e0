import CastBotCluster
import CastBotTestSupport
import LocalServers
import Foundation
import Logging
import PostgresNIO
import Testing

/// `sslmode` in CASTBOT_DATABASE_URL means what it means to libpq, against the test server (no
/// TLS) and a second one with TLS, whose certificate a CA of its own issued for `localhost` only.
@Suite("CASTBOT_DATABASE_URL sslmode, as libpq reads it", .timeLimit(.minutes(2)))
struct DatabaseTLSTests {
    static func connect(_ url: String) async throws {
        try await PostgresDatabase.withOpen(url: url, logger: .quiet("cluster-tls-tests")) { database in
            try await database.checkConnection()
        }
    }

    @Test("sslmode=require, verify-ca and verify-full refuse a server that offers no TLS, saying so")
    func requiredTLSRefused() async throws {
        let url = try PostgresTestServer.start().makeDatabase()
        for mode in ["require", "verify-ca", "verify-full"] {
            let error = await #expect(throws: ClusterError.self) { try await Self.connect(url + "?sslmode=\(mode)") }
            let text = error.map { "\($0)" } ?? ""
            #expect(text.contains("offers no TLS, and sslmode=\(mode) requires it"), "\(text)")
        }
    }

    @Test("disable, prefer and no sslmode (libpq's default, prefer) connect to a server without TLS")
    func optionalTLSConnects() async throws {
        let url = try PostgresTestServer.start().makeDatabase()
        for suffix in ["", "?sslmode=disable", "?sslmode=prefer"] {
            try await Self.connect(url + suffix)
        }
    }

    /// Whether the pool's connection to `url` runs over TLS, as the server sees it.
    static func usesTLS(_ url: String) async throws -> Bool {
        try await PostgresDatabase.withOpen(url: url, logger: .quiet("cluster-tls-tests")) { database in
            let rows = try await database.client.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", logger: .quiet("cluster-tls-tests"))
            for try await ssl in rows.decode(Bool.self) { return ssl }
            return false
        }
    }

    @Test("verify-full checks the certificate and the host, verify-ca the certificate only; require and prefer use TLS unchecked")
    func certificateChecks() async throws {
        let server = try PostgresTestServer.startWithTLS()
        let ca = try #require(server.certificateAuthority)
        let byAddress = try server.makeDatabase()
        let byName = byAddress.replacingOccurrences(of: "@127.0.0.1:", with: "@localhost:")
        try await Self.connect(byName + "?sslmode=verify-full&sslrootcert=\(ca)")
        try await Self.connect(byAddress + "?sslmode=verify-ca&sslrootcert=\(ca)")
        try await Self.connect(byAddress + "?sslmode=require")
        #expect(try await Self.usesTLS(byAddress + "?sslmode=require"))
        #expect(try await Self.usesTLS(byAddress))
        #expect(try await !Self.usesTLS(byAddress + "?sslmode=disable"))

        // The certificate names localhost, not 127.0.0.1.
        let wrongHost = await #expect(throws: ClusterError.self) { try await Self.connect(byAddress + "?sslmode=verify-full&sslrootcert=\(ca)") }
        #expect(wrongHost.map { "\($0)" }?.contains("cannot connect to 127.0.0.1:\(server.port) (sslmode=verify-full)") == true)
        // The system's CAs did not sign it.
        await #expect(throws: ClusterError.self) { try await Self.connect(byName + "?sslmode=verify-full") }
        await #expect(throws: ClusterError.self) { try await Self.connect(byAddress + "?sslmode=verify-ca") }
        // Nor does a CA of another server's.
        await #expect(throws: ClusterError.self) {
            try await Self.connect(byName + "?sslmode=verify-full&sslrootcert=/etc/ssl/certs/ca-certificates.crt")
        }
    }

    @Test(
        "unknown and refused combinations are configuration errors naming what is allowed",
        arguments: [
            ("sslmode=allow", "sslmode=allow (plain first, TLS only when the server insists) cannot be honoured"),
            ("sslmode=on", "sslmode must be one of disable, prefer, require, verify-ca, verify-full (got 'on')"),
            ("sslmode=prefer&sslrootcert=/etc/hostname", "sslrootcert is used only with sslmode=require, verify-ca or verify-full"),
            ("sslmode=verify-ca&sslrootcert=system", "sslrootcert=system needs sslmode=verify-full"),
            ("sslmode=verify-full&sslrootcert=/nonexistent/ca.pem", "sslrootcert /nonexistent/ca.pem is not a readable file"),
            ("sslmode=require&sslcert=/tmp/client.pem", "sslcert is not supported"),
        ]
    )
    func refusedSettings(query: String, message: String) {
        let error = #expect(throws: ClusterError.self) {
            try PostgresDatabase.checkURL("postgres://castbot:secret-password@127.0.0.1:5432/castbot?\(query)")
        }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains(message), "\(text)")
        #expect(!text.contains("secret-password"))
    }
}
