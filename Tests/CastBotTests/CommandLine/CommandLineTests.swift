import CastBot
import CastBotSandbox
import CastBotTestSupport
import LocalServers
import DiscordSandbox
import Foundation
import Logging
import Testing

/// The built `castbot` binary as a user runs it: one error style, the exit codes README.md
/// documents, and refusals that change nothing on disk.
@Suite("castbot on the command line: errors, exit codes, checks before changes", .timeLimit(.minutes(3)))
struct CommandLineTests {
    /// `castbot`, built beside the test runner (`swift build --build-tests`, as scripts/test does).
    static func castbot() throws -> ExternalTool {
        let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [runner.appendingPathComponent("castbot").path, Fixtures.packageRoot.path + "/.build/debug/castbot"]
        guard let path = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw ExternalTool.Missing(description: "castbot is not built at \(candidates[0]): run `swift build --build-tests` (scripts/test does)")
        }
        return ExternalTool(path: path)
    }

    /// Runs `castbot` with `arguments` and exactly `environment` (plus PATH).
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: String? = nil) async throws -> ExternalTool.Outcome {
        try await castbot().run(arguments, in: directory, environment: environment)
    }

    /// One line on standard error, `castbot: error: …`, that names no library call.
    static func expectOneErrorLine(_ outcome: ExternalTool.Outcome, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = outcome.errors.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 1, "\(context): stderr was \(outcome.errors)", sourceLocation: sourceLocation)
        #expect(outcome.errors.hasPrefix("castbot: error: "), "\(context): stderr was \(outcome.errors)", sourceLocation: sourceLocation)
        #expect(!outcome.errors.contains("(descriptor:") && !outcome.errors.contains("errno"), "\(context): \(outcome.errors)", sourceLocation: sourceLocation)
    }

    @Test("--version prints the version and the commit it was built from")
    func version() async throws {
        let outcome = try await Self.run(["--version"])
        #expect(outcome.status == 0)
        let line = outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.hasPrefix("castbot \(CastBotVersion.current) (commit "), "\(line)")
        let commit = line.split(separator: " ").last.map { String($0.dropLast()) } ?? ""
        #expect(commit.count >= 7 && commit != "unknown", "\(line)")
    }

    @Test(
        "every command's failure is one `castbot: error:` line with the documented exit status",
        arguments: [
            (["verify", "/nonexistent/playerData.json"], Int32(1)),
            (["export", "--data", "/nonexistent"], Int32(64)),
            (["import", "--data", "/nonexistent", "--file", "/nonexistent/export.json"], Int32(1)),
            (["restore", "--channel", "123"], Int32(64)),
            (["restore", "--channel", "1200000000000000002"], Int32(1)),
            (["decrypt", "--key", "/nonexistent/key", "/nonexistent/export.json.enc"], Int32(1)),
            (["sandbox", "click"], Int32(64)),
            (["frobnicate"], Int32(64)),
        ])
    func oneErrorStyle(arguments: [String], status: Int32) async throws {
        let outcome = try await Self.run(arguments)
        #expect(outcome.status == status, "\(arguments): \(outcome.errors)")
        Self.expectOneErrorLine(outcome, arguments.joined(separator: " "))
    }

    @Test(
        "serve with a port taken exits 1 in one line naming the address and the setting, and creates no data folder",
        arguments: ["CASTBOT_HTTP_PORT", "CASTBOT_SANDBOX_PORT"])
    func servePortTaken(setting: String) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let taken = try LoopbackPort.Held(listening: true)
        defer { taken.release() }
        let data = folder.path + "/notadir.txt"
        var environment = ["CASTBOT_DATA_DIR": data, "CASTBOT_HTTP_PORT": "\(try LoopbackPort.free())", "CASTBOT_SANDBOX_PORT": "\(try LoopbackPort.free())"]
        environment[setting] = "\(taken.port)"
        let outcome = try await Self.run(["serve"], environment: environment)
        #expect(outcome.status == 1)
        Self.expectOneErrorLine(outcome, "serve")
        #expect(outcome.errors.contains("cannot listen on 127.0.0.1:\(taken.port): the address is in use"), "\(outcome.errors)")
        #expect(outcome.errors.contains(setting), "\(outcome.errors)")
        #expect(!FileManager.default.fileExists(atPath: data), "the data folder was created")
    }

    @Test("serve with the sandbox's port equal to the interactions port exits 78 and creates no data folder")
    func serveEqualPorts() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let data = folder.path + "/data"
        let same = try await Self.run(["serve"], environment: ["CASTBOT_DATA_DIR": data, "CASTBOT_HTTP_PORT": "8123", "CASTBOT_SANDBOX_PORT": "8123"])
        #expect(same.status == 78)
        Self.expectOneErrorLine(same, "serve, equal ports")
        #expect(same.errors.contains("castbot: error: invalid configuration: CASTBOT_SANDBOX_PORT must differ from CASTBOT_HTTP_PORT"), "\(same.errors)")
        #expect(!FileManager.default.fileExists(atPath: data), "the data folder was created")
    }

    @Test("serve lists every configuration problem on its one line and exits 78")
    func serveConfiguration() async throws {
        let outcome = try await Self.run(["serve"], environment: ["CASTBOT_HTTP_PORT": "abc", "CASTBOT_SANDBOX_PORT": "0", "CASTBOT_LOG_LEVEL": "loud"])
        #expect(outcome.status == 78)
        Self.expectOneErrorLine(outcome, "serve")
        for problem in ["CASTBOT_HTTP_PORT must be 1–65535", "CASTBOT_SANDBOX_PORT must be 1–65535 (got '0')", "CASTBOT_LOG_LEVEL must be one of"] {
            #expect(outcome.errors.contains(problem), "\(problem): \(outcome.errors)")
        }
    }

    @Test("import --yes into a folder without a data file refuses unless --create; the dry run says so")
    func importNeedsCreate() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let export = try Fixtures.path(Fixtures.serverExport)
        let data = folder.path + "/missing"

        let dryRun = try await Self.run(["import", "--data", data, "--file", export])
        #expect(dryRun.status == 0)
        #expect(dryRun.output.contains("there is no data file at \(data)/playerData.json"), "\(dryRun.output)")

        let refused = try await Self.run(["import", "--data", data, "--file", export, "--yes"])
        #expect(refused.status == 1)
        Self.expectOneErrorLine(refused, "import --yes")
        #expect(refused.errors.contains("--create"), "\(refused.errors)")
        #expect(!FileManager.default.fileExists(atPath: data), "the refused import created \(data)")

        let created = try await Self.run(["import", "--data", data, "--file", export, "--yes", "--create"])
        #expect(created.status == 0, "\(created.errors)")
        #expect(created.output.contains("now holds 1 guild, "), "\(created.output)")
        #expect(FileManager.default.fileExists(atPath: data + "/playerData.json"))
    }

    @Test("sandbox actions and restore --sandbox fail at once, in one line, when no sandbox answers")
    func sandboxWithoutServer() async throws {
        let port = try LoopbackPort.free()
        for command in [["sandbox", "status"], ["restore", "--sandbox"]] {
            let outcome = try await Self.run(command, environment: ["CASTBOT_SANDBOX_PORT": "\(port)"])
            #expect(outcome.status == 1)
            Self.expectOneErrorLine(outcome, command.joined(separator: " "))
            #expect(outcome.errors.contains("nothing answers at http://127.0.0.1:\(port)/sandbox"), "\(outcome.errors)")
        }
    }

    @Test("restore --sandbox reads the running sandbox's channel with its bot; a failure is one line, with no log line before it")
    func restoreAgainstTheSandbox() async throws {
        let session = try await SandboxMode.start(port: 0, logger: Logger.quiet("castbot-cli-tests"))
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        do {
            let port = try #require(session.apiBaseURL.port)
            let outcome = try await Self.run(["restore", "--sandbox", "--data", folder.path], environment: ["CASTBOT_SANDBOX_PORT": "\(port)"])
            #expect(outcome.status == 1)
            Self.expectOneErrorLine(outcome, "restore --sandbox")
            // It reached the demo channel as the sandbox's bot: the channel simply holds no export yet.
            #expect(outcome.errors.contains("1200000000000000002") && !outcome.errors.contains("401"), "\(outcome.errors)")
            #expect(try folder.contents().isEmpty)
            // A request Discord refuses (no such channel): the error line alone, not the client's log of it first.
            let unknown = try await Self.run(
                ["restore", "--sandbox", "--channel", "1200000000000000099", "--data", folder.path], environment: ["CASTBOT_SANDBOX_PORT": "\(port)"])
            #expect(unknown.status == 1)
            Self.expectOneErrorLine(unknown, "restore --sandbox --channel unknown")
        } catch {
            await session.sandbox.stop()
            throw error
        }
        await session.sandbox.stop()
    }
}
