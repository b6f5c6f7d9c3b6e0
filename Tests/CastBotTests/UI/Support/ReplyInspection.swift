import DiscordSandbox

/// Reading the bot's HTTP answers to interactions.
extension SandboxInteractionDelivery {
    /// The callback type (4 message, 5 deferred, 7 update, 9 modal).
    var callbackType: Int? { json?["type"]?.intValue }
    var flags: Int { json?["data"]?["flags"]?.intValue ?? 0 }
    var isEphemeral: Bool { flags & 64 != 0 }
    var isComponentsV2: Bool { flags & 32768 != 0 }
    var content: String { json?["data"]?["content"]?.stringValue ?? "" }
    /// Every custom id in the reply's components (a message's or a modal's).
    var customIDs: [String] { (json?["data"]).map(SandboxJSONSearch.customIDs) ?? [] }
    /// All text of the reply: content and text displays.
    var text: String { (json?["data"]).map(SandboxJSONSearch.text) ?? "" }
}

enum SandboxJSONSearch {
    static func customIDs(in json: SandboxJSON) -> [String] {
        var found: [String] = []
        walk(json) { node in
            if let id = node["custom_id"]?.stringValue { found.append(id) }
        }
        return found
    }

    static func text(in json: SandboxJSON) -> String {
        var parts: [String] = []
        if let content = json["content"]?.stringValue { parts.append(content) }
        walk(json) { node in
            if node["type"]?.intValue == 10, let content = node["content"]?.stringValue { parts.append(content) }
        }
        return parts.joined(separator: "\n")
    }

    /// Components of a given type anywhere in the tree.
    static func components(ofType type: Int, in json: SandboxJSON) -> [SandboxJSON] {
        var found: [SandboxJSON] = []
        walk(json) { node in
            if node["type"]?.intValue == type, node["custom_id"] != nil || type != 2 { found.append(node) }
        }
        return found
    }

    /// Visits objects depth first, in key order for objects' children so results are stable.
    static func walk(_ json: SandboxJSON, _ visit: (SandboxJSON) -> Void) {
        switch json {
        case .array(let items):
            for item in items { walk(item, visit) }
        case .object(let object):
            visit(json)
            for key in ["components", "component", "accessory"] {
                if let child = object[key] { walk(child, visit) }
            }
        default:
            break
        }
    }
}
