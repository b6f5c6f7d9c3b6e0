/// The two shapes Discord accepts for message bodies: JSON, or multipart with a
/// `payload_json` part and `files[n]` parts.
struct MessageBody: Sendable {
    let json: SandboxJSON
    let files: [UploadedFile]

    static func read(
        contentType: String?, body: [UInt8], parts: [SandboxMultipartPart]?, limits: UploadLimits
    ) throws(SandboxAPIError) -> MessageBody {
        guard let parts else {
            if body.isEmpty { return MessageBody(json: .object([:]), files: []) }
            if let contentType, HeaderParameters(contentType).value != "application/json" {
                throw .invalidField(
                    [], code: "CONTENT_TYPE_INVALID",
                    message: "Content-Type must be application/json or multipart/form-data, got '\(contentType)'")
            }
            do {
                return MessageBody(json: try SandboxJSON.parse(body), files: [])
            } catch {
                throw .invalidJSON
            }
        }
        return try readMultipart(parts, limits: limits)
    }

    private static func readMultipart(_ parts: [SandboxMultipartPart], limits: UploadLimits) throws(SandboxAPIError)
        -> MessageBody
    {
        var json: SandboxJSON = .object([:])
        var files: [UploadedFile] = []
        var errors = FormErrors()
        for part in parts {
            let name = part.name ?? ""
            if name == "payload_json" {
                do {
                    json = try SandboxJSON.parse(part.body)
                } catch {
                    throw .invalidJSON
                }
            } else if let index = fileIndex(name) {
                // Discord refuses oversized files before looking at anything else.
                if part.body.count > limits.maxFileSize { throw .requestEntityTooLarge }
                if files.contains(where: { $0.index == index }) {
                    errors.add([name], code: "DUPLICATE_FIELD", message: "The part '\(name)' appears more than once")
                }
                guard let filename = part.filename, !filename.isEmpty else {
                    errors.add(
                        [name], code: "FILENAME_REQUIRED",
                        message: "File parts need a filename in Content-Disposition")
                    continue
                }
                files.append(UploadedFile(index: index, filename: filename, contentType: part.contentType, bytes: part.body))
            } else {
                errors.add(
                    [name.isEmpty ? "(unnamed part)" : name], code: "UNKNOWN_FIELD",
                    message: "Unknown multipart part '\(name)'; send payload_json and files[n]")
            }
        }
        if files.count > limits.maxFiles {
            errors.add(["files"], code: "BASE_TYPE_MAX_LENGTH", message: "Must be \(limits.maxFiles) or fewer in length.")
        }
        guard errors.isEmpty else { throw .invalidFormBody(errors) }
        return MessageBody(json: json, files: files.sorted { $0.index < $1.index })
    }

    /// `files[3]` → 3.
    private static func fileIndex(_ name: String) -> Int? {
        guard name.hasPrefix("files["), name.hasSuffix("]") else { return nil }
        return Int(name.dropFirst("files[".count).dropLast())
    }
}

struct UploadLimits: Sendable {
    let maxFileSize: Int
    let maxFiles: Int
}
