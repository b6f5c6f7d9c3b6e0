/// JavaScript's truthiness of a JSON value, for the seed's `serverName || 'Unknown'`.
enum JSValueTruthiness {
    static func isTruthy(_ span: JSONValueSpan, in buffer: UnsafeRawBufferPointer) -> Bool {
        switch span.kind {
        case .string:
            return span.range.count > 2  // anything but ""
        case .number:
            // Falsy exactly when the number parses to zero; "1e-400" underflows to 0 in JavaScript too.
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[span.range]), as: UTF8.self)
            return (Double(text) ?? 1) != 0
        case .true, .object, .array:
            return true
        case .false, .null:
            return false
        }
    }
}
