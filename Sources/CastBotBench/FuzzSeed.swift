/// One well-formed interaction body the fuzzer starts from.
public struct FuzzSeed: Sendable, Hashable {
    /// Where it came from, e.g. `sandbox:button:playerdata_export` or `fixture:Interaction.slash-command.json`.
    public let name: String
    public let body: [UInt8]

    public init(name: String, body: [UInt8]) {
        self.name = name
        self.body = body
    }
}
