/// One well-formed interaction body the fuzzer starts from.
package struct FuzzSeed: Sendable, Hashable {
    /// Where it came from, e.g. `sandbox:button:playerdata_export` or `fixture:Interaction.slash-command.json`.
    package let name: String
    package let body: [UInt8]

    package init(name: String, body: [UInt8]) {
        self.name = name
        self.body = body
    }
}
