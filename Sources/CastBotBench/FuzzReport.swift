import Scheduling
import CastBot
import Foundation

/// What a fuzz campaign found.
package struct FuzzReport: Sendable, CustomStringConvertible {
    package var cases = 0
    package var seeds = 0
    /// Answers by HTTP status.
    package var statusCounts: [Int: Int] = [:]
    /// 200 answers by interaction response type (4 message, 5 deferred, 9 modal…).
    package var responseTypeCounts: [Int: Int] = [:]
    /// Requests that got no HTTP answer at all (connection closed, timeout).
    package var transportErrors = 0
    package var casesByMutation: [FuzzMutation: Int] = [:]
    /// Wrong answers; `failures` keeps the first few, `failureCount` counts them all.
    package var failureCount = 0
    package var failures: [FuzzFailure] = []
    package var elapsed = Duration.zero
    /// Set by the bench: the server still answered PING and /healthz after the campaign.
    package var serverAliveAfterwards: Bool?

    static let keptFailures = 20

    package init() {}

    mutating func record(_ failure: FuzzFailure) {
        failureCount += 1
        if failures.count < Self.keptFailures { failures.append(failure) }
    }

    mutating func merge(_ other: FuzzReport) {
        cases += other.cases
        transportErrors += other.transportErrors
        statusCounts.merge(other.statusCounts, uniquingKeysWith: +)
        responseTypeCounts.merge(other.responseTypeCounts, uniquingKeysWith: +)
        casesByMutation.merge(other.casesByMutation, uniquingKeysWith: +)
        failureCount += other.failureCount
        failures = Array((failures + other.failures).sorted { $0.caseIndex < $1.caseIndex }.prefix(Self.keptFailures))
    }

    package var description: String {
        let seconds = DurationText.timeInterval(elapsed)
        var lines = [
            "fuzz: \(cases) cases from \(seeds) seeds in \(String(format: "%.1f", seconds)) s (\(String(format: "%.0f", Double(cases) / max(seconds, 0.001))) per second)",
            "  answers by status: " + statusCounts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "),
            "  200 answers by response type: " + responseTypeCounts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "),
            "  no answer (transport error): \(transportErrors)",
            "  cases by mutation: " + FuzzMutation.allCases.map { "\($0.rawValue) \(casesByMutation[$0] ?? 0)" }.joined(separator: ", "),
            "  wrong answers: \(failureCount)",
        ]
        if let serverAliveAfterwards {
            lines.append("  server alive afterwards (PING answered PONG, /healthz 200): \(serverAliveAfterwards ? "yes" : "NO")")
        }
        lines += failures.map { "  - \($0)" }
        return lines.joined(separator: "\n")
    }
}
