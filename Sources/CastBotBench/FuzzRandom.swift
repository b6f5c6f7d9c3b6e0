/// SplitMix64: a small, fast generator whose whole state is one number, so every fuzz case can
/// be replayed from the campaign seed and its case number alone.
package struct FuzzRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    /// The generator for case `index` of a campaign: independent of how many cases ran before,
    /// and of their order, so concurrent workers reproduce the same bodies.
    package init(campaignSeed: UInt64, caseIndex: Int) {
        var mixer = FuzzRandom(seed: campaignSeed ^ (UInt64(truncatingIfNeeded: caseIndex) &* 0x9E37_79B9_7F4A_7C15))
        state = mixer.next()
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `numerator / denominator`.
    mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
        Int.random(in: 0..<denominator, using: &self) < numerator
    }

    mutating func pick<T>(_ values: [T]) -> T? {
        values.randomElement(using: &self)
    }
}
