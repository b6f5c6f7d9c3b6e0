import Foundation

/// Splits a `multipart/form-data` body (RFC 7578) into parts with their names and filenames.
///
/// Boundaries are located with `ByteSearch` rather than a byte-at-a-time state machine:
/// MultipartKit's parser took 31.6 s for a 10 MiB file in a debug build, this takes milliseconds.
enum MultipartBody {
    struct MalformedError: Error, Sendable {
        let reason: String
    }

    private static let crlf: [UInt8] = [13, 10]
    private static let headerEnd: [UInt8] = [13, 10, 13, 10]
    private static let closeMarker: [UInt8] = [45, 45]

    static func isMultipart(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        return HeaderParameters(contentType).value == "multipart/form-data"
    }

    static func parse(contentType: String, body: [UInt8]) throws(MalformedError) -> [SandboxMultipartPart] {
        guard let boundary = HeaderParameters(contentType).parameters["boundary"], !boundary.isEmpty else {
            throw MalformedError(reason: "multipart/form-data needs a boundary parameter in Content-Type")
        }
        let delimiter = Array("--\(boundary)".utf8)
        let located = body.withUnsafeBytes { raw in locateParts(raw, delimiter: delimiter, boundary: boundary) }
        // Copying contiguous array slices is a memcpy; copying from raw buffers is byte by byte in debug builds.
        return try located.get().map { part in
            let disposition = part.headers.value(of: "Content-Disposition").map(HeaderParameters.init)
            return SandboxMultipartPart(
                name: disposition?.parameters["name"],
                filename: disposition?.parameters["filename"],
                contentType: part.headers.value(of: "Content-Type"),
                headers: part.headers,
                body: Array(body[part.body]))
        }
    }

    private struct LocatedPart {
        let headers: [SandboxHeader]
        let body: Range<Int>
    }

    private static func locateParts(
        _ raw: UnsafeRawBufferPointer, delimiter: [UInt8], boundary: String
    ) -> Result<[LocatedPart], MalformedError> {
        let bodyDelimiter = crlf + delimiter
        // The first delimiter opens the body, or follows a preamble and a CRLF.
        var position: Int
        if ByteSearch.hasPrefix(delimiter, in: raw, at: 0) {
            position = delimiter.count
        } else if let found = ByteSearch.firstIndex(of: bodyDelimiter, in: raw, from: 0) {
            position = found + bodyDelimiter.count
        } else {
            return .failure(MalformedError(reason: "the body never contains the boundary '\(boundary)'"))
        }
        var parts: [LocatedPart] = []
        while true {
            if ByteSearch.hasPrefix(closeMarker, in: raw, at: position) {
                guard !parts.isEmpty else {
                    return .failure(MalformedError(reason: "the multipart body holds no part"))
                }
                return .success(parts)
            }
            while position < raw.count, raw[position] == 32 || raw[position] == 9 { position += 1 }
            guard ByteSearch.hasPrefix(crlf, in: raw, at: position) else {
                return .failure(MalformedError(reason: "a boundary line must end with CRLF"))
            }
            position += crlf.count
            let headersEnd: Int
            let bodyStart: Int
            if ByteSearch.hasPrefix(crlf, in: raw, at: position) {
                headersEnd = position
                bodyStart = position + crlf.count
            } else if let end = ByteSearch.firstIndex(of: headerEnd, in: raw, from: position) {
                headersEnd = end
                bodyStart = end + headerEnd.count
            } else {
                return .failure(MalformedError(reason: "a part's headers never end with an empty line"))
            }
            guard let bodyEnd = nextDelimiter(bodyDelimiter, in: raw, from: bodyStart) else {
                return .failure(
                    MalformedError(reason: "a part is not closed by the boundary '\(boundary)'; the body may be truncated"))
            }
            let headerText = String(decoding: UnsafeRawBufferPointer(rebasing: raw[position..<headersEnd]), as: UTF8.self)
            guard let headers = parseHeaders(headerText) else {
                return .failure(MalformedError(reason: "a part header is not of the form 'Name: value'"))
            }
            parts.append(LocatedPart(headers: headers, body: bodyStart..<bodyEnd))
            position = bodyEnd + bodyDelimiter.count
        }
    }

    /// The next CRLF + delimiter that really ends a part: followed by `--`, whitespace or CRLF.
    /// Content that merely starts like the boundary (`--XyZnot`) stays part of the body.
    private static func nextDelimiter(_ delimiter: [UInt8], in raw: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var position = start
        while let found = ByteSearch.firstIndex(of: delimiter, in: raw, from: position) {
            let after = found + delimiter.count
            if after >= raw.count || [45, 13, 32, 9].contains(raw[after]) { return found }
            position = found + 1
        }
        return nil
    }

    private static func parseHeaders(_ text: String) -> [SandboxHeader]? {
        var headers: [SandboxHeader] = []
        for line in text.components(separatedBy: "\r\n") where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return nil }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append(SandboxHeader(name: name, value: value))
        }
        return headers
    }
}
