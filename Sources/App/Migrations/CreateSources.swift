import Fluent

/// Job sources (issue 6): what to read and how the last run went; every (source, external
/// id) a job was seen under — the same job on several sources is one job with several rows
/// here; and each user's hidden companies.
struct CreateSources: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sources")
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("identifier", .string, .required)
            .field("base_url", .string)
            .field("schedule", .string, .required)
            .field("enabled", .bool, .required)
            .field("last_run_at", .datetime)
            .field("last_status", .string)
            .field("last_error", .string)
            .field("last_counts", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "name", name: "uq_sources_name")
            .create()
        try await database.schema("job_sources")
            .field("id", .int, .identifier(auto: true))
            .field("job_id", .int, .required, .references(Job.schema, "id", onDelete: .cascade))
            .field("source", .string, .required)
            .field("external_id", .string, .required)
            .field("source_id", .int, .references("sources", "id", onDelete: .setNull))
            .field("url", .string)
            .field("merge_reason", .string)
            .field("first_seen_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("missing_since", .datetime)
            .unique(on: "source", "external_id", name: "uq_job_sources_source_external")
            .create()
        try await database.schema("company_blocklist")
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("company", .string, .required)
            .field("company_key", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "company_key", name: "uq_company_blocklist_user_company")
            .create()
        try await database.run([
            "CREATE INDEX idx_job_sources_job ON job_sources (job_id)",
            "CREATE INDEX idx_job_sources_source_id ON job_sources (source_id, last_seen_at)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("company_blocklist").delete()
        try await database.schema("job_sources").delete()
        try await database.schema("sources").delete()
    }
}
