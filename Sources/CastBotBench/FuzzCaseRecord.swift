/// A fuzz case whose answer was wrong, with what is needed to replay it.
package struct FuzzFailure: Sendable, CustomStringConvertible {
    package let caseIndex: Int
    package let seedName: String
    package let mutation: FuzzMutation
    package let problem: String
    /// The start of the body, printable.
    package let bodyExcerpt: String

    package var description: String {
        "case \(caseIndex) (\(mutation.rawValue) of \(seedName)): \(problem); body starts \(bodyExcerpt)"
    }

    static func excerpt(_ body: [UInt8], limit: Int = 160) -> String {
        let text = body.prefix(limit).map { byte -> String in
            (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
        }.joined()
        return "\"\(text)\"" + (body.count > limit ? "… (\(body.count) bytes)" : "")
    }
}
