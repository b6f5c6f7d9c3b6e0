import ArgumentParser
import Foundation

/// How both command-line tools report: every failure is one line on standard error,
/// `castbot: error: WHAT`, and the exit status says what kind of failure it was.
package enum CommandOutput {
    /// A wrong command line (unknown option, missing or invalid value): sysexits' EX_USAGE.
    package static let usageExitCode: Int32 = 64
    /// Wrong settings (environment or config file): sysexits' EX_CONFIG. Retrying will not help.
    package static let configurationExitCode: Int32 = 78

    /// The tool's name as the user typed it, without its folder (`castbot`, `castbot-bench`).
    package static var program: String {
        URL(fileURLWithPath: CommandLine.arguments.first ?? "castbot").lastPathComponent
    }

    /// `castbot: error: MESSAGE` on one line: a description of several lines (a list of problems,
    /// with or without `- ` or `• ` bullets) is joined with "; ".
    package static func errorLine(_ message: String) -> String {
        let parts = message.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .map { $0.hasPrefix("- ") || $0.hasPrefix("• ") ? String($0.dropFirst(2)) : $0 }
            .filter { !$0.isEmpty }
        var text = ""
        for part in parts {
            if text.isEmpty {
                text = part
            } else {
                text += (text.hasSuffix(":") ? " " : "; ") + part
            }
        }
        return "\(program): error: \(text)"
    }

    /// Prints `message` as the command's one error line and returns the exit code to throw.
    package static func failure(_ message: String, exitCode: Int32 = 1) -> ExitCode {
        printError(errorLine(message))
        return ExitCode(exitCode)
    }

    /// Runs a command's work; a failure becomes one error line and exit status 1.
    package static func runReportingFailure(context: String? = nil, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ExitCode {
            throw error
        } catch {
            let prefix = context.map { "\($0): " } ?? ""
            throw failure("\(prefix)\(error)")
        }
    }

    package static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// `main` of a tool: runs `command` and exits with its status.
    package static func exit<Command: AsyncParsableCommand>(running command: Command.Type) async -> Never {
        let status = await main(command)
        Foundation.exit(status)
    }

    /// The tools' entry point: parses the command line and runs the command. Help and `--version`
    /// print as usual; any failure, the command line's own included, is one error line. Returns the
    /// exit status.
    package static func main<Command: AsyncParsableCommand>(_ command: Command.Type, arguments: [String]? = nil) async -> Int32 {
        do {
            var parsed = try await Command.asyncParseAsRoot(arguments)
            if var runnable = parsed as? any AsyncParsableCommand {
                try await runnable.run()
            } else {
                try parsed.run()
            }
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            let code = Command.exitCode(for: error).rawValue
            if code == 0 {
                // --help, --version: their text, on standard output.
                Command.exit(withError: error)
            }
            var message = Command.message(for: error)
            if message.isEmpty { message = "\(error)" }
            if code == usageExitCode { message += " (see \(program) --help)" }
            printError(errorLine(message))
            return code
        }
    }
}

/// "1 guild", "2 guilds": a count with its noun in the right number.
package func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
