import CastBotCluster
import CastBotTestSupport
import Foundation
import Logging
import Testing

/// `sslmode` in CASTBOT_DATABASE_URL means what it means to libpq; the test server offers no TLS.
@Suite("CASTBOT_DATABASE_URL sslmode, as libpq reads it", .timeLimit(.minutes(2)))
struct DatabaseTLSTests {
    static func connect(_ url: String) async throws {
        let database = try PostgresDatabase(url: url, logger: .quiet("cluster-tls-tests"))
        do {
            try await database.checkConnection()
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
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
            _ = try PostgresDatabase(url: "postgres://castbot:secret-password@127.0.0.1:5432/castbot?\(query)", logger: .quiet("cluster-tls-tests"))
        }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains(message), "\(text)")
        #expect(!text.contains("secret-password"))
    }
}
