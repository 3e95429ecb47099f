import Fluent
import SQLKit

/// `jobs.private_to`: the one user who may see a job that a person added or imported; NULL for
/// the shared catalogue that discovery fills (decision 0014).
///
/// Jobs added by hand before this migration become their creator's, unless another person's
/// application already tracks one: that job stays shared, so that nobody loses a tracked job.
struct AddJobPrivacy: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Job.schema)
            .field("private_to", .int, .references(User.schema, "id", onDelete: .cascade))
            .update()
        let sql = database.sql
        try await sql.raw("CREATE INDEX idx_jobs_private_to ON jobs (private_to)").run()
        try await sql.raw(
            """
            UPDATE jobs SET private_to = created_by
            WHERE created_by IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.job_id = jobs.id AND a.user_id <> jobs.created_by)
              AND NOT EXISTS (SELECT 1 FROM job_sources s WHERE s.job_id = jobs.id)
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP INDEX idx_jobs_private_to").run()
        try await database.schema(Job.schema).deleteField("private_to").update()
    }
}
