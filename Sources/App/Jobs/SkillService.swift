import CareerCopilotCore
import Fluent
import SQLKit

/// The shared skills taxonomy.
struct SkillService {
    let database: any Database

    /// The ids of the skills named, in the order given, creating those that do not exist yet.
    /// A skill is identified by its key, so "swift" and "Swift" are one skill.
    func ids(for names: [String]) async throws -> [Int] {
        let byKey = try await idsByKey(for: names)
        var seen = Set<Int>()
        return names.compactMap { byKey[TextNormalizer.key($0)] }.filter { seen.insert($0).inserted }
    }

    /// Skill ids by key for every name, creating the missing skills: one query to read, one
    /// to add what is missing (ingestion stores thousands of jobs a run).
    func idsByKey(for names: [String]) async throws -> [String: Int] {
        var nameOf: [String: String] = [:]
        for name in names {
            let slug = TextNormalizer.key(name)
            if !slug.isEmpty, nameOf[slug] == nil { nameOf[slug] = name }
        }
        guard !nameOf.isEmpty else { return [:] }
        let slugs = nameOf.keys.sorted()
        var known = try await known(slugs)
        let missing = slugs.filter { known[$0] == nil }
        if !missing.isEmpty {
            let rows = missing.map { SQLGroupExpression([SQLBind(nameOf[$0]!), SQLBind($0)]) }
            // Another writer may add the same skill at the same moment: keep theirs.
            try await database.sql.raw("INSERT INTO skills (name, slug) VALUES \(SQLList(rows)) ON CONFLICT (slug) DO NOTHING").run()
            known = try await self.known(slugs)
        }
        return known
    }

    private func known(_ slugs: [String]) async throws -> [String: Int] {
        let rows = try await database.sql.raw("SELECT id, slug FROM skills WHERE slug IN \(SQLBind.group(slugs))").all()
        return try Dictionary(
            rows.map { (try $0.decode(column: "slug", as: String.self), try $0.decode(column: "id", as: Int.self)) }, uniquingKeysWith: { first, _ in first })
    }
}
