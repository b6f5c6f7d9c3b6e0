/// Something that must finish or save its work when the service stops (the scheduler, the state
/// saver). Register it with `ShutdownHooks`; it is called once, after the server has stopped
/// taking interactions, and should return promptly — it is cancelled when its phase's time is up.
public protocol ShutdownParticipant: Sendable {
    /// Used in shutdown logs.
    var shutdownName: String { get }
    func shutdown() async
}

/// Shutdown runs in two phases, each with its own time budget (`ShutdownPolicy`); participants
/// within a phase run concurrently.
public enum ShutdownPhase: Sendable, CaseIterable {
    /// Stop starting new work and let running work finish (scheduler runs, deferred interactions).
    case drain
    /// Save state once no more work runs; gets its own budget even if draining overran.
    case persist
}

/// How long each shutdown phase may take before its participants are cancelled.
public struct ShutdownPolicy: Sendable {
    public var drainTimeout: Duration
    public var persistTimeout: Duration

    public init(drainTimeout: Duration = .seconds(20), persistTimeout: Duration = .seconds(5)) {
        self.drainTimeout = drainTimeout
        self.persistTimeout = persistTimeout
    }

    func timeout(for phase: ShutdownPhase) -> Duration {
        switch phase {
        case .drain: drainTimeout
        case .persist: persistTimeout
        }
    }
}

struct ClosureShutdownParticipant: ShutdownParticipant {
    let shutdownName: String
    let action: @Sendable () async -> Void

    func shutdown() async {
        await action()
    }
}
