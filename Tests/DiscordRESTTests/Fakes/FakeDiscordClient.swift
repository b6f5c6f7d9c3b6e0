import DiscordREST
import Foundation
import Synchronization

/// A ``DiscordClient`` that records what it was sent and answers from a script.
final class FakeDiscordClient: DiscordClient {
    typealias Responder = @Sendable (DiscordRequest) throws -> DiscordResponse

    struct Download: Sendable, Hashable {
        var url: String
        var maxBytes: Int
    }

    private let responder: Responder
    private let downloadData: Data
    private let state = Mutex<(requests: [DiscordRequest], downloads: [Download])>(([], []))

    /// Answers every request with `responder` (by default 200 with `{}`); downloads return
    /// `downloadData`.
    init(downloadData: Data = Data(), responder: @escaping Responder = { _ in DiscordResponse(status: 200, body: Data("{}".utf8)) }) {
        self.responder = responder
        self.downloadData = downloadData
    }

    /// Answers every request with this JSON.
    convenience init(answering json: String) {
        self.init { _ in DiscordResponse(status: 200, body: Data(json.utf8)) }
    }

    var requests: [DiscordRequest] { state.withLock { $0.requests } }
    var downloads: [Download] { state.withLock { $0.downloads } }

    func send(_ request: DiscordRequest) async throws -> DiscordResponse {
        state.withLock { $0.requests.append(request) }
        return try responder(request)
    }

    func download(from url: String, maxBytes: Int) async throws -> Data {
        state.withLock { $0.downloads.append(Download(url: url, maxBytes: maxBytes)) }
        return downloadData
    }
}
