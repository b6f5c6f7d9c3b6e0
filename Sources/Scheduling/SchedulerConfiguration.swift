/// Engine-wide settings.
public struct SchedulerConfiguration: Hashable, Sendable {
    /// How long after start a schedule first runs (`FirstRun.afterDelay`).
    public var firstRunDelay: Duration
    /// Failed runs in a row that switch a schedule off.
    public var maxConsecutiveFailures: Int

    public init(firstRunDelay: Duration = .seconds(5), maxConsecutiveFailures: Int = 5) {
        self.firstRunDelay = max(.zero, firstRunDelay)
        self.maxConsecutiveFailures = max(1, maxConsecutiveFailures)
    }
}
