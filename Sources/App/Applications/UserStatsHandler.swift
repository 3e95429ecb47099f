import CareerCopilotCore
import Fluent
import Foundation
import SQLKit

/// `analytics.user_stats`: recomputes a user's application counts by status (the seed's
/// analytics update). Recomputing from the applications makes any number of runs agree.
struct UserStatsHandler: TaskHandler {
    static let kind = "analytics.user_stats"

    func run(_ context: TaskContext) async throws -> JSONValue? {
        guard let userID = context.payload["user_id"]?.intValue else { throw PermanentTaskError("payload needs user_id") }
        guard try await User.find(userID, on: context.database) != nil else { return ["skipped": "the user no longer exists"] }
        let counts = try await ApplicationReader(database: context.database, user: CurrentUser(id: userID, isAdmin: false)).countsByStatus()
        let byStatus = JSONValue.object(Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, JSONValue.number(Double($0.value))) }))
        let text = String(decoding: try JSONEncoder().encode(byStatus), as: UTF8.self)
        let total = counts.values.reduce(0, +)
        let now = Date()
        try await context.database.sql.raw(
            """
            INSERT INTO user_stats (user_id, applications, by_status, updated_at)
            VALUES (\(bind: userID), \(bind: total), \(bind: text), \(bind: now))
            ON CONFLICT (user_id) DO UPDATE SET applications = excluded.applications, by_status = excluded.by_status, updated_at = excluded.updated_at
            """
        ).run()
        return ["applications": .number(Double(total))]
    }
}
