@testable import CastBot
import Testing

@Suite("Admin listener settings: CASTBOT_ADMIN_ADDRESS and CASTBOT_ADMIN_TOKEN", .timeLimit(.minutes(1)))
struct AdminSettingsTests {
    static let token = "0123456789abcdef0123456789abcdef"

    @Test("unset: no admin listener; a port alone binds to 127.0.0.1; host:port and [v6]:port are read")
    func addresses() throws {
        #expect(try CastBotConfiguration.load(environment: [:]).adminAddress == nil)
        #expect(try CastBotConfiguration.load(environment: ["CASTBOT_ADMIN_ADDRESS": "8081"]).adminAddress == AdminAddress(host: "127.0.0.1", port: 8081))
        #expect(try CastBotConfiguration.load(environment: ["CASTBOT_ADMIN_ADDRESS": "localhost:9000"]).adminAddress == AdminAddress(host: "localhost", port: 9000))
        #expect(try CastBotConfiguration.load(environment: ["CASTBOT_ADMIN_ADDRESS": "[::1]:9000"]).adminAddress == AdminAddress(host: "::1", port: 9000))
    }

    @Test("bad addresses, the interactions address, and a public address without a token are refused with what to do")
    func refusals() {
        func problems(_ environment: [String: String]) -> String {
            do {
                _ = try CastBotConfiguration.load(environment: environment)
                return ""
            } catch {
                return error.description
            }
        }
        #expect(problems(["CASTBOT_ADMIN_ADDRESS": "status"]).contains("CASTBOT_ADMIN_ADDRESS must be host:port or a port"))
        #expect(problems(["CASTBOT_ADMIN_ADDRESS": "127.0.0.1:70000"]).contains("CASTBOT_ADMIN_ADDRESS must be host:port or a port"))
        let same = problems(["CASTBOT_ADMIN_ADDRESS": "127.0.0.1:8080"])
        #expect(same.contains("must differ from the interactions listener 127.0.0.1:8080"), "\(same)")
        let wildcard = problems(["CASTBOT_HTTP_HOST": "0.0.0.0", "CASTBOT_ADMIN_ADDRESS": "8080"])
        #expect(wildcard.contains("must differ from the interactions listener"), "\(wildcard)")
        let open = problems(["CASTBOT_ADMIN_ADDRESS": "0.0.0.0:8081"])
        #expect(open.contains("is not a loopback address: set CASTBOT_ADMIN_TOKEN"), "\(open)")
        #expect(problems(["CASTBOT_ADMIN_ADDRESS": "0.0.0.0:8081", "CASTBOT_ADMIN_TOKEN": Self.token]).isEmpty)
        let short = problems(["CASTBOT_ADMIN_ADDRESS": "8081", "CASTBOT_ADMIN_TOKEN": "short-secret"])
        #expect(short.contains("CASTBOT_ADMIN_TOKEN must be at least 16"), "\(short)")
        #expect(!short.contains("short-secret"), "the token is never quoted")
        let orphan = problems(["CASTBOT_ADMIN_TOKEN": Self.token])
        #expect(orphan.contains("CASTBOT_ADMIN_TOKEN is set but CASTBOT_ADMIN_ADDRESS is not"), "\(orphan)")
    }

    @Test("loopback is an IP literal in 127/8, ::1 or localhost; a name that merely starts with 127. needs the token")
    func loopbackIsParsed() {
        for host in ["127.evil.example:8081", "127.0.0.1.nip.io:8081", "[::ffff:10.0.0.1]:8081"] {
            do {
                _ = try CastBotConfiguration.load(environment: ["CASTBOT_ADMIN_ADDRESS": host])
                Issue.record("\(host) was taken for loopback")
            } catch {
                #expect(error.description.contains("is not a loopback address: set CASTBOT_ADMIN_TOKEN"), "\(error)")
            }
        }
        #expect(AdminAddress(parsing: "127.3.4.5:8081")?.isLoopback == true)
        #expect(AdminAddress(parsing: "[::1]:8081")?.isLoopback == true)
    }

    @Test("CASTBOT_METRICS_ON_ADMIN: true moves /metrics to the admin listener, which must be set; only true or false")
    func metricsOnAdmin() throws {
        #expect(try CastBotConfiguration.load(environment: ["CASTBOT_ADMIN_ADDRESS": "8081"]).metricsOnAdmin == false)
        let on = try CastBotConfiguration.load(environment: ["CASTBOT_ADMIN_ADDRESS": "8081", "CASTBOT_METRICS_ON_ADMIN": "true"])
        #expect(on.metricsOnAdmin)
        #expect(on.description.contains("metrics=admin"))
        func problems(_ environment: [String: String]) -> [String] {
            do {
                _ = try CastBotConfiguration.load(environment: environment)
                return []
            } catch {
                return error.problems
            }
        }
        #expect(problems(["CASTBOT_METRICS_ON_ADMIN": "true"]) == [
            "CASTBOT_METRICS_ON_ADMIN=true needs CASTBOT_ADMIN_ADDRESS: /metrics moves to the admin listener, so one must be set"
        ])
        #expect(problems(["CASTBOT_ADMIN_ADDRESS": "8081", "CASTBOT_METRICS_ON_ADMIN": "yes"]) == [
            "CASTBOT_METRICS_ON_ADMIN must be true or false (got 'yes')"
        ])
    }

    @Test("the token is never printed and is accepted only as an exact Bearer value")
    func token() throws {
        let configuration = try CastBotConfiguration.load(environment: ["CASTBOT_ADMIN_ADDRESS": "8081", "CASTBOT_ADMIN_TOKEN": Self.token])
        #expect(!configuration.description.contains(Self.token))
        #expect(configuration.description.contains("adminToken=<redacted>"))
        let token = try #require(configuration.adminToken)
        #expect("\(token)" == "<redacted>")
        #expect(token.accepts(authorization: "Bearer \(Self.token)"))
        #expect(!token.accepts(authorization: nil))
        #expect(!token.accepts(authorization: Self.token))
        #expect(!token.accepts(authorization: "Bearer \(Self.token)x"))
        #expect(!token.accepts(authorization: "Bearer \(Self.token.dropLast())"))
        #expect(!token.accepts(authorization: "Basic \(Self.token)"))
    }
}
