/// Discord's interaction type. Unknown values are kept, not rejected, so new Discord types
/// reach the router and get a clear answer instead of a decoding failure.
public struct InteractionType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let ping = InteractionType(rawValue: 1)
    public static let applicationCommand = InteractionType(rawValue: 2)
    public static let messageComponent = InteractionType(rawValue: 3)
    public static let autocomplete = InteractionType(rawValue: 4)
    public static let modalSubmit = InteractionType(rawValue: 5)

    /// The `type` label used in logs and metrics.
    public var label: String {
        switch self {
        case .ping: "ping"
        case .applicationCommand: "command"
        case .messageComponent: "component"
        case .autocomplete: "autocomplete"
        case .modalSubmit: "modal"
        default: "unknown"
        }
    }

    public var description: String { "\(label)(\(rawValue))" }
}
