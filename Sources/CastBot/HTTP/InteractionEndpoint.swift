import DiscordModels
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Scheduling

/// `POST /interactions`: size limit, signature check before any parsing, PING, then the handler.
/// Logs one line and records metrics per request.
struct InteractionEndpoint: Sendable {
    let verifier: InteractionSignatureVerifier
    let handler: any InteractionHandler
    let maxBodyBytes: Int
    let metrics: CastBotMetrics
    let clock: any Clock<Duration>

    func respond(to request: Request, logger: Logger) async -> Response {
        let stopwatch = Stopwatch.start(on: clock)
        let (reply, envelope) = await reply(to: request, logger: logger)
        let duration = stopwatch.elapsed()
        let typeLabel = envelope?.type.label ?? "unverified"
        metrics.interactionHandled(type: typeLabel, outcome: reply.outcome, duration: duration)
        logger.log(
            level: reply.outcome == .rejectedSignature || reply.outcome == .tooLarge ? .notice : .info,
            "interaction",
            metadata: [
                "interaction.type": "\(typeLabel)",
                "interaction.id": "\(envelope?.id?.rawValue ?? "-")",
                "interaction.route": "\(envelope?.customID ?? envelope?.commandName ?? "-")",
                "outcome": "\(reply.outcome.rawValue)",
                "duration_ms": "\(Int((DurationText.timeInterval(duration) * 1000).rounded()))",
            ]
        )
        return JSONResponse.make(reply.httpStatus, reply.httpBody)
    }

    private func reply(to request: Request, logger: Logger) async -> (InteractionReply, InteractionEnvelope?) {
        let body: [UInt8]
        switch await readBody(of: request) {
        case .success(let bytes): body = bytes
        case .failure(let reply): return (reply, nil)
        }

        do {
            try verifier.verify(
                signature: request.headers.first(canonicalName: HeaderNames.signature),
                timestamp: request.headers.first(canonicalName: HeaderNames.timestamp),
                body: body
            )
        } catch {
            return (InteractionReply.failure(.unauthorized, error.description).with(outcome: .rejectedSignature), nil)
        }

        guard let envelope = InteractionEnvelope.decode(from: body) else {
            let message = "body is not an interaction: expected a JSON object with an integer \"type\""
            return (InteractionReply.failure(.badRequest, message).with(outcome: .badRequest), nil)
        }
        if envelope.type == .ping {
            return (.pong, envelope)
        }
        var logger = logger
        logger[metadataKey: "interaction.id"] = "\(envelope.id?.rawValue ?? "-")"
        let reply = await handler.handle(body, context: InteractionContext(envelope: envelope, logger: logger))
        return (reply, envelope)
    }

    private enum BodyResult {
        case success([UInt8])
        case failure(InteractionReply)
    }

    /// Reads at most `maxBodyBytes`: a declared or actual larger body is refused without buffering it.
    private func readBody(of request: Request) async -> BodyResult {
        let tooLarge = InteractionReply.failure(.contentTooLarge, "request body is larger than \(maxBodyBytes) bytes")
            .with(outcome: .tooLarge)
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maxBodyBytes {
            return .failure(tooLarge)
        }
        do {
            let buffer = try await request.body.collect(upTo: maxBodyBytes)
            return .success(Array(buffer.readableBytesView))
        } catch is NIOTooManyBytesError {
            return .failure(tooLarge)
        } catch {
            return .failure(InteractionReply.failure(.badRequest, "could not read the request body").with(outcome: .badRequest))
        }
    }
}

/// Limits on incoming interaction requests.
package struct InteractionLimits: Sendable {
    /// Larger bodies get 413 without being read further. Discord's payloads are a few KiB.
    package var maxBodyBytes: Int
    /// See `InteractionSignatureVerifier.maxTimestampSkew`; nil turns the replay check off.
    package var maxTimestampSkew: Duration?

    package init(maxBodyBytes: Int = 1 << 20, maxTimestampSkew: Duration? = InteractionSignatureVerifier.defaultMaxTimestampSkew) {
        self.maxBodyBytes = maxBodyBytes
        self.maxTimestampSkew = maxTimestampSkew
    }
}
