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
