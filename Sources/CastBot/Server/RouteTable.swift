import DiscordModels

/// Handlers by interaction kind and id: exact ids first, then the longest matching prefix.
struct RouteTable: Sendable {
    enum Kind: Hashable, Sendable {
        case command, autocomplete, component, modal

        /// The kind and routing id (command name or custom id) of an interaction.
        static func of(_ envelope: InteractionEnvelope) -> (kind: Kind, id: String?)? {
            switch envelope.type {
            case .applicationCommand: (.command, envelope.commandName)
            case .applicationCommandAutocomplete: (.autocomplete, envelope.commandName)
            case .messageComponent: (.component, envelope.customID)
            case .modalSubmit: (.modal, envelope.customID)
            default: nil
            }
        }
    }

    struct Route: Sendable {
        let timing: ReplyTiming
        let handler: InteractionRouteHandler
    }

    struct Match: Sendable {
        let route: Route
        let parameter: String?
    }

    private struct PrefixRoute: Sendable {
        let prefix: String
        let route: Route
    }

    private var exact: [Kind: [String: Route]] = [:]
    private var prefixed: [Kind: [PrefixRoute]] = [:]

    /// A later registration for the same id replaces the earlier one.
    mutating func add(_ kind: Kind, id: String, route: Route) {
        exact[kind, default: [:]][id] = route
    }

    mutating func add(_ kind: Kind, prefix: String, route: Route) {
        var routes = prefixed[kind, default: []].filter { $0.prefix != prefix }
        routes.append(PrefixRoute(prefix: prefix, route: route))
        routes.sort { $0.prefix.utf8.count > $1.prefix.utf8.count }
        prefixed[kind] = routes
    }

    func match(_ kind: Kind, id: String) -> Match? {
        if let route = exact[kind]?[id] {
            return Match(route: route, parameter: nil)
        }
        guard let found = prefixed[kind]?.first(where: { id.hasPrefix($0.prefix) }) else { return nil }
        return Match(route: found.route, parameter: String(id.dropFirst(found.prefix.count)))
    }
}
