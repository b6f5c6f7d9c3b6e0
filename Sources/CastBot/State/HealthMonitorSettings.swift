import Scheduling

/// The health monitor's last settings (the seed's Pattern 1), remembered for the modal.
package struct HealthMonitorSettings: Hashable, Sendable, Codable {
    /// Hours between reports, 0.016...168; 0 stops.
    package var hours: Double
    package var channelID: String
    package var setByUserID: String
    package var guildID: String?
    package var restartPolicy: RestartPolicy

    package init(hours: Double, channelID: String, setByUserID: String, guildID: String? = nil, restartPolicy: RestartPolicy = .clear) {
        self.hours = hours
        self.channelID = channelID
        self.setByUserID = setByUserID
        self.guildID = guildID
        self.restartPolicy = restartPolicy
    }
}
