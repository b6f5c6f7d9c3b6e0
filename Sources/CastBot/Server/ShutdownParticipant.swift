/// Something that must finish or save its work when the service stops (the scheduler, the state
/// saver). Register it with `ShutdownHooks`; it is called once, after the server has stopped
/// taking interactions, and should return promptly — it is cancelled when its phase's time is up.
public protocol ShutdownParticipant: Sendable {
    /// Used in shutdown logs.
    var shutdownName: String { get }
    func shutdown() async
}
