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

    /// Every column of `company_blocklist`.
    enum Column: String, TableColumns {
        case id
        case userID = "user_id"
        case company
        case companyKey = "company_key"
        case createdAt = "created_at"
    }

    private static let table = "company_blocklist"

    static let companyField = FieldRule("company", .text(maxLength: 200, collapse: true), required: true)

    private var mine: SQLSelectBuilder {
        database.sql.select().from(Self.table).where(Column.userID.sql, .equal, SQLBind(user.id))
    }

    func entries() async throws -> [Entry] {
        try await mine.column(Column.list([.id, .company, .createdAt])).orderBy(Column.company.sql).all().map {
            Entry(id: try $0.decode(Column.id), company: try $0.decode(Column.company), createdAt: try $0.decode(Column.createdAt))
        }
    }

    /// The company keys to leave out of this user's job lists.
    func hiddenKeys() async throws -> [String] {
        try await mine.column(Column.companyKey.sql).all().map { try $0.decode(Column.companyKey) }
    }

    func add(_ body: JSONValue) async throws -> Entry {
        var reader = try BodyReader(body: body)
        let company: String? = reader.read(Self.companyField).value
        try reader.validate()
        let name = company ?? ""
        let key = TextNormalizer.key(name)
        guard !key.isEmpty else { throw DomainError.validation(["company must have letters or digits"]) }
        let now = Date()
        let values: [any Encodable & Sendable] = [user.id, name, key, now]
        guard
            let row = try await database.sql.insert(into: Self.table).columns([Column.userID, .company, .companyKey, .createdAt])
                .values(values.map { SQLBind($0) }).ignoringConflicts().returning(Column.id.sql).first()
        else { throw DomainError.conflict("\(name) is already hidden") }
        return Entry(id: try row.decode(Column.id), company: name, createdAt: now)
    }

    /// Makes the hidden companies exactly `names` (the profile's `company_blocklist`): those not
    /// named are shown again, new ones hidden, the others keep their entry and date.
    func replaceAll(with names: [String]) async throws {
        var wanted: [String: String] = [:]
        for name in names {
            let company = TextNormalizer.collapsingWhitespace(name)
            let key = TextNormalizer.key(company)
            if !key.isEmpty, wanted[key] == nil { wanted[key] = company }
        }
        let existing = Set(try await hiddenKeys())
        let gone = existing.subtracting(wanted.keys)
        if !gone.isEmpty {
            try await database.sql.delete(from: Self.table).where(Column.userID.sql, .equal, SQLBind(user.id))
                .where(Column.companyKey.sql, .in, SQLBind.group(Array(gone))).run()
        }
        for (key, company) in wanted.sorted(by: { $0.key < $1.key }) where !existing.contains(key) {
            let values: [any Encodable & Sendable] = [user.id, company, key, Date()]
            try await database.sql.insert(into: Self.table).columns([Column.userID, .company, .companyKey, .createdAt])
                .values(values.map { SQLBind($0) }).ignoringConflicts().run()
        }
    }

    func remove(_ id: Int) async throws {
        guard
            try await database.sql.raw(
                """
                DELETE FROM company_blocklist WHERE \(Column.id.sql) = \(bind: id) AND \(Column.userID.sql) = \(bind: user.id) RETURNING \(Column.id.sql)
                """
            ).first() != nil
        else { throw DomainError.notFound("Hidden company not found") }
    }
}
