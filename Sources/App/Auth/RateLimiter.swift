import CareerCopilotCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Limits failed attempts per bucket within a sliding window, counted in the database so that
/// every server process sees the same numbers. Over the limit, requests are refused with 429
/// and `Retry-After` until the oldest attempt leaves the window.
struct RateLimiter {
    let database: any Database
    var limit = 10
    var window: TimeInterval = 15 * 60

    /// Throws `RATE_LIMITED` when any bucket is full.
    func check(_ buckets: [String]) async throws {
        let since = Date().addingTimeInterval(-window)
        for bucket in buckets {
            struct Row: Decodable { let count: Int; let oldest: Date? }
            let row = try await database.sql.select()
                .column(SQLAlias(SQLFunction("count", args: SQLLiteral.all), as: SQLIdentifier("count")))
                .column(SQLAlias(SQLFunction("min", args: SQLColumn("created_at")), as: SQLIdentifier("oldest")))
                .from("rate_limit_events")
                .where("bucket", .equal, SQLBind(bucket))
                .where("created_at", .greaterThan, SQLBind(since))
                .first(decoding: Row.self)
            if let row, row.count >= limit {
                let retryAfter = max(1, Int(((row.oldest ?? Date()).addingTimeInterval(window)).timeIntervalSinceNow.rounded(.up)))
                throw APIError(
                    status: .tooManyRequests,
                    message: "Too many attempts; try again in \(retryAfter) seconds",
                    headers: ["Retry-After": String(retryAfter)]
                )
            }
        }
    }

    /// Records one attempt in each bucket, and forgets attempts that left the window.
    func record(_ buckets: [String]) async throws {
        let now = Date()
        for bucket in buckets {
            try await database.sql.insert(into: "rate_limit_events").columns("bucket", "created_at")
                .values(SQLBind(bucket), SQLBind(now)).run()
        }
        try await database.sql.delete(from: "rate_limit_events").where("created_at", .lessThan, SQLBind(now.addingTimeInterval(-window))).run()
    }

    /// Buckets for a request: its client address and, when known, the account.
    static func buckets(_ request: Request, action: String, email: String?) -> [String] {
        var buckets = ["\(action):ip:\(request.remoteAddress?.ipAddress ?? "unknown")"]
        if let email { buckets.append("\(action):account:\(email)") }
        return buckets
    }
}
