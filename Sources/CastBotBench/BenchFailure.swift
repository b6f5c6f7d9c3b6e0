/// Why a benchmark could not be carried out (not a figure that missed its target).
struct BenchFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
