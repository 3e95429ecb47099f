import CareerCopilotCore
import Fluent
import Foundation
import SQLKit

/// A task to enqueue.
struct TaskRequest: Sendable {
    var kind: String
    var payload: JSONValue = .object([:])
    var queue = "default"
    /// Higher runs first.
    var priority = 0
    /// Not before this time; now when nil.
    var runAt: Date?
    var maxAttempts = 5
    /// While a task with this key is queued or running, enqueueing another is a no-op.
    var uniqueKey: String?
    /// The user the task works for: they (and admins) may see it.
    var userID: Int?
}

/// A task as stored.
struct TaskRecord: Sendable {
    enum Status: String, Sendable, CaseIterable {
        case queued, running, succeeded, failed, cancelled
    }

    let id: Int
    let kind: String
    let payload: String
    let queue: String
    let priority: Int
    let runAt: Date
    let status: Status
    let attempts: Int
    let maxAttempts: Int
    let leaseOwner: String?
    let uniqueKey: String?
    let lastError: String?
    let result: String?
    let userID: Int?
    let createdAt: Date
    let startedAt: Date?
    let finishedAt: Date?

    /// The columns of `tasks` a record reads (leases and times of the queue's own bookkeeping
    /// are written by the queue's statements only).
    enum Column: String, TableColumns {
        case id, kind, payload, queue, priority
        case runAt = "run_at"
        case status, attempts
        case maxAttempts = "max_attempts"
        case leaseOwner = "lease_owner"
        case uniqueKey = "unique_key"
        case lastError = "last_error"
        case result
        case userID = "user_id"
        case createdAt = "created_at"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
    }

    init(row: any SQLRow) throws {
        id = try row.decode(Column.id)
        kind = try row.decode(Column.kind)
        payload = try row.decode(Column.payload)
        queue = try row.decode(Column.queue)
        priority = try row.decode(Column.priority)
        runAt = try row.decode(Column.runAt)
        status = Status(rawValue: try row.decode(Column.status, as: String.self)) ?? .failed
        attempts = try row.decode(Column.attempts)
        maxAttempts = try row.decode(Column.maxAttempts)
        leaseOwner = try row.decode(Column.leaseOwner)
        uniqueKey = try row.decode(Column.uniqueKey)
        lastError = try row.decode(Column.lastError)
        result = try row.decode(Column.result)
        userID = try row.decode(Column.userID)
        createdAt = try row.decode(Column.createdAt)
        startedAt = try row.decode(Column.startedAt)
        finishedAt = try row.decode(Column.finishedAt)
    }

    var payloadValue: JSONValue {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(payload.utf8))) ?? .object([:])
    }
}

/// The durable queue: every state change of a task is one SQL statement (or one short
/// transaction), so a process may die between any two of them and lose nothing
/// (decision 0010).
struct TaskQueue {
    let database: any Database
    /// PostgreSQL `NOTIFY` channel: workers `LISTEN` on it to wake at once.
    static let channel = "cc_tasks"

    // MARK: Enqueue

    /// Enqueues a task, in the caller's transaction when `database` is one (it then commits
    /// or rolls back with the change). Returns its id, or nil when a task with the same
    /// unique key is already queued or running.
    @discardableResult
    func enqueue(_ request: TaskRequest, now: Date = Date()) async throws -> Int? {
        let payload = String(decoding: try JSONEncoder().encode(request.payload), as: UTF8.self)
        let row = try await database.sql.raw(
            """
            INSERT INTO tasks (kind, payload, queue, priority, run_at, status, attempts, max_attempts, unique_key, user_id, created_at, updated_at)
            VALUES (\(bind: request.kind), \(bind: payload), \(bind: request.queue), \(bind: request.priority), \(bind: request.runAt ?? now),
                    'queued', 0, \(bind: max(1, request.maxAttempts)), \(bind: request.uniqueKey), \(bind: request.userID), \(bind: now), \(bind: now))
            ON CONFLICT DO NOTHING RETURNING id
            """
        ).first()
        guard let row else { return nil }
        if database.dialect == .postgres {
            // Delivered when the transaction commits, never for one that rolls back.
            try await database.sql.raw("SELECT pg_notify(\(bind: Self.channel), \(bind: request.queue))").run()
        }
        TaskSignal.current?.signal()
        return try row.decode(column: "id", as: Int.self)
    }

