import CareerCopilotCore
import CareerCopilotWeb
import Fluent
import Foundation
import SQLKit

/// `digest.daily`: one notification per user whose applications moved in the last day.
/// The key holds the day, so a second run that day writes nothing.
struct DailyDigestHandler: TaskHandler {
    static let kind = "digest.daily"

    func run(_ context: TaskContext) async throws -> JSONValue? {
        let now = Date()
        let since = now.addingTimeInterval(-86_400)
        let rows = try await context.database.sql.raw(
            """
            SELECT a.user_id AS user_id, count(*) AS moves FROM application_status_changes c
            JOIN applications a ON a.id = c.application_id
            WHERE c.changed_at >= \(bind: since) GROUP BY a.user_id
            """
        ).all()
        let day = String(ISODate.format(now).prefix(10))
        var written = 0
        for row in rows {
            let userID = try row.decode(column: "user_id", as: Int.self)
            let moves = try row.decode(column: "moves", as: Int.self)
            let message = moves == 1 ? "One application moved in the last day." : "\(moves) applications moved in the last day."
            if try await Notifications.insert(
                userID: userID, kind: "digest", message: message, link: SiteURL.applications.path, dedupeKey: "digest:\(userID):\(day)", on: context.database)
            {
                written += 1
            }
        }
        return ["digests": .number(Double(written))]
    }
}

/// `maintenance.cleanup`: forgets what protects nothing any more — finished tasks after a
/// week, old schedule ticks, expired sign-in limits and revocations, silent workers.
struct CleanupHandler: TaskHandler {
    static let kind = "maintenance.cleanup"

    func run(_ context: TaskContext) async throws -> JSONValue? {
        let now = Date()
        let sql = context.database.sql
        let tasks = try await sql.raw(
            """
            DELETE FROM tasks WHERE status IN ('succeeded', 'cancelled') AND finished_at < \(bind: now.addingTimeInterval(-7 * 86_400)) RETURNING id
            """
        ).all().count
        try await sql.raw("DELETE FROM schedule_ticks WHERE tick_at < \(bind: now.addingTimeInterval(-30 * 86_400))").run()
        try await sql.raw("DELETE FROM rate_limit_events WHERE created_at < \(bind: now.addingTimeInterval(-86_400))").run()
        try await sql.raw("DELETE FROM revoked_access_tokens WHERE expires_at < \(bind: now)").run()
        try await sql.raw("DELETE FROM workers WHERE heartbeat_at < \(bind: now.addingTimeInterval(-86_400))").run()
        return ["tasks_removed": .number(Double(tasks))]
    }
}

/// `noop`: does nothing; for benchmarks of the queue itself.
struct NoopHandler: TaskHandler {
    static let kind = "noop"

    func run(_ context: TaskContext) async throws -> JSONValue? { nil }
}
