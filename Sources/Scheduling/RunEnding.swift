/// How a run's task ended, before it is turned into a `RunResult`.
enum RunEnding: Sendable {
    case returned(RunOutcome)
    case threw(String)
    case timedOut
    case cancelled
}
