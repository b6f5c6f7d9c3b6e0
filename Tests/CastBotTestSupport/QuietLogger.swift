public import Logging

extension Logger {
    /// A logger that drops everything: the services under test log as they would in production,
    /// and `swift test` shows only test results.
    public static func quiet(_ label: String) -> Logger {
        Logger(label: label, factory: { _ in SwiftLogNoOpLogHandler() })
    }
}
