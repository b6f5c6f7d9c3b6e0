import Foundation

/// Where attachments may be downloaded from: Discord's CDN over HTTPS, or the configured API host
/// itself (the sandbox serves its uploads there).
struct DownloadPolicy: Sendable {
    /// Scheme, host and port of a URL.
    struct Origin: Sendable, Hashable {
        var scheme: String
        var host: String
        var port: Int?

        init?(url text: String) {
            guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
                let host = components.host?.lowercased(), !host.isEmpty
            else { return nil }
            self.scheme = scheme
            self.host = host
            port = components.port
        }
    }

    let hosts: Set<String>
    let apiOrigin: Origin?

    /// Returns the host to show in errors when `url` may be downloaded; throws otherwise.
    func check(_ url: String) throws -> String {
        guard let origin = Origin(url: url) else {
            throw DiscordHTTPError(kind: .invalidRequest("not a URL"), route: "GET (invalid URL)")
        }
        if origin.scheme == "https", hosts.contains(origin.host), origin.port == nil || origin.port == 443 {
            return origin.host
        }
        if let apiOrigin, origin == apiOrigin {
            return origin.host
        }
        throw DiscordHTTPError(kind: .downloadHostNotAllowed(origin.host), route: "GET \(origin.host)")
    }
}
