/// Vertical space, optionally with a dividing line (type 14).
public struct Separator: Sendable, Hashable, Codable {
    public var id: Int?
    public var divider: Bool?
    /// 1 for small padding, 2 for large.
    public var spacing: Int?

    public init(id: Int? = nil, divider: Bool? = nil, spacing: Int? = nil) {
        self.id = id
        self.divider = divider
        self.spacing = spacing
    }
}
