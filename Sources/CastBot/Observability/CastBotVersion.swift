/// The service version reported by `/healthz`.
public enum CastBotVersion {
    public static let current = "0.1.0"
}
