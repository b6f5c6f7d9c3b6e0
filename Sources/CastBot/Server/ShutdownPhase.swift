/// Shutdown runs in two phases, each with its own time budget (`ShutdownPolicy`); participants
/// within a phase run concurrently.
public enum ShutdownPhase: Sendable, CaseIterable {
    /// Stop starting new work and let running work finish (scheduler runs, deferred interactions).
    case drain
    /// Save state once no more work runs; gets its own budget even if draining overran.
    case persist
}
