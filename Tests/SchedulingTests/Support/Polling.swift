/// Checks `condition` until it holds, for effects of a task the test cannot await directly (a
/// cancelled run noticing its cancellation). It yields first, then checks once a millisecond
/// instead of spinning, for at most 60 s of real time. Returns whether it held.
func eventually(_ condition: () -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: .seconds(60))
    var checks = 0
    while clock.now < deadline, !Task.isCancelled {
        if condition() { return true }
        checks += 1
        if checks < 200 {
            await Task.yield()
        } else {
            try? await clock.sleep(for: .milliseconds(1))
        }
    }
    return condition()
}
