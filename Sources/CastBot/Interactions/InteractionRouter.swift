import DiscordModels
import Foundation
import Logging

/// Routes interactions to handlers by command name (`data.name`) or custom id (`data.custom_id`),
/// exactly or by prefix for ids that carry a parameter (`playerdata_import_confirm:<token>`), and
/// keeps every answer within Discord's 3 seconds: a handler's reply goes back in the HTTP answer
/// if it is ready within `replyDeadline` (2.5 s by default); otherwise Discord gets an ephemeral
/// "thinking…" (type 5) and the reply follows through the `FollowUpSender` when ready. Replies
/// with files always travel as follow-ups.
///
/// Register all routes at startup, then hand the router to `buildApplication`:
/// ```swift
/// var router = InteractionRouter(followUps: sender)
/// router.onCommand("menu") { interaction in .message("…") }
/// router.onComponent("playerdata_export") { interaction in … }
/// router.onComponent(prefix: "playerdata_import_confirm:") { interaction in … interaction.parameter … }
/// ```
/// Interactions without a route get an ephemeral "no longer supported" message.
package struct InteractionRouter: InteractionHandler {
    private var routes = RouteTable()
    private let delivery: LateReplyDelivery
    private let clock: any Clock<Duration>
    /// How long a `.withinDeadline` handler may take before Discord is answered "thinking…".
    package let replyDeadline: Duration
    private let pending = PendingWork()

    package static let defaultReplyDeadline = Duration.milliseconds(2500)

    package init(
        followUps: any FollowUpSender,
        clock: any Clock<Duration> = ContinuousClock(),
        replyDeadline: Duration = Self.defaultReplyDeadline
    ) {
        self.delivery = LateReplyDelivery(sender: followUps)
        self.clock = clock
        self.replyDeadline = replyDeadline
    }

    // MARK: Registration

    mutating func onCommand(_ name: String, _ handler: @escaping InteractionRouteHandler) {
        routes.add(.command, id: name, route: .init(handler: handler))
    }

    /// Autocomplete cannot be deferred: a handler that misses the deadline yields no suggestions.
    mutating func onAutocomplete(_ commandName: String, _ handler: @escaping InteractionRouteHandler) {
        routes.add(.autocomplete, id: commandName, route: .init(handler: handler))
    }

    mutating func onComponent(_ customID: String, _ handler: @escaping InteractionRouteHandler) {
        routes.add(.component, id: customID, route: .init(handler: handler))
    }

    mutating func onComponent(prefix: String, _ handler: @escaping InteractionRouteHandler) {
        routes.add(.component, prefix: prefix, route: .init(handler: handler))
    }

    mutating func onModal(_ customID: String, _ handler: @escaping InteractionRouteHandler) {
        routes.add(.modal, id: customID, route: .init(handler: handler))
    }

    mutating func onModal(prefix: String, _ handler: @escaping InteractionRouteHandler) {
        routes.add(.modal, prefix: prefix, route: .init(handler: handler))
    }

    // MARK: Handling

    package func handle(_ body: [UInt8], context: InteractionContext) async -> InteractionReply {
        let envelope = context.envelope
        guard let (kind, id) = RouteTable.Kind.of(envelope), let id, let match = routes.match(kind, id: id) else {
            return UnsupportedInteractionReplies.reply(for: envelope.type)
        }
        let interaction = RoutedInteraction(
            body: body, envelope: envelope, parameter: match.parameter, logger: context.logger, pendingWork: pending)
        return await replyWithinDeadline(match.route.handler, interaction)
    }

    package func finishPendingWork() async {
        await pending.waitUntilIdle()
    }

    /// Number of handlers or follow-ups still running after their HTTP answer was sent.
    package var pendingWorkCount: Int { pending.count }

    private func replyWithinDeadline(_ handler: @escaping InteractionRouteHandler, _ interaction: RoutedInteraction) async -> InteractionReply {
        let envelope = interaction.envelope
        let logger = interaction.logger
        let delivery = self.delivery
        // nil is the deadline's entry in the race.
        let first = FirstOutcome<InteractionReply?>()
        let timer = ClockTimer.schedule(on: clock, after: replyDeadline) { first.decide(nil) }
        pending.start {
            let reply = await handler(interaction)
            guard !first.decide(reply) else { return }
            if envelope.type == .applicationCommandAutocomplete {
                logger.notice("autocomplete answered too late; suggestions dropped")
            } else {
                await delivery.deliver(reply, for: envelope, logger: logger)
            }
        }
        let winner = await first.wait(orOnCancel: nil)
        timer.cancel()

        guard let reply = winner else {
            logger.notice("handler missed the reply deadline; answering deferred", metadata: ["deadline": "\(replyDeadline)"])
            return envelope.type == .applicationCommandAutocomplete ? UnsupportedInteractionReplies.noSuggestions : .deferredMessage()
        }
        guard !reply.files.isEmpty else { return reply }
        pending.start { await delivery.deliver(reply, for: envelope, logger: logger) }
        return .deferredMessage()
    }
}

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

/// A handler registered on `InteractionRouter` for one command, component or modal id.
typealias InteractionRouteHandler = @Sendable (RoutedInteraction) async -> InteractionReply

/// What a route handler receives.
struct RoutedInteraction: Sendable {
    /// The request body exactly as Discord signed it.
    let body: [UInt8]
    let envelope: InteractionEnvelope
    /// For prefix routes, the rest of the custom id after the prefix
    /// (`"abc"` for `playerdata_import_confirm:abc`); nil for exact routes.
    let parameter: String?
    let logger: Logger
    /// Work that outlives the handler's reply; graceful shutdown waits for it.
    private let pendingWork: PendingWork

    init(body: [UInt8], envelope: InteractionEnvelope, parameter: String?, logger: Logger, pendingWork: PendingWork = PendingWork()) {
        self.body = body
        self.envelope = envelope
        self.parameter = parameter
        self.logger = logger
        self.pendingWork = pendingWork
    }

    /// Starts `operation` after the handler returns (the follow-ups of a reply), tracked so that
    /// graceful shutdown's drain waits for it like for deferred replies.
    func continueAfterReply(_ operation: @escaping @Sendable () async -> Void) {
        pendingWork.start(operation)
    }
}
