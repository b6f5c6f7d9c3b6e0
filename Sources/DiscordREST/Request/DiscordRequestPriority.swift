extension DiscordRequest {
    /// Which waiting request goes first when the global limit allows only some: while thousands
    /// of scheduled exports wait for their slots, an interaction reply or an admin's DM is not
    /// queued behind them. Requests of one priority go in the order they asked.
    package enum Priority: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// Work someone is waiting on now: interaction replies and follow-ups, and what a command
        /// reads or changes on Discord. The default.
        case interaction = 0
        /// Direct messages (an admin told that a schedule stopped).
        case directMessage = 1
        /// Scheduled exports: creating, executing and deleting their temporary webhooks, and the
        /// reads that check a delivery.
        case export = 2
        /// Work nobody waits on: the start-up sweep of leftover temporary webhooks. It takes only
        /// slots nothing else wants.
        case background = 3

        package var description: String {
            switch self {
            case .interaction: "interaction"
            case .directMessage: "direct_message"
            case .export: "export"
            case .background: "background"
            }
        }
    }
}
