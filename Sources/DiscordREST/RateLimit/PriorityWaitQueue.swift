/// Waiters by ``DiscordRequest/Priority``, first come first served within one priority.
struct PriorityWaitQueue<Element: Sendable>: Sendable {
    private var lanes: [[Element]] = Array(repeating: [], count: DiscordRequest.Priority.allCases.count)
    /// Where each lane's first waiter is (taken ones are dropped in batches).
    private var heads: [Int] = Array(repeating: 0, count: DiscordRequest.Priority.allCases.count)
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    mutating func append(_ element: Element, priority: DiscordRequest.Priority) {
        lanes[priority.rawValue].append(element)
        count += 1
    }

    /// The waiter `popFirst` would take.
    var first: Element? {
        for lane in lanes.indices where heads[lane] < lanes[lane].count {
            return lanes[lane][heads[lane]]
        }
        return nil
    }

    /// Takes the first waiter of the most urgent priority that has one.
    mutating func popFirst() -> Element? {
        for lane in lanes.indices where heads[lane] < lanes[lane].count {
            let element = lanes[lane][heads[lane]]
            heads[lane] += 1
            count -= 1
            compact(lane)
            return element
        }
        return nil
    }

    /// Takes every waiter matching `predicate`, in queue order.
    mutating func removeAll(where predicate: (Element) -> Bool) -> [Element] {
        var removed: [Element] = []
        for lane in lanes.indices {
            let waiting = lanes[lane][heads[lane]...]
            guard waiting.contains(where: predicate) else { continue }
            var kept: [Element] = []
            for element in waiting {
                if predicate(element) { removed.append(element) } else { kept.append(element) }
            }
            lanes[lane] = kept
            heads[lane] = 0
        }
        count -= removed.count
        return removed
    }

    /// Every waiter, most urgent first.
    var all: [Element] {
        lanes.indices.flatMap { lanes[$0][heads[$0]...] }
    }

    private mutating func compact(_ lane: Int) {
        if heads[lane] == lanes[lane].count {
            lanes[lane].removeAll(keepingCapacity: true)
            heads[lane] = 0
        } else if heads[lane] > 1024, heads[lane] * 2 > lanes[lane].count {
            lanes[lane].removeFirst(heads[lane])
            heads[lane] = 0
        }
    }
}
