import MultipartKit
import NIOCore

/// Splits a `multipart/form-data` body into parts with their names and filenames.
enum MultipartBody {
    struct MalformedError: Error, Sendable {
        let reason: String
    }

    static func isMultipart(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        return HeaderParameters(contentType).value == "multipart/form-data"
    }

    static func parse(contentType: String, body: [UInt8]) throws(MalformedError) -> [SandboxMultipartPart] {
        guard let boundary = HeaderParameters(contentType).parameters["boundary"], !boundary.isEmpty else {
            throw MalformedError(reason: "multipart/form-data needs a boundary parameter in Content-Type")
        }
        let parser = MultipartParser(boundary: boundary)
        var parts: [SandboxMultipartPart] = []
        var headers: [SandboxHeader] = []
        var partBody = ByteBuffer()
        parser.onHeader = { name, value in headers.append(SandboxHeader(name: name, value: value)) }
        parser.onBody = { chunk in partBody.writeBuffer(&chunk) }
        parser.onPartComplete = {
            let disposition = headers.value(of: "Content-Disposition").map(HeaderParameters.init)
            parts.append(
                SandboxMultipartPart(
                    name: disposition?.parameters["name"],
                    filename: disposition?.parameters["filename"],
                    contentType: headers.value(of: "Content-Type"),
                    headers: headers,
                    body: partBody.readBytes(length: partBody.readableBytes) ?? []
                ))
            headers = []
            partBody.clear()
        }
        do {
            try parser.execute(body)
        } catch {
            throw MalformedError(reason: "the multipart body does not follow its boundary '\(boundary)'")
        }
        guard !parts.isEmpty else {
            throw MalformedError(reason: "the multipart body holds no complete part for boundary '\(boundary)'")
        }
        return parts
    }
}
