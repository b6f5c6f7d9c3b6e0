import CastBotTestSupport
import Clocks
import Synchronization

/// Notes the virtual time at which the scripted server received each request.
final class RequestTimes: Sendable {
    private let clock: TestClock<Duration>
    private let times = Mutex<[Duration]>([])

    init(clock: TestClock<Duration>) {
        self.clock = clock
    }

    func note() {
        let now = clock.elapsed
        times.withLock { $0.append(now) }
    }

    var all: [Duration] { times.withLock { $0 } }
}
