import Foundation

/// Percent-encoding for the parts of a request Discord reads as URL-encoded text.
enum PercentEncoding {
    /// RFC 3986 unreserved characters: everything else is encoded.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    )

    static func pathSegment(_ text: String) -> String {
        encode(text)
    }

    static func queryComponent(_ text: String) -> String {
        encode(text)
    }

    /// `X-Audit-Log-Reason` must be URL-encoded UTF-8.
    static func headerValue(_ text: String) -> String {
        encode(text)
    }

    private static func encode(_ text: String) -> String {
        // Encoding UTF-8 text with an ASCII allowed set always succeeds; the fallback only keeps
        // the function total.
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
