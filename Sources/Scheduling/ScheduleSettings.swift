/// Everything needed to start a schedule, apart from the work a run does.
package struct ScheduleSettings: Hashable, Sendable, Codable {
    /// The range a run's timeout must fall in.
    package static let allowedRunTimeouts: ClosedRange<Duration> = .seconds(1)...(.seconds(86_400))
    /// Used when the caller does not say.
    package static let defaultRunTimeout: Duration = .seconds(15 * 60)

    package var key: ScheduleKey
    package var cadence: ScheduleCadence
    package var info: ScheduleInfo
    /// A run still going after this long is cancelled and counted as failed.
    package var runTimeout: Duration

    package init(
        key: ScheduleKey,
        cadence: ScheduleCadence,
        info: ScheduleInfo,
        runTimeout: Duration = ScheduleSettings.defaultRunTimeout
    ) {
        self.key = key
        self.cadence = cadence
        self.info = info
        self.runTimeout = runTimeout
    }

    /// Throws the first thing that is wrong; the scheduler calls this before any change.
    package func validate() throws(SchedulingError) {
        if key.rawValue.allSatisfy(\.isWhitespace) {
            throw .emptyKey
        }
        if !Self.allowedRunTimeouts.contains(runTimeout) {
            throw .runTimeoutOutOfRange(runTimeout)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case key, cadence, info
        case runTimeout = "runTimeoutMilliseconds"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(ScheduleKey.self, forKey: .key)
        cadence = try container.decode(ScheduleCadence.self, forKey: .cadence)
        info = try container.decode(ScheduleInfo.self, forKey: .info)
        runTimeout = .milliseconds(try container.decode(Int64.self, forKey: .runTimeout))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(cadence, forKey: .cadence)
        try container.encode(info, forKey: .info)
        try container.encode(runTimeout.wholeMilliseconds, forKey: .runTimeout)
    }
}

extension Duration {
    /// Rounded toward zero; saturates instead of overflowing.
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (total, overflowAgain) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000_000_000)
        if overflowAgain { return seconds < 0 ? .min : .max }
        return total
    }
}
