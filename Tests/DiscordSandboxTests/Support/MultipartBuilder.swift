/// Builds `multipart/form-data` bodies by hand, as Discord clients send them.
struct MultipartBuilder {
    let boundary = "castbot-test-boundary-7MA4YWxkTrZu0gW"
    private(set) var body: [UInt8] = []

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    mutating func addJSON(name: String, _ json: String) {
        addPart(
            disposition: "form-data; name=\"\(name)\"", contentType: "application/json", bytes: Array(json.utf8))
    }

    mutating func addFile(name: String, filename: String, bytes: [UInt8], contentType: String = "application/json") {
        addPart(disposition: "form-data; name=\"\(name)\"; filename=\"\(filename)\"", contentType: contentType, bytes: bytes)
    }

    private mutating func addPart(disposition: String, contentType: String, bytes: [UInt8]) {
        body += Array("--\(boundary)\r\nContent-Disposition: \(disposition)\r\nContent-Type: \(contentType)\r\n\r\n".utf8)
        body += bytes
        body += Array("\r\n".utf8)
    }

    func finished() -> [UInt8] {
        body + Array("--\(boundary)--\r\n".utf8)
    }
}
