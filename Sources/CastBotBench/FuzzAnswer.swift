import CastBot
import DiscordSandbox

/// The server's HTTP answer to one fuzzed request.
package struct FuzzAnswer: Sendable {
    package var status: Int
    package var body: [UInt8]

    package init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }

    /// The `type` of a JSON reply, if it has one.
    var responseType: Int? {
        (try? SandboxJSON.parse(body))?["type"]?.intValue
    }

    /// The callback types the server may send (`InteractionCallbackType`).
    static let knownCallbackTypes: Set<Int> = [1, 4, 5, 6, 7, 8, 9]

    /// What is wrong with the answer, or nil when it is a client error (4xx) or a proper
    /// interaction response: a JSON object whose `type` is a known callback type and whose
    /// `data`, when present, is an object of the shape that type needs.
    package var problem: String? {
        if (400..<500).contains(status) { return nil }
        guard status == 200 else { return "HTTP \(status): only 200 with a response or a 4xx is acceptable" }
        guard let json = try? SandboxJSON.parse(body), json.objectValue != nil else {
            return "200 with a body that is not a JSON object"
        }
        guard let type = json["type"]?.intValue else { return "200 without an integer \"type\"" }
        guard Self.knownCallbackTypes.contains(type) else { return "200 with unknown response type \(type)" }
        guard let data = json["data"] else {
            return type == 9 || type == 8 ? "response type \(type) without \"data\"" : nil
        }
        guard data.objectValue != nil else { return "response \"data\" is not an object" }
        switch type {
        case 9 where data["custom_id"]?.stringValue == nil || data["title"]?.stringValue == nil || data["components"]?.arrayValue == nil:
            return "modal response without custom_id, title and components"
        case 8 where data["choices"]?.arrayValue == nil:
            return "autocomplete response without a choices array"
        default:
            return nil
        }
    }
}
