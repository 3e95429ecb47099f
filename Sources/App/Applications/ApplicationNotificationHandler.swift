import CareerCopilotCore
import CareerCopilotWeb
import Fluent
import Foundation
import SQLKit

/// `notify.application`: tells the user about their application (tracked, moved). The
/// notification's dedupe key makes a second run write nothing.
struct NotificationHandler: TaskHandler {
    static let kind = "notify.application"

    func run(_ context: TaskContext) async throws -> JSONValue? {
        guard let applicationID = context.payload["application_id"]?.intValue else {
            throw PermanentTaskError("payload needs application_id")
        }
        guard let application = try await JobApplication.query(on: context.database).filter(\.$id == applicationID).with(\.$job).first() else {
            return ["skipped": "the application no longer exists"]
        }
        let job = application.job
        let message: String
        let dedupeKey: String
        if let changeID = context.payload["change_id"]?.intValue, let to = context.payload["to"]?.stringValue {
            message = "\(job.title) at \(job.company) moved to \(to.capitalized)."
            dedupeKey = "status_change:\(changeID)"
        } else {
            message = "You are tracking \(job.title) at \(job.company)."
            dedupeKey = "application_created:\(applicationID)"
        }
        let inserted = try await Notifications.insert(
            userID: application.$user.id, kind: "application", message: message, link: SiteURL.application(applicationID).path,
            dedupeKey: dedupeKey, on: context.database
        )
        return ["notified": .bool(inserted)]
    }
}

/// Notifications are written only by tasks, each with a key that makes a repeat a no-op.
enum Notifications {
    @discardableResult
    static func insert(userID: Int, kind: String, message: String, link: String?, dedupeKey: String, on database: any Database) async throws -> Bool {
        try await database.sql.raw(
            """
            INSERT INTO notifications (user_id, kind, message, link, dedupe_key, created_at)
            VALUES (\(bind: userID), \(bind: kind), \(bind: message), \(bind: link), \(bind: dedupeKey), \(bind: Date()))
            ON CONFLICT DO NOTHING RETURNING id
            """
        ).first() != nil
    }
}
