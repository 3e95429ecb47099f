import Fluent

/// A user's profile (a JSON Resume document, decision 0020) and the stored match scores of
/// jobs for it, which lists sort and filter by. A score remembers the profile version and the
/// job's `updated_at` it was computed from: a change to either makes it stale, and the refresh
/// task recomputes exactly the stale ones.
struct CreateProfiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("profiles")
            .field("user_id", .int, .identifier(auto: false), .references("users", "id", onDelete: .cascade))
            .field("document", .string, .required)
            .field("version", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("job_matches")
            .field("user_id", .int, .required, .references("users", "id", onDelete: .cascade))
            .field("job_id", .int, .required, .references("jobs", "id", onDelete: .cascade))
            .field("score", .int, .required)
            .field("passes", .bool, .required)
            .field("profile_version", .string, .required)
            .field("job_updated_at", .datetime, .required)
            .compositeIdentifier(over: "user_id", "job_id")
            .create()
        try await database.run([
            "CREATE INDEX idx_job_matches_user_score ON job_matches (user_id, score)",
            "CREATE INDEX idx_job_matches_job ON job_matches (job_id)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("job_matches").delete()
        try await database.schema("profiles").delete()
    }
}
