import CareerCopilotCore
import Fluent
import Foundation
import SQLKit

/// A user's hidden companies (agencies, former employers): their jobs leave that user's
/// lists and searches, nobody else's.
struct BlocklistService {
    let database: any Database
    let user: CurrentUser

    struct Entry: Encodable, Sendable {
        let id: Int
        let company: String
        let createdAt: Date

        enum CodingKeys: String, CodingKey {
            case id, company
            case createdAt = "created_at"
        }
    }

    func entries() async throws -> [Entry] {
        try await database.sql.raw(
            """
            SELECT id, company, created_at FROM company_blocklist WHERE user_id = \(bind: user.id) ORDER BY company
            """
        ).all().map {
            Entry(
                id: try $0.decode(column: "id", as: Int.self), company: try $0.decode(column: "company", as: String.self),
                createdAt: try $0.decode(column: "created_at", as: Date.self))
        }
    }

    /// The company keys to leave out of this user's job lists.
    func hiddenKeys() async throws -> [String] {
        try await database.sql.raw("SELECT company_key FROM company_blocklist WHERE user_id = \(bind: user.id)").all()
            .map { try $0.decode(column: "company_key", as: String.self) }
    }

    func add(_ body: JSONValue) async throws -> Entry {
        var reader = try BodyReader(body: body)
        let company = reader.string("company", required: true, maxLength: 200, collapseWhitespace: true).value
        try reader.validate()
        let name = company ?? ""
        let key = TextNormalizer.key(name)
        guard !key.isEmpty else { throw DomainError.validation(["company must have letters or digits"]) }
        let now = Date()
        guard
            let row = try await database.sql.raw(
                """
                INSERT INTO company_blocklist (user_id, company, company_key, created_at)
                VALUES (\(bind: user.id), \(bind: name), \(bind: key), \(bind: now))
                ON CONFLICT DO NOTHING RETURNING id
                """
            ).first()
        else { throw DomainError.conflict("\(name) is already hidden") }
        return Entry(id: try row.decode(column: "id", as: Int.self), company: name, createdAt: now)
    }

    func remove(_ id: Int) async throws {
        guard
            try await database.sql.raw(
                """
                DELETE FROM company_blocklist WHERE id = \(bind: id) AND user_id = \(bind: user.id) RETURNING id
                """
            ).first() != nil
        else { throw DomainError.notFound("Hidden company not found") }
    }
}
