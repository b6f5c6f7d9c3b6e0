import Foundation
import Scheduling

@testable import CastBot

/// A storage whose first commit waits until `open()`, recording each commit's size.
final class GatedStorage: ServiceStateStorage, @unchecked Sendable {
    private let lock = NSLock()
    private var sizes: [Int] = []
    private var gate: CheckedContinuation<Void, Never>?
    private var isOpen = false

    var batchSizes: [Int] { lock.withLock { sizes } }

    func open() {
        let waiter = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            isOpen = true
            defer { gate = nil }
            return gate
        }
        waiter?.resume()
    }

    func apply(_ changes: [StateChange]) async throws {
        let mustWait = lock.withLock { () -> Bool in
            sizes.append(changes.count)
            return !isOpen
        }
        guard mustWait else { return }
        await withCheckedContinuation { continuation in
            let resumeNow = lock.withLock { () -> Bool in
                if isOpen { return true }
                gate = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    func loadState() async throws -> ServiceState { ServiceState() }
    func dueNotices(at now: Date, limit: Int) async throws -> [PendingNotice] { [] }
    func nextNoticeDue() async throws -> Date? { nil }
    func runHistory(for key: ScheduleKey, limit: Int) async throws -> [RunHistoryEntry] { [] }
}
