import HTTPTypes

/// Discord's signature headers, by canonical (lower-case) name.
enum HeaderNames {
    static let signature = "x-signature-ed25519"
    static let timestamp = "x-signature-timestamp"
}

extension HTTPFields {
    /// The first value of the field with this canonical name.
    func first(canonicalName: String) -> String? {
        first { $0.name.canonicalName == canonicalName }?.value
    }
}
