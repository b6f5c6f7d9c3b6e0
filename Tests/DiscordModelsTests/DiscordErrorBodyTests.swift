import DiscordModels
import Foundation
import Testing

@Suite("Discord error bodies", .timeLimit(.minutes(1)))
struct DiscordErrorBodyTests {
    @Test("Discord's array error example flattens to field paths")
    func arrayError() throws {
        let body = try JSONDecoder().decode(DiscordErrorBody.self, from: try Fixtures.data("DiscordErrorBody.array-error.json"))
        #expect(body.code == .invalidFormBody)
        #expect(body.fieldErrors.map(\.path) == ["activities.0.platform", "activities.0.type"])
        #expect(body.fieldErrors.map(\.code) == ["BASE_TYPE_CHOICES", "BASE_TYPE_CHOICES"])
        #expect(
            body.summary
                == "Invalid Form Body (code 50035): activities.0.platform: Value must be one of ('desktop', 'android', 'ios'). (BASE_TYPE_CHOICES); activities.0.type: Value must be one of (0, 1, 2, 3, 4, 5). (BASE_TYPE_CHOICES)"
        )
    }

    @Test("a request-level error has an empty path")
    func requestError() throws {
        let body = try JSONDecoder().decode(DiscordErrorBody.self, from: try Fixtures.data("DiscordErrorBody.request-error.json"))
        #expect(body.fieldErrors.first?.path == "")
        #expect(body.summary.contains("request: Command exceeds maximum size (8000)"))
    }

    @Test("a rate-limit body carries retry_after in seconds and the global flag")
    func rateLimit() throws {
        let body = try JSONDecoder().decode(DiscordErrorBody.self, from: try Fixtures.data("DiscordErrorBody.rate-limit-global.json"))
        #expect(body.retryAfter == 64.57)
        #expect(body.global == true)
        #expect(body.code == nil)
    }

    @Test("odd bodies still decode")
    func lenient() throws {
        let body = try JSONDecoder().decode(DiscordErrorBody.self, from: Data(#"{"code": "x", "message": 5}"#.utf8))
        #expect(body.code == nil)
        #expect(body.message == nil)
        #expect(body.summary == "Discord error")
    }
}
