import CastBotTestSupport
import Foundation
import Testing

/// `deploy/prometheus/castbot-rules.yml` checked and unit-tested by promtool (from Debian's
/// `prometheus` package), as part of `swift test`.
@Suite("Alert rules (promtool)", .timeLimit(.minutes(1)))
struct AlertRulesTests {
    static var prometheusFolder: String { Fixtures.packageRoot.appendingPathComponent("deploy/prometheus").path }
    static let rulesFile = "castbot-rules.yml"
    static let rulesTestFile = "castbot-rules.test.yml"

    static func promtool() throws -> ExternalTool {
        try ExternalTool.locate("promtool", install: "apt-get install -y prometheus")
    }

    @Test("promtool check rules accepts the rules file")
    func rulesAreValid() async throws {
        let outcome = try await Self.promtool().run(["check", "rules", Self.rulesFile], in: Self.prometheusFolder)
        #expect(outcome.status == 0, "\(outcome.output) \(outcome.errors)")
        #expect(outcome.output.contains("SUCCESS: 6 rules found"), "\(outcome.output) \(outcome.errors)")
    }

    @Test("promtool test rules: every alert fires on its synthetic series, and not before its time")
    func rulesUnitTests() async throws {
        let outcome = try await Self.promtool().run(["test", "rules", Self.rulesTestFile], in: Self.prometheusFolder)
        #expect(outcome.status == 0, "\(outcome.output) \(outcome.errors)")
        #expect(outcome.output.contains("SUCCESS"), "\(outcome.output) \(outcome.errors)")
    }

    /// The metric names the rules and the dashboard query, without PromQL's own words.
    static func queriedMetricNames() throws -> Set<String> {
        let rules = try String(contentsOfFile: prometheusFolder + "/" + rulesFile, encoding: .utf8)
        let dashboard = try String(
            contentsOfFile: Fixtures.packageRoot.appendingPathComponent("deploy/grafana/castbot.json").path, encoding: .utf8)
        var names: Set<String> = []
        for text in [rules, dashboard] {
            let pattern = /(?:castbot|discord)_[a-z_]+/
            for match in text.matches(of: pattern) { names.insert(String(match.output)) }
        }
        // Rule and alert names use CamelCase, so only metric names match the pattern.
        return names
    }
}
