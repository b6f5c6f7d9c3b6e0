import DiscordSandbox
import Foundation
import Logging

extension DiscordSandbox {
    /// A quiet sandbox on loopback for `body` (given it and its API base URL), stopped afterwards
    /// whether `body` returns or throws.
    static func withQuietSandbox<T: Sendable>(label: String, _ body: (DiscordSandbox, URL) async throws -> T) async throws -> T {
        let sandbox = DiscordSandbox(logger: Logger(label: label, factory: { _ in SwiftLogNoOpLogHandler() }))
        let apiBaseURL = try await sandbox.start()
        do {
            let result = try await body(sandbox, apiBaseURL)
            await sandbox.stop()
            return result
        } catch {
            await sandbox.stop()
            throw error
        }
    }
}
