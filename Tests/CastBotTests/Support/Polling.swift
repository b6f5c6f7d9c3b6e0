import Foundation

/// Yields until `condition` holds or `timeout` of real time has passed, for effects of tasks the
/// test cannot await directly (a run on the scheduler, a DM sent after an event). It never
/// sleeps: it only lets other tasks run. Returns whether the condition held.
func eventually(timeout: Duration = .seconds(60), _ condition: () async -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while clock.now < deadline, !Task.isCancelled {
        if await condition() { return true }
        await Task.yield()
    }
    return await condition()
}
