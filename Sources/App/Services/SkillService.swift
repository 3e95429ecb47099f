import CareerCopilotCore
import Fluent

/// The shared skills taxonomy.
struct SkillService {
    let database: any Database

    /// The ids of the skills named, creating those that do not exist yet. A skill is
    /// identified by its lowercased name, so "swift" and "Swift" are one skill.
    func ids(for names: [String]) async throws -> [Int] {
        var ids: [Int] = []
        for name in names {
            let slug = TextNormalizer.key(name)
            if let existing = try await Skill.query(on: database).filter(\.$slug == slug).first() {
                ids.append(try existing.requireID())
                continue
            }
            let skill = Skill(name: name, slug: slug)
            try await skill.create(on: database)
            ids.append(try skill.requireID())
        }
        return ids
    }
}
