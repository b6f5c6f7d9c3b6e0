import Foundation

extension Duration {
    /// The longest wait a header or body may ask for; anything longer is read as this.
    static let longestHonouredWait = Duration.seconds(24 * 60 * 60)

    /// A duration from a number of seconds sent by Discord (headers and 429 bodies use floats).
    /// Negative, NaN or infinite values are not durations; huge ones are capped.
    init?(discordSeconds seconds: Double) {
        guard seconds.isFinite, seconds >= 0 else { return nil }
        let capped = min(seconds, 24 * 60 * 60)
        self = .milliseconds(Int64((capped * 1000).rounded(.up)))
    }

    init?(discordSeconds text: String?) {
        guard let text, let seconds = Double(text.trimmingCharacters(in: .whitespaces)) else { return nil }
        self.init(discordSeconds: seconds)
    }

    /// Seconds as a `Double`, for logs and metrics.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
