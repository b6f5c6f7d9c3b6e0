import Foundation
import Synchronization

/// A real PostgreSQL 15 server for the tests and `castbot-bench cluster`, started once per
/// process: `initdb` in a new temporary folder, then `postgres` on a free loopback port.
/// `initdb` refuses to run as root, so as root both run as the `postgres` user (`runuser`). A
/// small shell watchdog stops the server as soon as the process is gone, even after a crash, so
/// no server outlives it; it then removes the server's folder, so nothing is left behind.
///
/// Every test takes a database of its own (`makeDatabase()`), so tests never see each other's rows.
package final class PostgresTestServer: Sendable {
    package static let binaries = ProcessInfo.processInfo.environment["CASTBOT_POSTGRES_BIN"] ?? "/usr/lib/postgresql/15/bin"
    package static let user = "castbot"

    package let port: Int
    package let folder: String

    /// With TLS (`startWithTLS()`): the PEM file of the CA that signed the server's certificate,
    /// which is issued for `localhost` only.
    package let certificateAuthority: String?

    private static let shared = Mutex<Result<PostgresTestServer, any Error>?>(nil)
    private static let sharedWithTLS = Mutex<Result<PostgresTestServer, any Error>?>(nil)

    /// The process's server, started on first use; throws (never skips) when it cannot start,
    /// saying what is missing.
    package static func start() throws -> PostgresTestServer {
        try once(shared, tls: false)
    }

    /// A second server, with TLS on (`ssl=on`), its certificate issued for `localhost` by a CA
    /// made for it (`certificateAuthority`); needs `openssl`.
    package static func startWithTLS() throws -> PostgresTestServer {
        try once(sharedWithTLS, tls: true)
    }

    private static func once(_ slot: borrowing Mutex<Result<PostgresTestServer, any Error>?>, tls: Bool) throws -> PostgresTestServer {
        try slot.withLock { state in
            if let state { return try state.get() }
            let result = Result { try PostgresTestServer(tls: tls) }
            state = result
            return try result.get()
        }
    }

    private init(tls: Bool) throws {
        guard FileManager.default.isExecutableFile(atPath: "\(Self.binaries)/initdb") else {
            throw PostgresTestServerError(
                "PostgreSQL's initdb is not at \(Self.binaries)/initdb; install PostgreSQL 15 (apt-get install postgresql-15) "
                    + "or set CASTBOT_POSTGRES_BIN to its bin folder")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("castbot-pg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let asRoot = getuid() == 0
        do {
            if asRoot { try Self.run("/bin/chown", ["postgres:postgres", folder]) }
            try Self.run(
                "\(Self.binaries)/initdb",
                ["-D", "\(folder)/data", "-A", "trust", "-U", Self.user, "-E", "UTF8", "--no-sync", "--no-instructions"],
                asPostgres: asRoot)
            certificateAuthority = tls ? try Self.makeCertificates(in: folder, asRoot: asRoot) : nil
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
        let tlsSettings = tls ? " -c ssl=on -c ssl_cert_file=\(folder)/server.pem -c ssl_key_file=\(folder)/server.key" : ""
        port = try LoopbackPort.free()
        // The watchdog: the server runs while this process does.
        let script = """
            "\(Self.binaries)/postgres" -D "\(folder)/data" -p \(port) -k "\(folder)" -c listen_addresses=127.0.0.1 \
                -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\(tlsSettings) > "\(folder)/log" 2>&1 &
            server=$!
            # /proc, not kill -0: the postgres user may not signal the (root) test process; an
            # exited one lingers as a zombie until `swift test` reaps it, so Z counts as gone.
            alive() { state=$(awk '/^State:/ { print $2 }' /proc/\(getpid())/status 2>/dev/null); [ -n "$state" ] && [ "$state" != Z ]; }
            while alive && kill -0 $server 2>/dev/null; do sleep 1; done
            kill -QUIT $server 2>/dev/null
            wait $server
            # The server's folder goes with it: nothing is left in the temp dir.
            rm -rf "\(folder)"
            """
        let watchdog = Process()
        if asRoot {
            watchdog.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            watchdog.arguments = ["-u", "postgres", "--", "/bin/sh", "-c", script]
        } else {
            watchdog.executableURL = URL(fileURLWithPath: "/bin/sh")
            watchdog.arguments = ["-c", script]
        }
        // Its own output goes nowhere: holding the test process's pipes open would keep
        // `swift test` waiting for their end after the tests are over.
        watchdog.standardInput = FileHandle.nullDevice
        watchdog.standardOutput = FileHandle.nullDevice
        watchdog.standardError = FileHandle.nullDevice
        try watchdog.run()
        try waitUntilReady()
    }

    /// Creates an empty database and returns its URL (`postgres://castbot@127.0.0.1:PORT/NAME`).
    package func makeDatabase() throws -> String {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        try Self.run("\(Self.binaries)/createdb", ["-h", "127.0.0.1", "-p", "\(port)", "-U", Self.user, String(name)])
        return "postgres://\(Self.user)@127.0.0.1:\(port)/\(name)"
    }

    /// A CA (`ca.pem`) and a server certificate it signed for `localhost` only (`server.pem`,
    /// key `server.key`, 0600 and owned by the server's user, as PostgreSQL demands).
    private static func makeCertificates(in folder: String, asRoot: Bool) throws -> String {
        let openssl = try program("openssl", install: "apt-get install openssl")
        let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try run(openssl, ["req", "-x509"] + curve + ["-keyout", "\(folder)/ca.key", "-out", "\(folder)/ca.pem", "-days", "2", "-subj", "/CN=castbot test CA"])
        try run(openssl, ["req"] + curve + ["-keyout", "\(folder)/server.key", "-out", "\(folder)/server.csr", "-subj", "/CN=localhost"])
        try Data("subjectAltName=DNS:localhost\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/server.ext"))
        try run(openssl, [
            "x509", "-req", "-in", "\(folder)/server.csr", "-CA", "\(folder)/ca.pem", "-CAkey", "\(folder)/ca.key", "-CAcreateserial",
            "-out", "\(folder)/server.pem", "-days", "2", "-extfile", "\(folder)/server.ext",
        ])
        guard chmod("\(folder)/server.key", 0o600) == 0 else { throw PostgresTestServerError("cannot chmod \(folder)/server.key") }
        if asRoot { try run("/bin/chown", ["postgres:postgres", "\(folder)/server.key", "\(folder)/server.pem"]) }
        return "\(folder)/ca.pem"
    }

    private func waitUntilReady() throws {
        for _ in 0..<300 {
            if (try? Self.run("\(Self.binaries)/pg_isready", ["-h", "127.0.0.1", "-p", "\(port)", "-U", Self.user, "-q"])) != nil { return }
            usleep(100_000)
        }
        let log = (try? String(contentsOfFile: "\(folder)/log", encoding: .utf8)) ?? "(no log)"
        throw PostgresTestServerError("PostgreSQL did not accept connections on port \(port) within 30 s; its log:\n\(log.suffix(2_000))")
    }

    @discardableResult
    static func run(_ path: String, _ arguments: [String], asPostgres: Bool = false) throws -> String {
        let process = Process()
        if asPostgres {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", "postgres", "--", path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw PostgresTestServerError("\(path) \(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): \(text.suffix(1_000))")
        }
        return text
    }
}

extension PostgresTestServer {
    /// `name`'s path on `PATH`, or an error saying how to install it.
    static func program(_ name: String, install: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for candidate in path.split(separator: ":").map({ "\($0)/\(name)" }) where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw PostgresTestServerError("\(name) is not installed: install it with `\(install)` (README.md, Tests)")
    }
}

package struct PostgresTestServerError: Error, CustomStringConvertible {
    package let description: String
    init(_ description: String) { self.description = description }
}
