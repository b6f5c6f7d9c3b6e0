/// An application command as registered through bulk overwrite.
public struct SandboxCommand: Sendable, Hashable {
    public let id: String
    public let applicationID: String
    public let guildID: String?
    public let name: String
    /// 1 chat input (slash), 2 user, 3 message, 4 primary entry point.
    public let type: Int
    /// The command object as Discord returns it (with `id`, `application_id`, `version`).
    public let json: SandboxJSON
}
