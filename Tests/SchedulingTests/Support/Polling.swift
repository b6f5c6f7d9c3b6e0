/// Yields until `condition` holds, for effects of a task the test cannot await directly
/// (a cancelled run noticing its cancellation). Returns whether it held.
func eventually(_ condition: () -> Bool) async -> Bool {
    for _ in 0..<100_000 where !Task.isCancelled {
        if condition() { return true }
        await Task.yield()
    }
    return condition()
}
