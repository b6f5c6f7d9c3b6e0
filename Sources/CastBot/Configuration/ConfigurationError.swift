/// Everything wrong with the configuration at once, one operator-readable sentence per problem,
/// so a bad deploy is fixed in one round instead of one restart per mistake.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [String]

    public init(problems: [String]) {
        self.problems = problems
    }

    public var description: String {
        "Invalid configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
