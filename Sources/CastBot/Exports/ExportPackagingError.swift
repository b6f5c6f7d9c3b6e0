public import Foundation

/// Why an export could not be prepared for upload.
public enum ExportPackagingError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// Gzip failed (out of memory or a compressor error).
    case compressionFailed(String)

    public var description: String {
        switch self {
        case .compressionFailed(let reason): "The export could not be gzipped: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
