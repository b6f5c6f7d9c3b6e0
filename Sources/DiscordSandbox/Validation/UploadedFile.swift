/// A `files[n]` part of a multipart message body.
struct UploadedFile: Sendable {
    let index: Int
    let filename: String
    let contentType: String?
    let bytes: [UInt8]
}
