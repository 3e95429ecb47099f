import CareerCopilotCore
import Fluent
import Foundation
import Logging
import NIOConcurrencyHelpers
import SQLKit
import ServiceLifecycle

/// Runs tasks: claims up to `concurrency` ready tasks of its queues, runs each with its
/// handler as a child task, records the outcome. A heartbeat extends the leases of running
/// tasks, records the worker as alive, and gives back tasks whose worker died.
///
/// A service of the process's `ServiceGroup`: at graceful shutdown it stops claiming, lets
/// running tasks finish until `Options.stopDeadline`, then cancels the rest and gives them
/// back to the queue. Every task it starts is a child of `run`: none outlives it.
final class Worker: Service {
    struct Options: Sendable {
        var queues = ["default"]
        var concurrency = 4
        var lease: TimeInterval = 60
        /// Longest sleep when nothing signals new work.
        var pollInterval: Duration = .seconds(1)
        var retry = RetryPolicy()
        /// How long running tasks may go on after shutdown begins.
        var stopDeadline: Duration = .seconds(10)
    }

    let id: String
    let options: Options
    private let databases: @Sendable () -> any Database
    private let handlers: TaskHandlers
    private let logger: Logger
    /// Wakes the claim loop: new tasks, a freed slot, shutdown.
    let signal: TaskSignal
    private let state = NIOLockedValueBox(State())

    private struct State {
        var running: Set<Int> = []
        var stopping = false
    }

    /// `database` gives a database handle for each use (Vapor's `app.db` is cheap to ask for).
    init(options: Options, handlers: TaskHandlers, signal: TaskSignal, logger: Logger, database: @escaping @Sendable () -> any Database) {
        self.options = options
        self.handlers = handlers
        self.signal = signal
        self.logger = logger
        self.databases = database
        let host = ProcessInfo.processInfo.hostName
        id = "\(host):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8))"
    }

    private var queue: TaskQueue { TaskQueue(database: databases()) }
    private var runningIDs: Set<Int> { state.withLockedValue { $0.running } }
    private var isStopping: Bool { state.withLockedValue { $0.stopping } }

    func run() async {
        logger.info(
            "Worker started",
            metadata: ["worker": .string(id), "queues": .string(options.queues.joined(separator: ",")), "concurrency": .stringConvertible(options.concurrency)])
        let unfinished = await TaskSignal.$current.withValue(signal) {
            await withGracefulShutdownHandler {
                await withDiscardingTaskGroup { group in
                    group.addTask { await self.heartbeatLoop() }
                    await self.claimLoop(into: &group)
                    await self.waitForRunningTasks()
                    // Past the deadline: the heartbeat and the unfinished handlers are cancelled;
                    // they return at their next suspension point, before the group ends.
                    let unfinished = self.runningIDs
                    group.cancelAll()
                    return unfinished
                }
            } onGracefulShutdown: {
                self.stop()
            }
        }
        do {
            try await queue.release(Array(unfinished), worker: id)
            try await databases().sql.raw("DELETE FROM workers WHERE id = \(bind: id)").run()
        } catch {
            logger.error("Worker could not give back its tasks; their leases will expire", metadata: ["error": .string(String(describing: error))])
        }
        logger.info("Worker stopped", metadata: ["worker": .string(id), "released": .stringConvertible(unfinished.count)])
    }

    /// Stops claiming (graceful shutdown, or a test that is done).
    func stop() {
        state.withLockedValue { $0.stopping = true }
        signal.signal()
    }

    /// Runs `workers` while `body` runs (its enqueues wake them), then stops them and waits
    /// until each has finished or given back its tasks: for commands and tests that run
    /// workers for a while, outside a `ServiceGroup`.
    static func whileRunning<T: Sendable>(_ workers: [Worker], _ body: () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in workers { group.addTask { await worker.run() } }
            let result: Result<T, any Error>
            do {
                result = .success(try await TaskSignal.$current.withValue(workers.first?.signal) { try await body() })
            } catch {
                result = .failure(error)
            }
            for worker in workers { worker.stop() }
            try await group.waitForAll()
            return try result.get()
        }
    }

    private func claimLoop(into group: inout DiscardingTaskGroup) async {
        while !isStopping, !Task.isCancelled {
            let generation = signal.generation
            let free = options.concurrency - runningIDs.count
            var claimedAll = false
            if free > 0 {
                do {
                    let claimed = try await queue.claim(worker: id, queues: options.queues, limit: free, lease: options.lease)
                    for task in claimed {
                        state.withLockedValue { _ = $0.running.insert(task.id) }
                        group.addTask {
                            await self.execute(task)
                            self.state.withLockedValue { _ = $0.running.remove(task.id) }
                            // A slot is free: the loop may claim again.
                            self.signal.signal()
                        }
                    }
                    claimedAll = !claimed.isEmpty && claimed.count == free
                } catch {
                    logger.warning("Could not claim tasks", metadata: ["error": .string(String(describing: error))])
                }
            }
            // More may be ready when every free slot was filled: look again once one frees up.
            if !claimedAll || free == 0 {
                await signal.wait(since: generation, timeout: options.pollInterval)
            }
        }
    }

    /// Until every running task has finished or the stop deadline has passed; each finished
    /// task signals, so this waits without polling.
    private func waitForRunningTasks() async {
        let clock = ContinuousClock()
        let end = clock.now + options.stopDeadline
        while !runningIDs.isEmpty, clock.now < end, !Task.isCancelled {
            let generation = signal.generation
            guard !runningIDs.isEmpty else { return }
            await signal.wait(since: generation, timeout: end - clock.now)
        }
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
                try await queue.extendLeases(Array(runningIDs), worker: id, lease: options.lease, now: now)
                try await recordHeartbeat(started: started, now: now)
                let reclaimed = try await queue.reclaimExpired(now: now)
                if reclaimed > 0 {
                    logger.warning("Took back tasks of a stopped worker", metadata: ["tasks": .stringConvertible(reclaimed)])
                    signal.signal()
                }
            } catch {
                logger.warning("Heartbeat failed", metadata: ["error": .string(String(describing: error))])
            }
            try? await Task.sleep(for: interval)
        }
    }

    private func recordHeartbeat(started: Date, now: Date) async throws {
        try await databases().sql.raw(
            """
            INSERT INTO workers (id, hostname, pid, queues, concurrency, started_at, heartbeat_at)
            VALUES (\(bind: id), \(bind: ProcessInfo.processInfo.hostName), \(bind: Int(ProcessInfo.processInfo.processIdentifier)),
                    \(bind: options.queues.joined(separator: ",")), \(bind: options.concurrency), \(bind: started), \(bind: now))
            ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at
            """
        ).run()
    }
}
