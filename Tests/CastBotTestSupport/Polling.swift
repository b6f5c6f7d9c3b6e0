import Foundation

/// Checks `condition` until it holds or `timeout` of real time has passed, for effects the test
/// cannot await directly: a run on the scheduler, a DM sent after an event, a real HTTP exchange
/// with the sandbox on loopback. It yields first (in-process effects land within a few task hops),
/// then checks once a millisecond instead of spinning, so a waiting test leaves the CPU to the
/// work it waits for. Returns whether the condition held.
public func eventually(timeout: Duration = .seconds(60), _ condition: () async -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    var checks = 0
    while clock.now < deadline, !Task.isCancelled {
        if await condition() { return true }
        checks += 1
        if checks < 200 {
            await Task.yield()
        } else {
            try? await clock.sleep(for: .milliseconds(1))
        }
    }
    return await condition()
}
