import Foundation
import NIOConcurrencyHelpers

/// Wakes idle workers of this process when a task is enqueued (or, on PostgreSQL, when a
/// `NOTIFY` arrives from another process). A worker waits on it with a timeout, so a lost
/// signal costs at most one poll interval.
final class TaskSignal: Sendable {
    static let shared = TaskSignal()

    private struct State {
        var generation = 0
        var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = NIOLockedValueBox(State())

    func signal() {
        let waiters = state.withLockedValue { state in
            state.generation += 1
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// The current generation: pass it to `wait` to learn of signals sent since.
    var generation: Int { state.withLockedValue { $0.generation } }

    /// Returns at the first signal after `generation` was read, or after `timeout`.
    func wait(since generation: Int, timeout: Duration) async {
        let id = UUID()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let signalled = state.withLockedValue { state -> Bool in
                if state.generation != generation { return true }
                state.waiters[id] = continuation
                return false
            }
            if signalled {
                continuation.resume()
                return
            }
            Task {
                try? await Task.sleep(for: timeout)
                self.resumeWaiter(id)
            }
        }
    }

    private func resumeWaiter(_ id: UUID) {
        state.withLockedValue { $0.waiters.removeValue(forKey: id) }?.resume()
    }
}
