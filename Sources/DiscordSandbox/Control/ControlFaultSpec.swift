/// Reads a fault from control API JSON:
/// `{"route": "POST /channels/*/webhooks", "action": "respond", "status": 500, "code": 0,
///   "message": "...", "retry_after": 1.5, "global": false, "delay_ms": 0, "count": 1}`.
/// `action` is `respond` (default), `drop`, `drop_after_handling`, `hang` or `delay`; `count` null
/// means until cleared.
enum ControlFaultSpec {
    static func parse(_ body: ControlBody) throws(ControlError) -> SandboxFault {
        let route = try body.string("route")
        let action = body.optionalString("action") ?? "respond"
        let effect: SandboxFault.Effect
        switch action {
        case "respond":
            guard let status = try body.optionalInt("status") else {
                throw ControlError("'status' is required for action 'respond'")
            }
            effect = .respond(
                status: status, code: try body.optionalInt("code") ?? 0,
                message: body.optionalString("message") ?? "\(status): Sandbox fault",
                retryAfter: body.json["retry_after"]?.doubleValue, global: body.json["global"]?.boolValue ?? false)
        case "drop": effect = .dropConnection
        case "drop_after_handling": effect = .dropAfterHandling
        case "hang": effect = .hang
        case "delay": effect = .delayOnly
        default:
            throw ControlError("'action' must be one of respond, drop, drop_after_handling, hang, delay; got '\(action)'")
        }
        let delay = try body.optionalInt("delay_ms").map { Duration.milliseconds($0) }
        let count: Int?
        if let value = body.json["count"], value.isNull {
            count = nil
        } else {
            count = try body.optionalInt("count") ?? 1
        }
        do {
            return try SandboxFault(route, effect: effect, delay: delay, count: count)
        } catch {
            throw ControlError(error.description)
        }
    }
}
