import DiscordModels

/// The one definition of "an export message this bot posted" (docs/OPERATIONS.md, "Threat
/// model"), used by restore (the command and the button), retention and the cluster's takeover
/// check alike.
///
/// Only Discord's own facts count: the message's `application_id` is this application's (Discord
/// sets it on messages of webhooks the application created, and on interaction replies), or its
/// author is the application's bot user. A display name proves nothing: anyone with Manage
/// Webhooks in the channel can make a webhook named "PlayerData Export Scheduler", and its
/// messages carry no application id (or another application's).
package struct ExportProvenance: Sendable, Equatable {
    /// This bot's application (its bot user has the same id).
    package let applicationID: Snowflake

    package init(applicationID: Snowflake) {
        self.applicationID = applicationID
    }

    /// True when `message` was posted by this application: through a webhook it owns, as an
    /// interaction reply, or as the bot user.
    package func postedByThisBot(_ message: Message) -> Bool {
        if let messageApplication = message.applicationID {
            return messageApplication == applicationID
        }
        // A message of a webhook has the webhook as its author, never the application.
        return message.webhookID == nil && message.author?.id == applicationID
    }

    /// Why `message` is not taken for this bot's, for the restore drill's report of look-alikes.
    package func refusal(of message: Message) -> String? {
        if postedByThisBot(message) { return nil }
        if let other = message.applicationID { return "posted by another application (\(other))" }
        if let webhook = message.webhookID { return "posted by a webhook this application does not own (\(webhook))" }
        return "posted by \(message.author.map { "user \($0.id)" } ?? "someone else")"
    }
}