    // MARK: Working

    /// Takes up to `limit` ready tasks of `queues` for `worker`, in priority order, and leases
    /// them until `now + lease`. No task is ever handed to two workers: PostgreSQL locks the
    /// chosen rows and skips rows another worker holds; SQLite runs the claim as one write
    /// statement, which takes the database's write lock before it reads.
    func claim(worker: String, queues: [String], limit: Int, lease: TimeInterval, now: Date = Date()) async throws -> [TaskRecord] {
        guard limit > 0, !queues.isEmpty else { return [] }
        let lock: SQLQueryString = database.dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await database.sql.raw(
            """
            UPDATE tasks SET status = 'running', attempts = attempts + 1, lease_owner = \(bind: worker),
                lease_expires_at = \(bind: now.addingTimeInterval(lease)), started_at = \(bind: now), updated_at = \(bind: now)
            WHERE id IN (
                SELECT id FROM tasks
                WHERE status = 'queued' AND queue IN \(SQLBind.group(queues)) AND run_at <= \(bind: now)
                ORDER BY queue, priority DESC, run_at, id LIMIT \(bind: limit)\(lock)
            )
            RETURNING \(TaskRecord.Column.list())
            """
        ).all().map(TaskRecord.init(row:))
    }

    /// Records success. False when the task is no longer this worker's (its lease expired and
    /// another worker took it over): the result is then dropped.
    @discardableResult
    func complete(_ id: Int, worker: String, result: JSONValue?, now: Date = Date()) async throws -> Bool {
        let text = try result.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        return try await database.sql.raw(
            """
            UPDATE tasks SET status = 'succeeded', result = \(bind: text), last_error = NULL, lease_owner = NULL, lease_expires_at = NULL,
                finished_at = \(bind: now), updated_at = \(bind: now)
            WHERE id = \(bind: id) AND status = 'running' AND lease_owner = \(bind: worker)
            RETURNING id
            """
        ).first() != nil
    }

    /// Records a failed attempt: the task waits `retryDelay` and runs again, or — after its
    /// last attempt, or when the error is permanent — ends `failed` with the error kept.
    @discardableResult
    func fail(_ task: TaskRecord, worker: String, error: String, permanent: Bool, retryDelay: TimeInterval, now: Date = Date()) async throws -> TaskRecord
        .Status?
    {
        let final = permanent || task.attempts >= task.maxAttempts
        let status: TaskRecord.Status = final ? .failed : .queued
        let row = try await database.sql.raw(
            """
            UPDATE tasks SET status = \(bind: status.rawValue), last_error = \(bind: String(error.prefix(4_000))), lease_owner = NULL,
                lease_expires_at = NULL, run_at = \(bind: final ? task.runAt : now.addingTimeInterval(retryDelay)),
                finished_at = \(bind: final ? now : nil), updated_at = \(bind: now)
            WHERE id = \(bind: task.id) AND status = 'running' AND lease_owner = \(bind: worker)
            RETURNING id
            """
        ).first()
        return row == nil ? nil : status
    }

    /// Gives unfinished tasks back (a worker stopping before they ended): queued again at
    /// once, the attempt not counted.
    func release(_ ids: [Int], worker: String, now: Date = Date()) async throws {
        guard !ids.isEmpty else { return }
        try await database.sql.raw(
            """
            UPDATE tasks SET status = 'queued', attempts = attempts - 1, lease_owner = NULL, lease_expires_at = NULL,
                run_at = \(bind: now), updated_at = \(bind: now)
            WHERE id IN \(SQLBind.group(ids)) AND status = 'running' AND lease_owner = \(bind: worker)
            """
        ).run()
    }

