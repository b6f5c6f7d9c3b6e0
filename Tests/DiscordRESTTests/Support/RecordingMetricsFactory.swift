import CoreMetrics
import Synchronization

/// A metrics factory that adds up counters and timers by label and dimensions.
final class RecordingMetricsFactory: MetricsFactory, Sendable {
    private let values = Mutex<[String: Int64]>([:])

    static func key(_ label: String, _ dimensions: [(String, String)]) -> String {
        label + "{" + dimensions.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: ",") + "}"
    }

    /// The total of a counter (or the count of a timer's recordings).
    func value(_ label: String, _ dimensions: [(String, String)] = []) -> Int64 {
        values.withLock { $0[Self.key(label, dimensions), default: 0] }
    }

    /// Every key recorded so far.
    var keys: [String] { values.withLock { Array($0.keys).sorted() } }

    fileprivate func add(_ key: String, _ amount: Int64) {
        values.withLock { $0[key, default: 0] += amount }
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        Handler(factory: self, key: Self.key(label, dimensions))
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        Handler(factory: self, key: Self.key(label, dimensions))
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        Handler(factory: self, key: Self.key(label, dimensions))
    }

    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}

    private final class Handler: CounterHandler, RecorderHandler, TimerHandler, Sendable {
        let factory: RecordingMetricsFactory
        let key: String

        init(factory: RecordingMetricsFactory, key: String) {
            self.factory = factory
            self.key = key
        }

        func increment(by amount: Int64) { factory.add(key, amount) }
        func reset() {}
        func record(_ value: Int64) { factory.add(key, 1) }
        func record(_ value: Double) { factory.add(key, 1) }
        func recordNanoseconds(_ duration: Int64) { factory.add(key, 1) }
    }
}
