import ArgumentParser

/// The measurements under `castbot bench` besides the export timing: fuzzing, load and scale.
enum BenchSubcommands {
    static let all: [any ParsableCommand.Type] = [BenchFuzzCommand.self, BenchScaleCommand.self]
}
