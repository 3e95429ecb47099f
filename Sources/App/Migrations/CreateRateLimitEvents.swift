import Fluent

/// Failed sign-ins and sign-ups by bucket (`ip:…`, `account:…`), shared by every process.
struct CreateRateLimitEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("rate_limit_events")
            .field("id", .int, .identifier(auto: true))
            .field("bucket", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.run(["CREATE INDEX idx_rate_limit_events_bucket ON rate_limit_events (bucket, created_at)"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("rate_limit_events").delete()
    }
}
