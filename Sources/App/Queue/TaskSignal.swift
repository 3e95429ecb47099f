import Foundation
import NIOConcurrencyHelpers

/// Wakes idle workers of this process when a task is enqueued (or, on PostgreSQL, when a
/// `NOTIFY` arrives from another process). A worker waits on it with a timeout, so a lost
/// signal costs at most one poll interval.
///
/// One per process, in `AppServices`. Code that enqueues deep inside a request or a task
/// (`TaskQueue.enqueue`, `Database.writeTransaction`) finds it as `TaskSignal.current`: the
/// request's middleware and the worker set it for the work they run, so servers in one
/// process (as tests start them) never wake each other's workers.
final class TaskSignal: Sendable {
    /// The signal of the process part running the current task; nil outside of one.
    @TaskLocal static var current: TaskSignal?

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

    /// Returns at the first signal after `generation` was read, after `timeout`, or when the
    /// calling task is cancelled. The timer is a child task, cancelled as soon as one of them
    /// ends: nothing of a wait outlives it.
    func wait(since generation: Int, timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForSignal(since: generation) }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForSignal(since generation: Int) async {
        let id = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let waiting = state.withLockedValue { state -> Bool in
                    guard state.generation == generation, !Task.isCancelled else { return false }
                    state.waiters[id] = continuation
                    return true
                }
                if !waiting { continuation.resume() }
            }
        } onCancel: {
            state.withLockedValue { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
