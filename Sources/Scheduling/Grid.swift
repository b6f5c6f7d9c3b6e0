/// Index arithmetic on a grid of deadlines `anchor + k × interval`, exact to the attosecond so that
/// run k lands on the k-th deadline however many runs came before.
enum Grid {
    /// The smallest k with `k × interval > offset`.
    static func indexAfter(_ offset: Duration, interval: Duration) -> Int64 {
        clamp(floorDivision(offset.attoseconds, interval.attoseconds) + 1)
    }

    /// The smallest k with `k × interval >= offset`.
    static func indexAtOrAfter(_ offset: Duration, interval: Duration) -> Int64 {
        clamp(-floorDivision(-offset.attoseconds, interval.attoseconds))
    }

    private static func floorDivision(_ dividend: Int128, _ divisor: Int128) -> Int128 {
        guard divisor > 0 else { return 0 }
        let quotient = dividend / divisor
        return dividend % divisor != 0 && dividend < 0 ? quotient - 1 : quotient
    }

    private static func clamp(_ value: Int128) -> Int64 {
        Int64(min(max(value, Int128(Int64.min / 2)), Int128(Int64.max / 2)))
    }
}
