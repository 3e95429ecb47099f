import Fluent
import Foundation

/// A skill of the shared taxonomy: a display name and a lowercased `slug` that identifies it.
final class Skill: Model, @unchecked Sendable {
    static let schema = "skills"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "slug") var slug: String

    init() {}

    init(name: String, slug: String) {
        self.name = name
        self.slug = slug
    }
}

/// A skill a job asks for.
final class JobSkill: Model, @unchecked Sendable {
    static let schema = "job_skills"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "job_id") var job: Job
    @Parent(key: "skill_id") var skill: Skill

    init() {}

    init(jobID: Int, skillID: Int) {
        self.$job.id = jobID
        self.$skill.id = skillID
    }
}

/// A skill a user has. Private to its user.
final class UserSkill: Model, @unchecked Sendable {
    static let schema = "user_skills"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "user_id") var user: User
    @Parent(key: "skill_id") var skill: Skill
    @OptionalField(key: "level") var level: String?
    @OptionalField(key: "years") var years: Double?

    init() {}
}
