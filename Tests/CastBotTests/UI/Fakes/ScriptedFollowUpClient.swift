import DiscordModels
import DiscordREST
import Foundation
import Synchronization

/// A Discord client for follow-up tests: records each request and answers from a script: an empty
/// message, or a scripted error for the next requests.
final class ScriptedFollowUpClient: DiscordClient {
    private struct State {
        var requests: [DiscordRequest] = []
        var failures: [DiscordHTTPError] = []
    }

    private let state = Mutex(State())

    var requests: [DiscordRequest] { state.withLock { $0.requests } }

    func failNext(_ error: DiscordHTTPError) {
        state.withLock { $0.failures.append(error) }
    }

    func send(_ request: DiscordRequest) async throws -> DiscordResponse {
        let failure: DiscordHTTPError? = state.withLock { state in
            state.requests.append(request)
            return state.failures.isEmpty ? nil : state.failures.removeFirst()
        }
        if let failure { throw failure }
        return DiscordResponse(status: 200, body: Data(#"{"id": "1", "channel_id": "2", "content": ""}"#.utf8))
    }

    func download(from url: String, maxBytes: Int) async throws -> Data {
        throw DiscordHTTPError(kind: .downloadHostNotAllowed(url), route: "GET")
    }
}
