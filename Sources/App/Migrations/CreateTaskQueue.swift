import Fluent
import SQLKit

/// The durable task queue (decision 0010): tasks, the ticks schedulers have enqueued, the
/// heartbeats of live workers; and the first things tasks write: notifications and each
/// user's application statistics.
struct CreateTaskQueue: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tasks")
            .field("id", .int64, .identifier(auto: true))
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("queue", .string, .required)
            .field("priority", .int, .required)
            .field("run_at", .datetime, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("lease_owner", .string)
            .field("lease_expires_at", .datetime)
            .field("unique_key", .string)
            .field("last_error", .string)
            .field("result", .string)
            .field("user_id", .int, .references(User.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("started_at", .datetime)
            .field("finished_at", .datetime)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("schedule_ticks")
            .field("schedule", .string, .required)
            .field("tick_at", .datetime, .required)
            .field("task_id", .int64)
            .compositeIdentifier(over: "schedule", "tick_at")
            .create()
        try await database.schema("workers")
            .field("id", .string, .identifier(auto: false))
            .field("hostname", .string, .required)
            .field("pid", .int, .required)
            .field("queues", .string, .required)
            .field("concurrency", .int, .required)
            .field("started_at", .datetime, .required)
            .field("heartbeat_at", .datetime, .required)
            .create()
        try await database.schema("notifications")
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("message", .string, .required)
            .field("link", .string)
            .field("dedupe_key", .string, .required)
            .field("read_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "dedupe_key", name: "uq_notifications_dedupe")
            .create()
        try await database.schema("user_stats")
            .field("user_id", .int, .identifier(auto: false), .references(User.schema, "id", onDelete: .cascade))
            .field("applications", .int, .required)
            .field("by_status", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.run([
            // The claim: ready tasks of a queue in priority order, read as an index range.
            "CREATE INDEX idx_tasks_ready ON tasks (queue, priority DESC, run_at, id) WHERE status = 'queued'",
            // Reclaiming tasks whose worker died.
            "CREATE INDEX idx_tasks_leases ON tasks (lease_expires_at) WHERE status = 'running'",
            "CREATE INDEX idx_tasks_status ON tasks (status, finished_at)",
            "CREATE INDEX idx_tasks_user ON tasks (user_id)",
            // At most one queued or running task per unique key: enqueueing it again is a no-op.
            "CREATE UNIQUE INDEX uq_tasks_unique_key ON tasks (unique_key) WHERE status IN ('queued', 'running')",
            "CREATE INDEX idx_notifications_user ON notifications (user_id, created_at DESC)",
        ])
    }

    func revert(on database: any Database) async throws {
        for table in ["user_stats", "notifications", "workers", "schedule_ticks", "tasks"] {
            try await database.schema(table).delete()
        }
    }
}
