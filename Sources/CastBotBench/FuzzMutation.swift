/// The ways the fuzzer damages a well-formed interaction body.
package enum FuzzMutation: String, CaseIterable, Sendable, Hashable {
    /// Random bits flipped or bytes replaced anywhere in the body.
    case byteFlip
    /// The body cut short at a random point.
    case truncation
    /// A node replaced by a value of another JSON type.
    case typeConfusion
    /// A node replaced by a number literal beyond Int64 or Double.
    case hugeNumber
    /// A node replaced by arrays or objects nested up to 50,000 deep.
    case deepNesting
    /// A string or key replaced by hostile Unicode, lone surrogates or invalid UTF-8.
    case unicode
    /// An object member removed, important keys first.
    case missingField
    /// A `type` or `component_type` changed to another (or an impossible) number.
    case wrongComponentType
    /// A string grown to between 4 KiB and past the 1 MiB body limit.
    case oversizedString
    /// Modal inputs' `value` and `values` replaced by what users might type.
    case modalValue
    /// A member repeated with a value of another type.
    case duplicateKey
    /// A subtree of another seed grafted in.
    case splice
    /// Two to four of the above, one after another.
    case stacked
}
