import CastBot
import AsyncHTTPClient
import DiscordSandbox
import Foundation
import NIOCore
import NIOHTTP1

/// Checks that a running interactions server still works: a signed PING gets PONG and
/// `/healthz` answers 200.
enum LoopbackProbe {
    static func isAlive(_ bot: BenchBot) async -> Bool {
        let (server, sandbox) = (bot.server, bot.sandbox)
        guard let ping = try? await sandbox.sendInteraction(.ping, to: server.interactionsURL),
            ping.status == 200, ping.json?["type"]?.intValue == 1
        else { return false }
        let request = HTTPClientRequest(url: server.origin.appendingPathComponent("healthz").absoluteString)
        guard let health = try? await HTTPClient.shared.execute(request, timeout: .seconds(10)) else { return false }
        return health.status.code == 200
    }
}
