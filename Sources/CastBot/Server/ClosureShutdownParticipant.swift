/// A shutdown participant made from a name and a closure (`ShutdownHooks.register(_:phase:action:)`).
struct ClosureShutdownParticipant: ShutdownParticipant {
    let shutdownName: String
    let action: @Sendable () async -> Void

    func shutdown() async {
        await action()
    }
}
