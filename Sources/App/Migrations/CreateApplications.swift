import Fluent
import SQLKit

struct CreateApplications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(JobApplication.schema)
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references(User.schema, "id", onDelete: .cascade))
            // A job that someone tracks cannot be deleted from under them: deactivate it instead.
            .field("job_id", .int, .required, .references(Job.schema, "id", onDelete: .restrict))
            .field("status", .string, .required)
            .field("notes", .string)
            .field("applied_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "user_id", "job_id", name: "uq_applications_user_job")
            .create()
        try await database.schema(ApplicationStatusChange.schema)
            .field("id", .int, .identifier(auto: true))
            .field("application_id", .int, .required, .references(JobApplication.schema, "id", onDelete: .cascade))
            .field("from_status", .string)
            .field("to_status", .string, .required)
            .field("changed_at", .datetime, .required)
            .create()
        try await database.run([
            "CREATE INDEX idx_applications_user_id ON applications (user_id, updated_at DESC)",
            "CREATE INDEX idx_applications_status ON applications (status)",
            "CREATE INDEX idx_applications_job_id ON applications (job_id)",
            "CREATE INDEX idx_status_changes_application ON application_status_changes (application_id, changed_at)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ApplicationStatusChange.schema).delete()
        try await database.schema(JobApplication.schema).delete()
    }
}
