import CastBotBench
import Testing

@Suite("Fuzz answer check", .timeLimit(.minutes(1)))
struct FuzzAnswerTests {
    @Test(
        "Client errors and proper replies pass",
        arguments: [
            (401, #"{"error":"bad signature"}"#), (400, "not json"), (413, ""), (200, #"{"type":1}"#),
            (200, #"{"type":4,"data":{"content":"hi","flags":64}}"#), (200, #"{"type":5,"data":{"flags":64}}"#),
            (200, #"{"type":8,"data":{"choices":[]}}"#), (200, #"{"type":9,"data":{"custom_id":"m","title":"T","components":[]}}"#),
        ])
    func accepted(status: Int, body: String) {
        #expect(FuzzAnswer(status: status, body: Array(body.utf8)).problem == nil)
    }

    @Test(
        "Server errors, other statuses and malformed replies are problems",
        arguments: [
            (500, #"{"type":4}"#), (503, ""), (204, ""), (302, ""), (200, "not json"), (200, "[1]"), (200, #"{"data":{}}"#),
            (200, #"{"type":99}"#), (200, #"{"type":"4"}"#), (200, #"{"type":4,"data":[]}"#), (200, #"{"type":9,"data":{"custom_id":"m"}}"#),
            (200, #"{"type":8,"data":{}}"#), (200, #"{"type":9}"#),
        ])
    func refused(status: Int, body: String) {
        #expect(FuzzAnswer(status: status, body: Array(body.utf8)).problem != nil)
    }
}
