/// What the app does with a schedule when the service restarts. The scheduler only carries it.
package enum RestartPolicy: String, Hashable, Sendable, Codable, CaseIterable {
    /// The schedule is gone after a restart; its settings are remembered for the modal.
    case clear
    /// The schedule comes back after a restart; a run missed while down runs once at startup.
    case resume

    /// Reads "clear" or "resume" (case and surrounding spaces ignored).
    package init(parsing text: String) throws(SchedulingError) {
        let normalized = text.lowercased().filter { !$0.isWhitespace }
        guard let policy = RestartPolicy(rawValue: normalized) else {
            throw .invalidRestartPolicy(text)
        }
        self = policy
    }
}
