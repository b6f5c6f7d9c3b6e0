@testable import DiscordSandbox
import Testing

@Suite("Multipart splitting", .timeLimit(.minutes(1)))
struct MultipartBodyTests {
    private let contentType = "multipart/form-data; boundary=XyZ"

    private func parse(_ text: String) throws -> [SandboxMultipartPart] {
        try MultipartBody.parse(contentType: contentType, body: Array(text.utf8))
    }

    @Test("parts keep names, quoted filenames and exact bytes; a preamble is skipped")
    func splitsParts() throws {
        let body = "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n\r\n{\"a\":1}\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"a;b=c.json\"\r\n"
            + "Content-Type: application/json\r\n\r\nline1\r\n--XyZnot-a-boundary\r\n--XyZ--\r\n"
        let parts = try parse(body)
        #expect(parts.map(\.name) == ["payload_json", "files[0]"])
        #expect(parts[1].filename == "a;b=c.json")
        #expect(parts[1].contentType == "application/json")
        #expect(parts[0].body == Array("{\"a\":1}".utf8))
        #expect(parts[1].body == Array("line1\r\n--XyZnot-a-boundary".utf8))
    }

    @Test("an RFC 5987 filename* wins over filename")
    func extendedFilename() throws {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"plain.json\"; "
            + "filename*=UTF-8''na%C3%AFve.json\r\n\r\n{}\r\n--XyZ--"
        #expect(try parse(body).first?.filename == "naïve.json")
    }

    @Test(
        "truncated or foreign bodies are refused with a reason",
        arguments: [
            "no boundary here at all",
            "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nnever closed",
            "--XyZ\r\nnot a header line\r\n\r\nbody\r\n--XyZ--",
            "--XyZ--",
        ])
    func malformed(body: String) {
        #expect(throws: MultipartBody.MalformedError.self) { try parse(body) }
    }

    @Test("a Content-Type without a boundary is refused")
    func missingBoundary() {
        #expect(throws: MultipartBody.MalformedError.self) {
            try MultipartBody.parse(contentType: "multipart/form-data", body: Array("--x--".utf8))
        }
    }
}
