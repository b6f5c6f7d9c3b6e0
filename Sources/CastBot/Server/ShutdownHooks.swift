import Synchronization

/// The list of shutdown participants. Create one at startup, pass it to `buildApplication`
/// (through `ApplicationDependencies`) and register participants any time before shutdown.
public final class ShutdownHooks: Sendable {
    private struct Entry: Sendable {
        let phase: ShutdownPhase
        let participant: any ShutdownParticipant
    }

    private let entries = Mutex<[Entry]>([])

    public init() {}

    public func register(_ participant: any ShutdownParticipant, phase: ShutdownPhase = .drain) {
        entries.withLock { $0.append(Entry(phase: phase, participant: participant)) }
    }

    public func register(_ name: String, phase: ShutdownPhase = .drain, action: @escaping @Sendable () async -> Void) {
        register(ClosureShutdownParticipant(shutdownName: name, action: action), phase: phase)
    }

    func participants(in phase: ShutdownPhase) -> [any ShutdownParticipant] {
        entries.withLock { entries in entries.filter { $0.phase == phase }.map(\.participant) }
    }
}
