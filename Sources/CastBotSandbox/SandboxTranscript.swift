import CastBot
import DiscordSandbox
import ExportFormat
import Foundation

/// Renders what Discord would show (interaction replies, modals, channel messages) as plain
/// terminal text: text displays as they are, buttons as `[label] (custom_id)`.
enum SandboxTranscript {
    /// The bot's HTTP answer to an interaction (`{"type": 4, "data": {...}}`).
    static func reply(_ response: SandboxJSON) -> String {
        let data = response["data"] ?? .null
        switch response["type"]?.intValue {
        case 1: return "PONG"
        case 4: return "💬 Reply\(visibility(data)):\n" + message(data)
        case 5: return "⏳ Deferred (\"thinking…\")\(visibility(data)); the answer follows as an edit of this message."
        case 6: return "✔️ Acknowledged; the message will be edited."
        case 7: return "✏️ Updated the message:\n" + message(data)
        case 9: return modal(data)
        case let other: return "Answer type \(other.map(String.init) ?? "?"): \(response.text)"
        }
    }

    /// A message as the sandbox stores it: text, components and attachments.
    static func message(_ message: SandboxJSON) -> String {
        var lines: [String] = []
        if let content = message["content"]?.stringValue, !content.isEmpty {
            lines.append(readable(content))
        }
        for component in message["components"]?.arrayValue ?? [] {
            lines += self.component(component, depth: 0)
        }
        for attachment in message["attachments"]?.arrayValue ?? [] {
            let name = attachment["filename"]?.stringValue ?? "?"
            let size = attachment["size"]?.intValue.map { " (\(ByteSizeText.describe($0)))" } ?? ""
            lines.append("📎 \(name)\(size) → \(attachment["url"]?.stringValue ?? "")")
        }
        return lines.isEmpty ? "(empty)" : lines.joined(separator: "\n")
    }

    static func modal(_ data: SandboxJSON) -> String {
        var lines = ["🪟 Modal \"\(data["title"]?.stringValue ?? "")\" (\(data["custom_id"]?.stringValue ?? "?"))"]
        for component in data["components"]?.arrayValue ?? [] {
            lines += self.component(component, depth: 1)
        }
        return lines.joined(separator: "\n")
    }

    private static func visibility(_ data: SandboxJSON) -> String {
        (data["flags"]?.intValue ?? 0) & 64 != 0 ? " (only you can see this)" : ""
    }

    private static func component(_ component: SandboxJSON, depth: Int) -> [String] {
        let indent = String(repeating: "  ", count: depth)
        let children = component["components"]?.arrayValue ?? []
        switch component["type"]?.intValue {
        case 1:
            return [indent + children.map(inline).joined(separator: " ")]
        case 2, 3, 4, 19:
            return [indent + inline(component)]
        case 9:
            var lines = children.flatMap { self.component($0, depth: depth) }
            if let accessory = component["accessory"] { lines.append(indent + inline(accessory)) }
            return lines
        case 10:
            return readable(component["content"]?.stringValue ?? "").split(separator: "\n", omittingEmptySubsequences: false)
                .map { indent + $0 }
        case 14:
            return [indent + "────────"]
        case 17:
            return children.flatMap { self.component($0, depth: depth) }
        case 18:
            let label = component["label"]?.stringValue ?? ""
            let inner = component["component"].map(inline) ?? ""
            return [indent + "• \(label): \(inner)"]
        default:
            return [indent + "(component type \(component["type"]?.intValue.map(String.init) ?? "?"))"]
        }
    }

    /// One interactive component on a line.
    private static func inline(_ component: SandboxJSON) -> String {
        let id = component["custom_id"]?.stringValue ?? ""
        switch component["type"]?.intValue {
        case 2:
            let emoji = component["emoji"]?["name"]?.stringValue.map { "\($0) " } ?? ""
            return "[\(emoji)\(component["label"]?.stringValue ?? "")] (\(id))"
        case 3:
            let options = (component["options"]?.arrayValue ?? []).map { option in
                let value = option["value"]?.stringValue ?? ""
                return option["default"]?.boolValue == true ? "*\(value)*" : value
            }
            return "\(id) ∈ {\(options.joined(separator: ", "))}"
        case 4:
            let value = component["value"]?.stringValue.map { " = \"\($0)\"" } ?? ""
            return "\(id)\(value)"
        case 19:
            return "\(id) (file upload)"
        default:
            return id
        }
    }

    /// Discord renders `<t:1760538600:R>` as a local time; a terminal shows the UTC time beside it.
    static func readable(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let start = rest.range(of: "<t:") {
            output += rest[..<start.lowerBound]
            let tail = rest[start.upperBound...]
            guard let end = tail.firstIndex(of: ">"),
                let seconds = tail[..<end].split(separator: ":").first.flatMap({ Int($0) })
            else {
                output += rest[start]
                rest = tail
                continue
            }
            output += "\(rest[start.lowerBound...end]) (\(utc.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))))"
            rest = tail[tail.index(after: end)...]
        }
        return output + rest
    }

    private static let utc: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter
    }()
}
