import Foundation
import ServiceLifecycle
import Synchronization

/// Tracks whether the sandbox's server is starting, listening (and where) or stopped,
/// and lets callers wait for the bound address.
final class ServerLifecycle: Sendable {
    private enum Phase {
        case idle
        case starting
        case running(baseURL: URL, origin: String)
        /// nil after a normal stop; otherwise why the server failed.
        case finished(failure: String?)
    }

    private struct State {
        var phase: Phase = .idle
        var waiters: [Int: CheckedContinuation<URL, any Error>] = [:]
        var nextWaiterID = 0
        /// Present when `start()` (not an outside ServiceGroup) runs the server.
        var ownedRun: (group: ServiceGroup, task: Task<Void, any Error>)?
    }

    private let state = Mutex(State())

    func beginRun() throws(SandboxLifecycleError) {
        try state.withLock { state throws(SandboxLifecycleError) in
            switch state.phase {
            case .starting, .running:
                throw SandboxLifecycleError("the sandbox is already running; stop it before starting it again")
            case .idle, .finished:
                state.phase = .starting
            }
        }
    }

    func markRunning(host: String, port: Int) {
        let urlHost = host.contains(":") ? "[\(host)]" : (host == "0.0.0.0" ? "127.0.0.1" : host)
        let origin = "http://\(urlHost):\(port)"
        guard let baseURL = URL(string: origin + "/api/v10") else { return }
        let waiters = state.withLock { state -> [CheckedContinuation<URL, any Error>] in
            state.phase = .running(baseURL: baseURL, origin: origin)
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: baseURL) }
    }

    func markFinished(error: (any Error)?) {
        let failure = error.map { "the sandbox's server failed: \($0)" }
        let waiters = state.withLock { state -> [CheckedContinuation<URL, any Error>] in
            state.phase = .finished(failure: failure)
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        let reason = SandboxLifecycleError(failure ?? "the sandbox stopped before it was listening")
        for waiter in waiters { waiter.resume(throwing: reason) }
    }

    var baseURL: URL? {
        state.withLock { state in
            if case .running(let url, _) = state.phase { return url }
            return nil
        }
    }

    var origin: String? {
        state.withLock { state in
            if case .running(_, let origin) = state.phase { return origin }
            return nil
        }
    }

    /// The base URL once listening; throws if the server fails or stops first.
    func waitUntilRunning() async throws -> URL {
        let id = state.withLock { state -> Int in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<URL, any Error>) in
                let immediate = state.withLock { state -> Result<URL, SandboxLifecycleError>? in
                    switch state.phase {
                    case .running(let url, _):
                        return .success(url)
                    case .finished(let failure):
                        return .failure(SandboxLifecycleError(failure ?? "the sandbox is not running; call start() first"))
                    case .idle, .starting:
                        if Task.isCancelled { return .failure(SandboxLifecycleError("cancelled while waiting for the sandbox")) }
                        state.waiters[id] = continuation
                        return nil
                    }
                }
                switch immediate {
                case .success(let url): continuation.resume(returning: url)
                case .failure(let error): continuation.resume(throwing: error)
                case nil: break
                }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume(throwing: CancellationError())
        }
    }

    func own(group: ServiceGroup, task: Task<Void, any Error>) {
        state.withLock { $0.ownedRun = (group, task) }
    }

    func takeOwnedRun() -> (group: ServiceGroup, task: Task<Void, any Error>)? {
        state.withLock { state in
            defer { state.ownedRun = nil }
            return state.ownedRun
        }
    }
}

/// Starting or stopping the sandbox went wrong; the message says why.
package struct SandboxLifecycleError: Error, Sendable, CustomStringConvertible {
    package let description: String

    package init(_ description: String) {
        self.description = description
    }
}
