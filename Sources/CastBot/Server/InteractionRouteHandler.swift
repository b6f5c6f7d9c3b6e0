/// A handler registered on `InteractionRouter` for one command, component or modal id.
public typealias InteractionRouteHandler = @Sendable (RoutedInteraction) async -> InteractionReply
