import Fluent
import SQLKit

struct CreateSkills: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Skill.schema)
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("slug", .string, .required)
            .unique(on: "slug")
            .create()
        try await database.schema(JobSkill.schema)
            .field("id", .int, .identifier(auto: true))
            .field("job_id", .int, .required, .references(Job.schema, "id", onDelete: .cascade))
            .field("skill_id", .int, .required, .references(Skill.schema, "id", onDelete: .cascade))
            .unique(on: "job_id", "skill_id")
            .create()
        try await database.schema(UserSkill.schema)
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("skill_id", .int, .required, .references(Skill.schema, "id", onDelete: .cascade))
            .field("level", .string)
            .field("years", .double)
            .unique(on: "user_id", "skill_id")
            .create()
        try await database.sql.raw("CREATE INDEX idx_job_skills_skill_id ON job_skills (skill_id, job_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserSkill.schema).delete()
        try await database.schema(JobSkill.schema).delete()
        try await database.schema(Skill.schema).delete()
    }
}
