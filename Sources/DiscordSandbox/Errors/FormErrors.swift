/// Collects field errors in the shape of Discord's 50035 "Invalid Form Body" response:
/// `{"content": {"_errors": [{"code": "...", "message": "..."}]}}`, nested by path.
struct FormErrors: Sendable {
    private struct Entry: Sendable {
        let path: [String]
        let code: String
        let message: String
    }

    private var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }

    mutating func add(_ path: [String], code: String, message: String) {
        entries.append(Entry(path: path, code: code, message: message))
    }

    mutating func merge(_ other: FormErrors, under prefix: [String]) {
        for entry in other.entries {
            entries.append(Entry(path: prefix + entry.path, code: entry.code, message: entry.message))
        }
    }

    var json: SandboxJSON {
        var root: [String: SandboxJSON] = [:]
        for entry in entries {
            Self.insert(entry, remaining: entry.path[...], into: &root)
        }
        return .object(root)
    }

    private static func insert(_ entry: Entry, remaining: ArraySlice<String>, into object: inout [String: SandboxJSON]) {
        guard let head = remaining.first else {
            let error: SandboxJSON = ["code": .string(entry.code), "message": .string(entry.message)]
            let existing = object["_errors"]?.arrayValue ?? []
            object["_errors"] = .array(existing + [error])
            return
        }
        var child = object[head]?.objectValue ?? [:]
        insert(entry, remaining: remaining.dropFirst(), into: &child)
        object[head] = .object(child)
    }

    /// A human-readable summary, used in logs and in the control API.
    var summary: String {
        entries.map { entry in
            let path = entry.path.isEmpty ? "(body)" : entry.path.joined(separator: ".")
            return "\(path): \(entry.message)"
        }.joined(separator: "; ")
    }
}
