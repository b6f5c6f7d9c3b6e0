import DiscordModels
import DiscordREST
import ExportFormat
import Foundation
import Synchronization

/// A channel's history and its attachments in memory: answers `GET /channels/{id}/messages`
/// (newest first, `limit`, `before`, `after`), `GET …/messages/{id}` and attachment downloads,
/// and records what was asked. Links can be made to expire once, and errors scripted.
final class ChannelHistoryFake: DiscordClient, Sendable {
    static let applicationID = Snowflake(1_100_000_000_000_000_001)
    static let channelID = Snowflake(1_200_000_000_000_000_002)

    private struct State: Sendable {
        var messages: [Message] = []
        var files: [String: [UInt8]] = [:]
        var expiredOnce: Set<String> = []
        var historyError: DiscordHTTPError?
        var requests: [String] = []
        var nextID: UInt64 = 1_300_000_000_000_000_000
        var urlVersion = 0
    }

    private let state = Mutex(State())

    var requests: [String] { state.withLock { $0.requests } }

    /// Posts a message; `files` are its attachments (name and bytes).
    @discardableResult
    func post(content: String, files: [(String, [UInt8])] = [], webhookName: String? = "PlayerData Export Scheduler",
              applicationID: Snowflake? = ChannelHistoryFake.applicationID) -> Message {
        state.withLock { state in
            state.nextID += 41_943_040  // 10 ms apart, as snowflakes count time
            let id = Snowflake(state.nextID)
            let attachments = files.enumerated().map { index, file in
                let attachmentID = "\(state.nextID + UInt64(index) + 1)"
                state.files[attachmentID] = file.1
                return Attachment(id: Snowflake(attachmentID)!, filename: file.0, size: file.1.count, url: Self.url(attachmentID, version: 0))
            }
            let author = webhookName.map { User(id: Snowflake(state.nextID + 100), username: $0, bot: true) }
            let message = Message(
                id: id, channelID: Self.channelID, author: author, content: content, attachments: attachments,
                webhookID: webhookName == nil ? nil : Snowflake(state.nextID + 100), applicationID: applicationID)
            state.messages.append(message)
            return message
        }
    }

    func delete(_ messageID: Snowflake) {
        state.withLock { $0.messages.removeAll { $0.id == messageID } }
    }

    /// Flips one byte of a stored attachment, as a damaged copy would.
    func corrupt(_ filename: String) {
        state.withLock { state in
            guard let attachment = state.messages.flatMap({ $0.attachments ?? [] }).first(where: { $0.filename == filename }),
                var bytes = state.files[attachment.id.rawValue], !bytes.isEmpty
            else { return }
            bytes[bytes.count / 2] ^= 0x01
            state.files[attachment.id.rawValue] = bytes
        }
    }

    /// The attachment's current link is refused once (as an expired CDN link is); a fetch of its
    /// message hands out a fresh one.
    func expireLinks() {
        state.withLock { state in
            for attachment in state.messages.flatMap({ $0.attachments ?? [] }) { state.expiredOnce.insert(attachment.id.rawValue) }
        }
    }

    func failHistory(with error: DiscordHTTPError) {
        state.withLock { $0.historyError = error }
    }

    func send(_ request: DiscordRequest) async throws -> DiscordResponse {
        let template = "\(request.route.method.rawValue) \(request.route.template)"
        let result: Result<Data, DiscordHTTPError> = state.withLock { state in
            state.requests.append(template + request.query.map { " \($0.name)=\($0.value)" }.joined())
            if let error = state.historyError { return .failure(error) }
            let query = Dictionary(request.query.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
            switch template {
            case "GET /channels/{channel.id}/messages":
                let limit = query["limit"].flatMap(Int.init) ?? 50
                var history = state.messages.sorted { $0.id < $1.id }
                if let before = query["before"].flatMap({ Snowflake($0) }) {
                    history = Array(history.filter { $0.id < before }.suffix(limit))
                } else if let after = query["after"].flatMap({ Snowflake($0) }) {
                    history = Array(history.filter { $0.id > after }.prefix(limit))
                } else {
                    history = Array(history.suffix(limit))
                }
                state.urlVersion += 1
                return .success(Self.encode(history.reversed().map { Self.refreshed($0, version: state.urlVersion) }))
            case "GET /channels/{channel.id}/messages/{message.id}":
                let id = request.route.parameters.compactMap { if case .message(let id) = $0 { id } else { nil } }.first
                guard let message = state.messages.first(where: { $0.id == id }) else {
                    return .failure(.status(404, code: .unknownMessage, message: "Unknown Message", route: "GET message"))
                }
                state.urlVersion += 1
                return .success(Self.encode(Self.refreshed(message, version: state.urlVersion)))
            default:
                return .failure(.status(404, code: .general, message: "404: Not Found", route: template))
            }
        }
        return DiscordResponse(status: 200, body: try result.get())
    }

    func download(from url: String, maxBytes: Int) async throws -> Data {
        let result: Result<Data, DiscordHTTPError> = state.withLock { state in
            state.requests.append("DOWNLOAD \(url)")
            guard let components = URLComponents(string: url), let id = components.path.split(separator: "/").last.map(String.init),
                let bytes = state.files[id]
            else { return .failure(.status(404, code: .general, message: "Not Found", route: "GET cdn")) }
            if state.expiredOnce.contains(id) && url.hasSuffix("v=0") {
                state.expiredOnce.remove(id)
                return .failure(.status(404, code: .general, message: "This content is no longer available.", route: "GET cdn"))
            }
            return .success(Data(bytes))
        }
        return try result.get()
    }

    private static func url(_ id: String, version: Int) -> String {
        "https://cdn.discordapp.com/attachments/\(channelID)/\(id)?v=\(version)"
    }

    private static func refreshed(_ message: Message, version: Int) -> Message {
        var copy = message
        copy.attachments = message.attachments?.map { attachment in
            var fresh = attachment
            fresh.url = url(attachment.id.rawValue, version: version)
            return fresh
        }
        return copy
    }

    private static func encode<T: Encodable>(_ value: T) -> Data {
        (try? JSONEncoder().encode(value)) ?? Data()
    }
}
