import DiscordModels
import Foundation

/// Discord's REST API: a few primitives, with typed endpoints built on them as extensions.
///
/// Conformers: ``HTTPDiscordClient`` (the real one over AsyncHTTPClient) and small fakes in tests.
/// A fake only has to implement these two methods to support every endpoint.
public protocol DiscordClient: Sendable {
    /// Performs a request. Returns only 2xx answers; every failure is a ``DiscordHTTPError``
    /// (after the retries and rate-limit waits the implementation performs), except
    /// `CancellationError` when the calling task is cancelled.
    func send(_ request: DiscordRequest) async throws -> DiscordResponse

    /// Downloads a file Discord hosts (an attachment URL), refusing other hosts and files larger
    /// than `maxBytes`.
    func download(from url: String, maxBytes: Int) async throws -> Data
}
