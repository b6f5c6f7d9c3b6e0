/// CastBot's wipe guard: a save that would shrink the data file drastically is refused (and
/// written to `playerData.json.REJECTED` for inspection) unless forced.
///
/// Defaults: refuse when the new file is smaller than 50 % of the current one (only once the
/// current file is at least 1 KiB, so a fresh file can grow from nothing), when more than 2
/// guilds disappear, or when more than 20 % of the guilds disappear. The service never removes
/// guilds on its own, so any drop is suspicious; the limits leave room for an operator's
/// deliberate cleanup of a couple of guilds in a large file.
package struct SaveGuard: Sendable, Equatable {
    package var minimumSizeRatio: Double
    package var minimumGuardedSize: Int
    package var maximumGuildsLost: Int
    package var maximumGuildLossFraction: Double

    package init(minimumSizeRatio: Double, minimumGuardedSize: Int, maximumGuildsLost: Int, maximumGuildLossFraction: Double) {
        self.minimumSizeRatio = minimumSizeRatio
        self.minimumGuardedSize = minimumGuardedSize
        self.maximumGuildsLost = maximumGuildsLost
        self.maximumGuildLossFraction = maximumGuildLossFraction
    }

    package static let `default` = SaveGuard(
        minimumSizeRatio: 0.5, minimumGuardedSize: 1024, maximumGuildsLost: 2, maximumGuildLossFraction: 0.2)

    /// Never refuses anything.
    package static let disabled = SaveGuard(
        minimumSizeRatio: 0, minimumGuardedSize: .max, maximumGuildsLost: .max, maximumGuildLossFraction: 1)

    /// Why replacing the current file with the proposed one looks like data loss; empty if it does not.
    /// `currentGuilds` is nil when the current file is not valid JSON (only size is compared then).
    package func reasons(currentBytes: Int, currentGuilds: Int?, proposedBytes: Int, proposedGuilds: Int) -> [String] {
        var reasons: [String] = []
        if currentBytes >= minimumGuardedSize && Double(proposedBytes) < Double(currentBytes) * minimumSizeRatio {
            let percent = Int((Double(proposedBytes) / Double(currentBytes) * 100).rounded())
            reasons.append(
                "size would fall from \(currentBytes) to \(proposedBytes) bytes (\(percent) % of the current file; the limit is \(Int(minimumSizeRatio * 100)) %)")
        }
        if let currentGuilds, proposedGuilds < currentGuilds {
            let lost = currentGuilds - proposedGuilds
            if lost > maximumGuildsLost || Double(lost) > Double(currentGuilds) * maximumGuildLossFraction {
                reasons.append(
                    "guild count would fall from \(currentGuilds) to \(proposedGuilds) (at most \(maximumGuildsLost) guilds and \(Int(maximumGuildLossFraction * 100)) % may be lost in one save)")
            }
        }
        return reasons
    }
}
