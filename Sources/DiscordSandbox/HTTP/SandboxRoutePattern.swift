/// A method and path pattern naming Discord routes, as tests write them:
/// `POST /channels/*/webhooks`, `* /webhooks/**`, `DELETE /webhooks/{webhook_id}`.
/// `*` or `{name}` matches one path segment, `**` matches any remaining segments.
/// Paths are relative to `/api/v10` (a leading `/api/v10` is accepted and ignored).
package struct SandboxRoutePattern: Sendable, Hashable, CustomStringConvertible {
    enum Segment: Sendable, Hashable {
        case literal(String)
        case any
        case rest
    }

    /// Uppercased HTTP method, or `*` for any.
    package let method: String
    let segments: [Segment]
    package let description: String

    package init(_ text: String) throws(SandboxConfigurationError) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        let methodText: Substring
        let pathText: Substring
        switch words.count {
        case 1:
            methodText = "*"
            pathText = words[0]
        case 2:
            methodText = words[0]
            pathText = words[1]
        default:
            throw SandboxConfigurationError(
                "route pattern '\(text)' must be 'METHOD /path' or '/path', e.g. 'POST /channels/*/webhooks'")
        }
        guard pathText.hasPrefix("/") else {
            throw SandboxConfigurationError("route pattern '\(text)': the path must start with '/'")
        }
        let allowedMethods = ["*", "GET", "POST", "PUT", "PATCH", "DELETE"]
        let method = methodText.uppercased()
        guard allowedMethods.contains(method) else {
            throw SandboxConfigurationError(
                "route pattern '\(text)': method must be one of \(allowedMethods.joined(separator: ", "))")
        }
        var parts = SandboxRoutePattern.pathSegments(String(pathText))
        if parts.starts(with: ["api", "v10"]) { parts.removeFirst(2) }
        var segments: [Segment] = []
        var normalized: [String] = []
        for (index, part) in parts.enumerated() {
            if part == "**" {
                guard index == parts.count - 1 else {
                    throw SandboxConfigurationError("route pattern '\(text)': '**' may only end the path")
                }
                segments.append(.rest)
                normalized.append(part)
            } else if part == "*" || (part.hasPrefix("{") && part.hasSuffix("}")) {
                segments.append(.any)
                normalized.append("*")
            } else {
                segments.append(.literal(part))
                normalized.append(part)
            }
        }
        self.method = method
        self.segments = segments
        self.description = "\(method) /\(normalized.joined(separator: "/"))"
    }

    func matches(method requestMethod: String, segments path: [String]) -> Bool {
        guard method == "*" || method == requestMethod else { return false }
        var index = 0
        for segment in segments {
            switch segment {
            case .rest:
                return true
            case .any:
                guard index < path.count else { return false }
            case .literal(let literal):
                guard index < path.count, path[index] == literal else { return false }
            }
            index += 1
        }
        return index == path.count
    }

    static func pathSegments(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}

/// A setup call was given something the sandbox cannot honour; the message says what is allowed.
package struct SandboxConfigurationError: Error, Sendable, CustomStringConvertible {
    package let description: String

    package init(_ description: String) {
        self.description = description
    }
}
