/// Bounds of the import flow.
public struct ImportLimits: Sendable {
    /// Largest file downloaded; CastBot's production file was 3.65 MB in 2026, so this leaves room.
    public var maxFileBytes: Int
    /// How long a plan waits for Confirm or Cancel.
    public var planLifetime: Duration

    public init(maxFileBytes: Int = 50 * 1_048_576, planLifetime: Duration = .seconds(15 * 60)) {
        self.maxFileBytes = maxFileBytes
        self.planLifetime = planLifetime
    }
}
