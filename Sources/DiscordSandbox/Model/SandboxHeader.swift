/// One HTTP header as it was sent, name spelled as the client spelled it.
package struct SandboxHeader: Sendable, Hashable {
    package let name: String
    package let value: String

    package init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == SandboxHeader {
    /// The first value of a header, matching the name case-insensitively as HTTP does.
    package func value(of name: String) -> String? {
        let lowered = name.lowercased()
        return first { $0.name.lowercased() == lowered }?.value
    }
}
