import ArgumentParser
import Foundation
import PlayerData

/// Shared by the data commands: failures become one line on standard error and exit status 1.
public enum CommandOutput {
    public static func runReportingFailure(context: String? = nil, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ExitCode {
            throw error
        } catch {
            let prefix = context.map { "\($0): " } ?? ""
            printError("error: \(prefix)\(error)")
            throw ExitCode(1)
        }
    }

    public static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
