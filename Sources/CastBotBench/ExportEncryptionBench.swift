import CastBot
import ExportEncryption
import ExportFormat
import Foundation
import PlayerData

/// One export packaged as `castbot serve` packages it: the all-servers export built from a data
/// file snapshot, then `ExportPackager.plan(for:)` with Discord's limits, sealed to a fresh key
/// pair or not. `castbot-bench encryption` runs this in child processes so each variant's peak
/// RSS is its own.
package enum ExportEncryptionBench {
    package struct Outcome: Sendable, Codable {
        /// Building the export from the data file.
        package var exportMilliseconds: Double
        /// Gzip, sealing (when encrypted) and splitting into uploads.
        package var packagingMilliseconds: Double
        package var exportBytes: Int
        package var uploadBytes: Int
        package var uploads: Int
    }

    package static func packageOnce(dataPath: String, encrypted: Bool) async throws -> Outcome {
        let sealer = encrypted ? try ExportSealer(recipients: [ExportSecretKey.generate().publicKey]) : nil
        let packager = ExportPackager(sealer: sealer)
        let clock = ContinuousClock()
        let start = clock.now
        let artifact = try await PlayerDataSnapshots(path: dataPath).allExport(date: Date(), kind: .scheduled)
        let built = clock.now
        let plan = try packager.plan(for: artifact)
        let packaged = clock.now
        return Outcome(
            exportMilliseconds: milliseconds(built - start), packagingMilliseconds: milliseconds(packaged - built),
            exportBytes: plan.exportByteCount, uploadBytes: plan.uploads.reduce(0) { $0 + $1.bytes.count }, uploads: plan.uploads.count)
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
