import DiscordModels

/// Every component in a tree, depth first.
enum ComponentTree {
    static func flatten(_ components: [Component]) -> [Component] {
        components.flatMap { [$0] + flatten($0.children) }
    }

    /// Component types that decoded as `.unknown`.
    static func unknownTypes(in components: [Component]) -> [Int] {
        flatten(components).compactMap { component in
            if case .unknown(let type, _) = component { return type }
            return nil
        }
    }
}
