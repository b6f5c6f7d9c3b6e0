/// Vertical space, optionally with a dividing line (type 14).
package struct Separator: Sendable, Hashable, Codable {
    package var id: Int?
    package var divider: Bool?
    /// 1 for small padding, 2 for large.
    package var spacing: Int?

    package init(id: Int? = nil, divider: Bool? = nil, spacing: Int? = nil) {
        self.id = id
        self.divider = divider
        self.spacing = spacing
    }
}
