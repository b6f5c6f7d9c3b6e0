/// Delivers a reply that could not go back in the HTTP answer: a late result after a deferral,
/// or a reply with files. The app implements it with the Discord REST client:
/// `.originalResponse` is `PATCH /webhooks/{application_id}/{token}/messages/@original`,
/// `.newMessage` is `POST /webhooks/{application_id}/{token}`, multipart when `files` is not empty.
///
/// A follow-up can be sent a moment after the deferred answer left this server, possibly before
/// Discord has processed it; implementations should retry once shortly after an
/// "Unknown Webhook"/"Unknown interaction" (10015/10062) error.
public protocol FollowUpSender: Sendable {
    func send(_ followUp: FollowUpMessage) async throws
}
