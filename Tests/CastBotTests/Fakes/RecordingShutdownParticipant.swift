import CastBot

/// A shutdown participant that records its name in an event log when called.
struct RecordingShutdownParticipant: ShutdownParticipant {
    let shutdownName: String
    let events: EventLog
    var whileShuttingDown: @Sendable () async -> Void = {}

    func shutdown() async {
        await whileShuttingDown()
        events.record(shutdownName)
    }
}
