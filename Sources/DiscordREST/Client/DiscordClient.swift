import DiscordModels
import Foundation

/// Discord's REST API: a few primitives, with typed endpoints built on them as extensions.
///
/// Conformers: ``HTTPDiscordClient`` (the real one over AsyncHTTPClient) and small fakes in tests.
/// A fake only has to implement these two methods to support every endpoint.
package protocol DiscordClient: Sendable {
    /// Performs a request. Returns only 2xx answers; every failure is a ``DiscordHTTPError``
    /// (after the retries and rate-limit waits the implementation performs), except
    /// `CancellationError` when the calling task is cancelled.
    func send(_ request: DiscordRequest) async throws -> DiscordResponse

    /// Downloads a file Discord hosts (an attachment URL), refusing other hosts and files larger
    /// than `maxBytes`.
    func download(from url: String, maxBytes: Int) async throws -> Data

    /// Several processes send with the same bot token (replicas of a cluster): Discord's global
    /// limit and its invalid-request allowance are the bot's, so each takes its share of them.
    func shareBotLimits(among processes: Int) async
}

extension DiscordClient {
    /// Clients that do not pace themselves have nothing to share.
    package func shareBotLimits(among processes: Int) async {}
}
