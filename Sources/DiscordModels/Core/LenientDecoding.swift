extension KeyedDecodingContainer {
    /// Decodes an optional field that must never make the enclosing object fail: a value that is
    /// missing, `null` or of an unexpected shape reads as `nil`.
    func lenient<T: Decodable>(_ type: T.Type, forKey key: Key) -> T? {
        (try? decodeIfPresent(type, forKey: key)) ?? nil
    }
}