    /// Extends the leases of the tasks this worker is running.
    func extendLeases(_ ids: [Int], worker: String, lease: TimeInterval, now: Date = Date()) async throws {
        guard !ids.isEmpty else { return }
        try await database.sql.raw(
            """
            UPDATE tasks SET lease_expires_at = \(bind: now.addingTimeInterval(lease))
            WHERE id IN \(SQLBind.group(ids)) AND status = 'running' AND lease_owner = \(bind: worker)
            """
        ).run()
    }

    /// Tasks whose worker stopped heartbeating (killed, frozen, lost its database): queued
    /// again, or failed when that was their last attempt. Returns how many.
    @discardableResult
    func reclaimExpired(now: Date = Date()) async throws -> Int {
        try await database.sql.raw(
            """
            UPDATE tasks SET
                status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
                finished_at = CASE WHEN attempts >= max_attempts THEN \(bind: now) ELSE NULL END,
                last_error = 'The worker running it stopped (lease expired)', lease_owner = NULL, lease_expires_at = NULL,
                run_at = \(bind: now), updated_at = \(bind: now)
            WHERE status = 'running' AND lease_expires_at < \(bind: now)
            RETURNING id
            """
        ).all().count
    }

    // MARK: Reading and administration

    func find(_ id: Int) async throws -> TaskRecord? {
        try await database.sql.raw("SELECT \(TaskRecord.Column.list()) FROM tasks WHERE id = \(bind: id)").first().map(TaskRecord.init(row:))
    }

    func list(status: TaskRecord.Status, page: Paging) async throws -> (tasks: [TaskRecord], total: Int) {
        struct Count: Decodable { let count: Int }
        let total =
            try await database.sql.raw("SELECT count(*) AS count FROM tasks WHERE status = \(bind: status.rawValue)")
            .first(decoding: Count.self)?.count ?? 0
        let tasks = try await database.sql.raw(
            """
            SELECT \(TaskRecord.Column.list()) FROM tasks WHERE status = \(bind: status.rawValue)
            ORDER BY updated_at DESC, id DESC LIMIT \(bind: page.pageSize) OFFSET \(bind: page.offset)
            """
        ).all().map(TaskRecord.init(row:))
        return (tasks, total)
    }

    /// A failed task runs again, with all its attempts. False unless it had failed.
    func retry(_ id: Int, now: Date = Date()) async throws -> Bool {
        try await database.sql.raw(
            """
            UPDATE tasks SET status = 'queued', attempts = 0, run_at = \(bind: now), finished_at = NULL, updated_at = \(bind: now)
            WHERE id = \(bind: id) AND status = 'failed'
            RETURNING id
            """
        ).first() != nil
    }

    struct Depth: Sendable {
        var queued = 0
        var running = 0
        var failed = 0
        /// How long the oldest ready task has waited.
        var oldestWait: TimeInterval?
    }

    func depth(now: Date = Date()) async throws -> Depth {
        var depth = Depth()
        for row in try await database.sql.raw("SELECT status, count(*) AS count FROM tasks WHERE status IN ('queued', 'running', 'failed') GROUP BY status")
            .all()
        {
            let count = try row.decode(column: "count", as: Int.self)
            switch try row.decode(column: "status", as: String.self) {
            case "queued": depth.queued = count
            case "running": depth.running = count
            default: depth.failed = count
            }
        }
        if let row = try await database.sql.raw("SELECT min(run_at) AS oldest FROM tasks WHERE status = 'queued' AND run_at <= \(bind: now)").first(),
            let oldest = try row.decode(column: "oldest", as: Date?.self)
        {
            depth.oldestWait = max(0, now.timeIntervalSince(oldest))
        }
        return depth
    }
}
