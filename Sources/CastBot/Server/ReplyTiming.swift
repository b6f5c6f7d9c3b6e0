/// When a route answers Discord.
public enum ReplyTiming: Sendable, Equatable {
    /// The handler's reply goes back in the HTTP answer if it is ready within the router's
    /// deadline (2.5 s by default); otherwise Discord gets an ephemeral "thinking…" (type 5) and
    /// the reply follows through the `FollowUpSender` when ready. Right for quick work.
    case withinDeadline
    /// Discord gets the ephemeral "thinking…" (type 5) at once and the handler's reply always
    /// arrives as a follow-up. Right for work known to be slow: exports, imports, reading large files.
    case deferImmediately
}
