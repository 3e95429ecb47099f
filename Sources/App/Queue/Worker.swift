import CareerCopilotCore
import Fluent
import Foundation
import Logging
import NIOConcurrencyHelpers
import SQLKit

/// Runs tasks: claims up to `concurrency` ready tasks of its queues, runs each with its
/// handler, records the outcome. A heartbeat extends the leases of running tasks, records
/// the worker as alive, and gives back tasks whose worker died. `stop` stops claiming,
/// waits for running tasks until a deadline, then gives the unfinished ones back.
final class Worker: Sendable {
    struct Options: Sendable {
        var queues = ["default"]
        var concurrency = 4
        var lease: TimeInterval = 60
        /// Longest sleep when nothing signals new work.
        var pollInterval: Duration = .seconds(1)
        var retry = RetryPolicy()
    }

    let id: String
    let options: Options
    private let databases: @Sendable () -> any Database
    private let handlers: TaskHandlers
    private let logger: Logger
    private let state = NIOLockedValueBox(State())

    private struct State {
        var running: [Int: Task<Void, Never>] = [:]
        var stopping = false
        var loop: Task<Void, Never>?
        var heartbeat: Task<Void, Never>?
    }

    /// `database` gives a database handle for each use (Vapor's `app.db` is cheap to ask for).
    init(options: Options, handlers: TaskHandlers, logger: Logger, database: @escaping @Sendable () -> any Database) {
        self.options = options
        self.handlers = handlers
        self.logger = logger
        self.databases = database
        let host = ProcessInfo.processInfo.hostName
        id = "\(host):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8))"
    }

    private var queue: TaskQueue { TaskQueue(database: databases()) }

    func start() {
        let (loop, heartbeat) = (Task { await self.runLoop() }, Task { await self.heartbeatLoop() })
        state.withLockedValue {
            $0.loop = loop
            $0.heartbeat = heartbeat
        }
        logger.info("Worker started", metadata: ["worker": .string(id), "queues": .string(options.queues.joined(separator: ",")), "concurrency": .stringConvertible(options.concurrency)])
    }

    /// Stops claiming; waits up to `deadline` for running tasks, then cancels them and
    /// gives them back to the queue; removes the worker's heartbeat row.
    func stop(deadline: Duration = .seconds(10)) async {
        let loop = state.withLockedValue { state -> Task<Void, Never>? in
            state.stopping = true
            return state.loop
        }
        TaskSignal.shared.signal()
        await loop?.value
        let clock = ContinuousClock()
        let end = clock.now + deadline
        while clock.now < end, !runningIDs.isEmpty {
            try? await Task.sleep(for: .milliseconds(20))
        }
        let unfinished = state.withLockedValue { state in
            state.heartbeat?.cancel()
            return state.running
        }
        for task in unfinished.values { task.cancel() }
        // Cancelled handlers return at their next suspension point; none may outlive the
        // worker (they would use a database that is being shut down).
        for task in unfinished.values { await task.value }
        do {
            try await queue.release(Array(unfinished.keys), worker: id)
            try await databases().sql.raw("DELETE FROM workers WHERE id = \(bind: id)").run()
        } catch {
            logger.error("Worker could not give back its tasks; their leases will expire", metadata: ["error": .string(String(describing: error))])
        }
        logger.info("Worker stopped", metadata: ["worker": .string(id), "released": .stringConvertible(unfinished.count)])
    }

    private var runningIDs: [Int] { state.withLockedValue { Array($0.running.keys) } }
    private var isStopping: Bool { state.withLockedValue { $0.stopping } }

    private func runLoop() async {
        while !isStopping {
            let generation = TaskSignal.shared.generation
            let free = options.concurrency - runningIDs.count
            var claimedAll = false
            if free > 0 {
                do {
                    let claimed = try await queue.claim(worker: id, queues: options.queues, limit: free, lease: options.lease)
                    for task in claimed { launch(task) }
                    claimedAll = !claimed.isEmpty && claimed.count == free
                } catch {
                    logger.warning("Could not claim tasks", metadata: ["error": .string(String(describing: error))])
                }
            }
            // More may be ready when every free slot was filled: look again once one frees up.
            if !claimedAll || free == 0 {
                await TaskSignal.shared.wait(since: generation, timeout: options.pollInterval)
            }
        }
    }

    private func launch(_ task: TaskRecord) {
        let runner = Task {
            await self.execute(task)
            self.state.withLockedValue { _ = $0.running.removeValue(forKey: task.id) }
            // A slot is free: the loop may claim again.
            TaskSignal.shared.signal()
        }
        state.withLockedValue { $0.running[task.id] = runner }
    }

    private func execute(_ task: TaskRecord) async {
        var metadata: Logger.Metadata = ["task": .stringConvertible(task.id), "kind": .string(task.kind), "attempt": .stringConvertible(task.attempts)]
        guard let handler = handlers.handler(for: task.kind) else {
            _ = try? await queue.fail(task, worker: id, error: "No handler for task kind '\(task.kind)'", permanent: true, retryDelay: 0)
            logger.error("Task has no handler", metadata: metadata)
            return
        }
        let context = TaskContext(task: task, payload: task.payloadValue, database: databases(), logger: logger)
        do {
            let result = try await handler.run(context)
            if Task.isCancelled { return }  // given back by `stop`
            try await queue.complete(task.id, worker: id, result: result)
            logger.debug("Task succeeded", metadata: metadata)
        } catch {
            if Task.isCancelled { return }
            let permanent = error is PermanentTaskError
            let delay = options.retry.delay(afterAttempt: task.attempts)
            metadata["error"] = .string(String(describing: error))
            do {
                let outcome = try await queue.fail(task, worker: id, error: String(describing: error), permanent: permanent, retryDelay: delay)
                logger.log(level: outcome == .failed ? .error : .warning, outcome == .failed ? "Task failed" : "Task will be retried", metadata: metadata)
            } catch {
                logger.error("Could not record a task's failure; its lease will expire", metadata: metadata)
            }
        }
    }

    /// Every third of a lease: extend the leases of running tasks, say this worker is alive,
    /// and give back the tasks of workers that are not.
    private func heartbeatLoop() async {
        let started = Date()
        let interval = Duration.milliseconds(Int64(options.lease * 1000 / 3))
        while !Task.isCancelled {
            do {
                let now = Date()
                try await queue.extendLeases(runningIDs, worker: id, lease: options.lease, now: now)
                try await recordHeartbeat(started: started, now: now)
                let reclaimed = try await queue.reclaimExpired(now: now)
                if reclaimed > 0 {
                    logger.warning("Took back tasks of a stopped worker", metadata: ["tasks": .stringConvertible(reclaimed)])
                    TaskSignal.shared.signal()
                }
            } catch {
                logger.warning("Heartbeat failed", metadata: ["error": .string(String(describing: error))])
            }
            try? await Task.sleep(for: interval)
        }
    }

    private func recordHeartbeat(started: Date, now: Date) async throws {
        try await databases().sql.raw("""
            INSERT INTO workers (id, hostname, pid, queues, concurrency, started_at, heartbeat_at)
            VALUES (\(bind: id), \(bind: ProcessInfo.processInfo.hostName), \(bind: Int(ProcessInfo.processInfo.processIdentifier)),
                    \(bind: options.queues.joined(separator: ",")), \(bind: options.concurrency), \(bind: started), \(bind: now))
            ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at
            """).run()
    }
}
