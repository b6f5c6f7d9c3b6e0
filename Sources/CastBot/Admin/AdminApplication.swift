import DiscordREST
import HTTPConnectionGuard
import Hummingbird
import HTTPTypes
import Logging
import NIOCore
import Scheduling

/// Builds the admin listener: `GET /status` (and `GET /metrics` with `CASTBOT_METRICS_ON_ADMIN`)
/// on `configuration.adminAddress` (loopback by default), apart from the interactions listener so
/// Discord's side never reaches it. With `CASTBOT_ADMIN_TOKEN` set every request must carry
/// `Authorization: Bearer <token>` (else 401); without it, every request must name a loopback host.
/// Build it only when `configuration.adminAddress` is set (that is `address`).
package func buildAdminApplication(
    at address: AdminAddress,
    backupHealth source: BackupHealthSource,
    configuration: CastBotConfiguration,
    dependencies: ApplicationDependencies
) -> some ApplicationProtocol {
    let router = Router(context: BasicRequestContext.self)
    if let token = configuration.adminToken {
        router.add(middleware: AdminTokenMiddleware(token: token))
    } else {
        router.add(middleware: LoopbackHostMiddleware())
    }
    let status = StatusEndpoint(source: source)
    router.get("status") { request, _ in await status.respond(to: request) }
    if configuration.metricsOnAdmin {
        let metrics = MetricsEndpoint(dependencies: dependencies)
        router.get("metrics") { _, _ in await metrics.respond() }
    }
    let logger = dependencies.logger
    let onRunning = dependencies.onAdminServerRunning
    return Application(
        router: router,
        server: .guarded(by: configuration.httpLimits, gauge: HTTPConnectionGauge()),
        configuration: ApplicationConfiguration(
            address: .hostname(address.host, port: address.port), serverName: "CastBot/\(dependencies.version)"
        ).limitingAccepts(to: configuration.httpLimits, logger: logger),
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? address.port
            logger.info("admin listener (status page) listening", metadata: ["host": "\(address.host)", "port": "\(port)"])
            await onRunning(port)
        },
        logger: logger
    )
}

/// Answers 401 unless the request carries the admin token. Neither the header nor the token is
/// logged; the answer says only what is expected.
struct AdminTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: AdminToken

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard token.accepts(authorization: request.headers[.authorization]) else {
            return Response(
                status: .unauthorized,
                headers: [.wwwAuthenticate: "Bearer realm=\"castbot-admin\"", .contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "401: send Authorization: Bearer <CASTBOT_ADMIN_TOKEN>\n")))
        }
        return try await next(request, context)
    }
}

/// Without a token the admin listener trusts that only this machine reaches it. A web page in a
/// browser on this machine could still reach it through a name of its own that resolves to
/// 127.0.0.1 (DNS rebinding); such a request names that host, not a loopback one, in `Host`. So
/// without a token every request must name a loopback host (`localhost`, `127.0.0.1`, `[::1]`,
/// with or without a port); anything else, or none, gets 421.
struct LoopbackHostMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let authority = request.head.authority, let host = LoopbackHost.hostOfHeader(authority), LoopbackHost.contains(host) else {
            return Response(
                status: .misdirectedRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(
                    byteBuffer: ByteBuffer(
                        string: "421: without CASTBOT_ADMIN_TOKEN this listener answers only requests to a loopback host "
                            + "(Host: localhost, 127.0.0.1 or [::1])\n")))
        }
        return try await next(request, context)
    }
}

/// `GET /status[?page=N]`.
struct StatusEndpoint: Sendable {
    let source: BackupHealthSource

    func respond(to request: Request) async -> Response {
        switch await page(request.uri.queryParameters["page"].map(String.init)) {
        case .success(let html):
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/html; charset=utf-8",
                    .cacheControl: "no-store",
                    .xContentTypeOptions: "nosniff",
                    // No script at all, styles inline, nothing fetched from elsewhere.
                    .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
                ],
                body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        case .failure(let problem):
            return Response(
                status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: problem.message + "\n")))
        }
    }

    struct BadPage: Error {
        var message: String
    }

    /// The HTML of page `pageText` (1 when nil), or what is wrong with `pageText`. Reads every
    /// schedule's state from memory, and run history and guild names for this page's rows only.
    func page(_ pageText: String?) async -> Result<String, BadPage> {
        let (schedules, now) = await source.assessAll()
        let pageCount = StatusPage.pageCount(total: schedules.count)
        var page = 1
        if let text = pageText {
            guard let number = Int(text), (1...pageCount).contains(number) else {
                return .failure(BadPage(message: "page must be a whole number from 1 to \(pageCount) (got '\(text.prefix(20))')"))
            }
            page = number
        }
        var counts: [ScheduleHealth.Condition: Int] = [:]
        for schedule in schedules { counts[schedule.condition, default: 0] += 1 }
        let shown = StatusPage.ordered(schedules).dropFirst((page - 1) * StatusPage.pageSize).prefix(StatusPage.pageSize)
        let names = await source.guildNames(shown.compactMap { $0.kind == "server" ? StatusPage.exportedGuild($0.status) : nil })
        let histories = await source.runHistories(for: Set(shown.map(\.status.key)), limit: StatusPage.chartRuns)
        let rows = shown.map { health in
            StatusPage.ScheduleRow(
                health: health, guildName: StatusPage.exportedGuild(health.status).flatMap { names[$0] }, runs: histories[health.status.key] ?? [])
        }
        return .success(StatusPage(counts: counts, total: schedules.count, page: page, pageCount: pageCount, rows: rows, now: now).html())
    }
}
