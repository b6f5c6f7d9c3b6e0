public import Scheduling

/// The health monitor's last settings (the seed's Pattern 1), remembered for the modal.
public struct HealthMonitorSettings: Hashable, Sendable, Codable {
    /// Hours between reports, 0.016...168; 0 stops.
    public var hours: Double
    public var channelID: String
    public var setByUserID: String
    public var guildID: String?
    public var restartPolicy: RestartPolicy

    public init(hours: Double, channelID: String, setByUserID: String, guildID: String? = nil, restartPolicy: RestartPolicy = .clear) {
        self.hours = hours
        self.channelID = channelID
        self.setByUserID = setByUserID
        self.guildID = guildID
        self.restartPolicy = restartPolicy
    }
}
