import Foundation

/// Everything the fake Discord knows: the world (guilds, channels, users), what was posted,
/// and the request log. One actor so every request sees and changes it atomically.
actor SandboxState {
    let configuration: SandboxConfiguration
    let clock: SandboxClock

    var ids = SnowflakeGenerator()
    var guilds: [String: SandboxGuild] = [:]
    var channels: [String: SandboxChannel] = [:]
    var users: [String: SandboxUser] = [:]
    /// guild id → user id → member
    var members: [String: [String: SandboxMember]] = [:]
    /// In creation order, as Discord lists a channel's webhooks.
    var webhooks: [SandboxWebhook] = []
    /// channel id → messages in posting order
    var messages: [String: [SandboxMessage]] = [:]
    var attachments: [String: SandboxAttachment] = [:]
    /// user id → DM channel id
    var directMessageChannels: [String: String] = [:]
    /// interaction token → record
    var interactions: [String: InteractionRecord] = [:]
    var globalCommands: [SandboxCommand] = []
    var guildCommands: [String: [SandboxCommand]] = [:]
    /// Commands keep their id across overwrites, keyed by scope, type and name.
    var commandIDs: [String: String] = [:]
    var requests: [SandboxRecordedRequest] = []
    /// Keeps increasing across `clearRequests()`, so a late completion never updates the wrong entry.
    var nextRequestSequence = 0
    var faults: [SandboxFault] = []
    /// Byte offsets to flip in the next files stored from messages, one per file (simulated
    /// storage damage between upload and download).
    var pendingUploadCorruptions: [Int] = []
    var rateLimiter: SandboxRateLimiter
    let attachmentSigner: AttachmentSigner
    /// Wall-clock time when the sandbox was made; CDN time runs from here on the sandbox clock.
    private let wallClockAtStart: Date

    init(configuration: SandboxConfiguration, clock: SandboxClock) {
        self.configuration = configuration
        self.clock = clock
        self.rateLimiter = SandboxRateLimiter(
            defaultRate: configuration.defaultBucket, globalPerSecond: configuration.globalRequestsPerSecond)
        self.users[configuration.botUser.id] = configuration.botUser
        self.attachmentSigner = AttachmentSigner(lifetime: configuration.attachmentURLLifetime)
        self.wallClockAtStart = configuration.wallClock()
    }

    var botUser: SandboxUser { configuration.botUser }

    var uploadLimits: UploadLimits {
        UploadLimits(maxFileSize: configuration.maxFileSize, maxFiles: configuration.maxFilesPerMessage)
    }

    func now() -> Date { configuration.wallClock() }

    /// Unix seconds for signing and checking attachment URLs: the start's wall time plus the
    /// sandbox clock's elapsed time, so advancing a test clock expires URLs.
    func cdnNow() -> Int {
        Int(wallClockAtStart.timeIntervalSince1970) + Int(clock.now.components.seconds)
    }
}
