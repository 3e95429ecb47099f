import CareerCopilotCore
import Fluent
import Foundation
import Logging
import SQLKit
import ServiceLifecycle

/// Enqueues periodic tasks (cron-like schedules). Every tick is claimed in `schedule_ticks`
/// by its (schedule, time) key in the transaction that enqueues it, so however many
/// schedulers run — one per server and worker process — each tick is enqueued once. A tick
/// missed while no scheduler ran is not caught up: the next one comes as planned.
struct Scheduler: Service {
    struct Entry: Sendable {
        let kind: String
        let schedule: Schedule
        var queue = "default"
    }

    private let entries: [Entry]
    private let database: @Sendable () -> any Database
    private let logger: Logger

    init(entries: [Entry], logger: Logger, database: @escaping @Sendable () -> any Database) {
        self.entries = entries
        self.logger = logger
        self.database = database
    }

    /// Enqueues each schedule's ticks until graceful shutdown (which cancels the sleep).
    func run() async throws {
        await cancelWhenGracefulShutdown {
            var next = Dictionary(uniqueKeysWithValues: entries.map { ($0.kind, $0.schedule.next(after: Date())) })
            while !Task.isCancelled {
                let now = Date()
                for entry in entries {
                    guard let tick = next[entry.kind], tick <= now else { continue }
                    do {
                        try await enqueue(entry, tick: tick)
                    } catch {
                        logger.error(
                            "Scheduler could not enqueue a tick", metadata: ["kind": .string(entry.kind), "error": .string(String(describing: error))])
                    }
                    next[entry.kind] = entry.schedule.next(after: max(tick, now))
                }
                let soonest = next.values.min() ?? now.addingTimeInterval(60)
                // Sleep until the next tick, waking at least every 30 s (clock changes).
                let wait = min(30, max(0.05, soonest.timeIntervalSinceNow))
                try? await Task.sleep(for: .milliseconds(Int64(wait * 1000)))
            }
        }
    }

    /// Claims the tick and enqueues its task, together. False when another scheduler had it.
    @discardableResult
    func enqueue(_ entry: Entry, tick: Date) async throws -> Bool {
        try await database().writeTransaction { transaction in
            let claimed = try await transaction.sql.raw(
                """
                INSERT INTO schedule_ticks (schedule, tick_at) VALUES (\(bind: entry.kind), \(bind: tick))
                ON CONFLICT DO NOTHING RETURNING schedule
                """
            ).first()
            guard claimed != nil else { return false }
            let id = try await TaskQueue(database: transaction).enqueue(
                TaskRequest(
                    kind: entry.kind, payload: ["tick": .string(ISODate.format(tick))], queue: entry.queue,
                    maxAttempts: 3, uniqueKey: "schedule:\(entry.kind)"
                ))
            if let id {
                try await transaction.sql.raw(
                    """
                    UPDATE schedule_ticks SET task_id = \(bind: id) WHERE schedule = \(bind: entry.kind) AND tick_at = \(bind: tick)
                    """
                ).run()
            }
            return true
        }
    }
}
