public import Foundation
public import Logging

/// What a route handler receives.
public struct RoutedInteraction: Sendable {
    /// The request body exactly as Discord signed it.
    public let body: [UInt8]
    public let envelope: InteractionEnvelope
    /// For prefix routes, the rest of the custom id after the prefix
    /// (`"abc"` for `playerdata_import_confirm:abc`); nil for exact routes.
    public let parameter: String?
    public let logger: Logger

    public init(body: [UInt8], envelope: InteractionEnvelope, parameter: String?, logger: Logger) {
        self.body = body
        self.envelope = envelope
        self.parameter = parameter
        self.logger = logger
    }

    /// Decodes the full interaction, e.g. into a DiscordModels type.
    public func decode<T: Decodable>(_ type: T.Type, decoder: JSONDecoder = JSONDecoder()) throws -> T {
        try decoder.decode(type, from: Data(body))
    }
}
