import CastBot
import DiscordSandbox

/// Addressing and rewriting nodes of a parsed interaction body, for structural mutations.
enum FuzzJSONTree {
    enum Step: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    typealias Path = [Step]

    /// Every node's path, depth first, the root first; at most `limit` of them.
    static func paths(in json: SandboxJSON, limit: Int = 4096) -> [Path] {
        var found: [Path] = []
        var stack: [(Path, SandboxJSON)] = [([], json)]
        while found.count < limit, let entry = stack.popLast() {
            let (path, node) = entry
            found.append(path)
            switch node {
            case .object(let members):
                for key in members.keys.sorted().reversed() { stack.append((path + [.key(key)], members[key] ?? .null)) }
            case .array(let elements):
                for index in elements.indices.reversed() { stack.append((path + [.index(index)], elements[index])) }
            default:
                break
            }
        }
        return found
    }

    static func value(at path: Path, in json: SandboxJSON) -> SandboxJSON? {
        var node = json
        for step in path {
            switch (step, node) {
            case (.key(let key), .object(let members)):
                guard let next = members[key] else { return nil }
                node = next
            case (.index(let index), .array(let elements)) where elements.indices.contains(index):
                node = elements[index]
            default:
                return nil
            }
        }
        return node
    }

    /// `json` with the node at `path` replaced by `replacement`, or removed when it is nil.
    static func replacing(_ path: Path, in json: SandboxJSON, with replacement: SandboxJSON?) -> SandboxJSON {
        guard let step = path.first else { return replacement ?? .null }
        let rest = Array(path.dropFirst())
        switch (step, json) {
        case (.key(let key), .object(var members)):
            if rest.isEmpty {
                members[key] = replacement
            } else if let child = members[key] {
                members[key] = replacing(rest, in: child, with: replacement)
            }
            return .object(members)
        case (.index(let index), .array(var elements)) where elements.indices.contains(index):
            if rest.isEmpty {
                if let replacement { elements[index] = replacement } else { elements.remove(at: index) }
            } else {
                elements[index] = replacing(rest, in: elements[index], with: replacement)
            }
            return .array(elements)
        default:
            return json
        }
    }

    /// The last key of `path`, if it ends in an object member.
    static func lastKey(of path: Path) -> String? {
        if case .key(let key) = path.last { return key }
        return nil
    }
}
