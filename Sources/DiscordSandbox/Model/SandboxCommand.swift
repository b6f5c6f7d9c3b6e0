/// An application command as registered through bulk overwrite.
package struct SandboxCommand: Sendable, Hashable {
    package let id: String
    package let applicationID: String
    package let guildID: String?
    package let name: String
    /// 1 chat input (slash), 2 user, 3 message, 4 primary entry point.
    package let type: Int
    /// The command object as Discord returns it (with `id`, `application_id`, `version`).
    package let json: SandboxJSON
}
