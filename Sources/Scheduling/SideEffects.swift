/// Work noted under the lock and done after it is released.
struct SideEffects: Sendable {
    var events: [SchedulerEvent] = []
    var tasksToCancel: [Task<Void, Never>] = []
    var wakeLoop = false
    var runsDrained = false
}
