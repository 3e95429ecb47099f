import Fluent
import FluentSQL
import SQLKit

struct CreateJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // On PostgreSQL the company key sorts byte-wise so that a prefix is a range of the index
        // whatever the server's locale; SQLite compares bytes already.
        let companyKey: DatabaseSchema.FieldConstraint = database.dialect == .postgres ? .sql(unsafeRaw: "COLLATE \"C\"") : .required
        try await database.schema(Job.schema)
            .field("id", .int, .identifier(auto: true))
            .field("title", .string, .required)
            .field("company", .string, .required)
            .field("company_key", .string, .required, companyKey)
            .field("location", .string)
            .field("source", .string, .required)
            .field("external_id", .string)
            .field("url", .string)
            .field("description", .string, .required)
            .field("description_text", .string, .required)
            .field("remote", .string)
            .field("employment_type", .string)
            .field("salary_min", .double)
            .field("salary_max", .double)
            .field("salary_currency", .string)
            .field("salary_period", .string)
            .field("posted_at", .datetime)
            .field("scraped_at", .datetime, .required)
            .field("is_active", .bool, .required)
            .field("inactive_since", .datetime)
            .field("created_by", .int, .references(User.schema, "id", onDelete: .setNull))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "source", "external_id", name: "uq_jobs_source_external_id")
            .create()

        // The seed's indexes, and those behind the list's filters and sorts.
        try await database.run([
            "CREATE INDEX idx_jobs_title ON jobs (title)",
            "CREATE INDEX idx_jobs_location ON jobs (location)",
            "CREATE INDEX idx_jobs_scraped_at ON jobs (scraped_at DESC)",
            // Newest first with undated jobs last, the list's default order, on both databases.
            database.dialect == .postgres
                ? "CREATE INDEX idx_jobs_posted_at ON jobs (posted_at DESC NULLS LAST, id DESC)"
                : "CREATE INDEX idx_jobs_posted_at ON jobs (posted_at DESC, id DESC)",
            // Oldest first, undated last: PostgreSQL cannot read the index above backwards for
            // that (its nulls would come first); SQLite can use this one as well.
            "CREATE INDEX idx_jobs_posted_at_asc ON jobs (posted_at, id)",
            "CREATE INDEX idx_jobs_company_key ON jobs (company_key)",
            "CREATE INDEX idx_jobs_created_by ON jobs (created_by)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Job.schema).delete()
    }
}
