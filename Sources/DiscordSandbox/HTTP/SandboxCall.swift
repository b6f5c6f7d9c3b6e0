/// One API request as handlers see it: route parameters, query, headers and the collected body.
struct SandboxCall: Sendable {
    let match: RouteMatch
    let query: [String: String]
    let headers: [SandboxHeader]
    let body: [UInt8]
    /// Parsed parts when the body is `multipart/form-data`.
    let parts: [SandboxMultipartPart]?
    /// `http://host:port` as the client addressed the sandbox, for URLs in responses.
    let origin: String

    func parameter(_ name: String) -> String {
        match.parameters[name] ?? ""
    }

    var contentType: String? { headers.value(of: "Content-Type") }

    func queryFlag(_ name: String) -> Bool {
        query[name]?.lowercased() == "true" || query[name] == "1"
    }

    /// The body as JSON; an empty body reads as `{}` so field validation can name what is missing.
    func jsonBody() throws(SandboxAPIError) -> SandboxJSON {
        if body.isEmpty { return .object([:]) }
        if let contentType, HeaderParameters(contentType).value != "application/json" {
            throw .invalidField(
                [], code: "CONTENT_TYPE_INVALID",
                message: "Content-Type must be application/json for this route, got '\(contentType)'")
        }
        do {
            return try SandboxJSON.parse(body)
        } catch {
            throw .invalidJSON
        }
    }
}
