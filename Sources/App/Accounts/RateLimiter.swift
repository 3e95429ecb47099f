import CareerCopilotCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Limits attempts per bucket within a sliding window, counted in the database so that every
/// server process sees the same numbers. Over the limit, requests are refused with 429 and
/// `Retry-After` until the oldest attempt leaves the window.
///
/// Checking and recording are one step (`reserve`), serialised across processes: when they
/// were two, 60 sign-ins at once all passed the check before any was recorded, and 44
/// passwords were tried against a limit of 10.
struct RateLimiter {
    let database: any Database
    var limit = 10
    var window: TimeInterval = 15 * 60

    /// A reserved attempt in each bucket: kept as a failure, or given back with `release`.
    struct Reservation: Sendable {
        let ids: [Int]
    }

    /// Records one attempt in every bucket, or throws `RATE_LIMITED` (recording nothing) when
    /// any bucket is already full.
    func reserve(_ buckets: [String]) async throws -> Reservation {
        let (limit, window) = (self.limit, self.window)
        return try await database.serializedTransaction(on: "rate-limit") { transaction in
            let now = Date()
            let since = now.addingTimeInterval(-window)
            for bucket in buckets {
                struct Row: Decodable { let count: Int; let oldest: Date? }
                let row = try await transaction.sql.select()
                    .column(SQLAlias(SQLFunction("count", args: SQLLiteral.all), as: SQLIdentifier("count")))
                    .column(SQLAlias(SQLFunction("min", args: SQLColumn("created_at")), as: SQLIdentifier("oldest")))
                    .from("rate_limit_events")
                    .where("bucket", .equal, SQLBind(bucket))
                    .where("created_at", .greaterThan, SQLBind(since))
                    .first(decoding: Row.self)
                if let row, row.count >= limit {
                    let seconds = max(1, Int(((row.oldest ?? now).addingTimeInterval(window)).timeIntervalSince(now).rounded(.up)))
                    throw APIError(
                        status: .tooManyRequests,
                        message: "Too many attempts; try again \(Self.describe(seconds: seconds))",
                        headers: ["Retry-After": String(seconds)]
                    )
                }
            }
            var ids: [Int] = []
            for bucket in buckets {
                struct Inserted: Decodable { let id: Int }
                let inserted = try await transaction.sql.insert(into: "rate_limit_events").columns("bucket", "created_at")
                    .values(SQLBind(bucket), SQLBind(now)).returning("id").first(decoding: Inserted.self)
                if let inserted { ids.append(inserted.id) }
            }
            try await transaction.sql.delete(from: "rate_limit_events").where("created_at", .lessThan, SQLBind(since)).run()
            return Reservation(ids: ids)
        }
    }

    /// Gives a reserved attempt back (a sign-in that succeeded is not a failure).
    func release(_ reservation: Reservation) async throws {
        guard !reservation.ids.isEmpty else { return }
        try await database.sql.delete(from: "rate_limit_events").where("id", .in, SQLBind.group(reservation.ids)).run()
    }

    /// "in 13 minutes", "in 40 seconds": what a person reads, not a count of seconds.
    static func describe(seconds: Int) -> String {
        if seconds < 60 { return "in \(seconds) second\(seconds == 1 ? "" : "s")" }
        let minutes = (seconds + 59) / 60
        return "in \(minutes) minute\(minutes == 1 ? "" : "s")"
    }

    /// Buckets for a request: its client address and, when known, the account.
    static func buckets(_ request: Request, action: String, email: String?) -> [String] {
        var buckets = ["\(action):ip:\(request.remoteAddress?.ipAddress ?? "unknown")"]
        if let email { buckets.append("\(action):account:\(email)") }
        return buckets
    }
}
