import CareerCopilotCore
import Fluent
import Foundation
import Profiles
import SQLKit

/// The current user's profile: a JSON Resume document, theirs alone (decision 0020). Its
/// `preferences.company_blocklist` is not stored in the document: it is the user's hidden
/// companies (`BlocklistService`), so writing either changes both.
struct ProfileService {
    let database: any Database
    let user: CurrentUser

    struct Stored: Sendable {
        /// What `GET /api/v1/profile` answers: the document with the hidden companies.
        let document: JSONValue
        /// The edit version (`ETag`).
        let version: String
        let updatedAt: Date?

        var profile: Profile { Profile(document: document) }
    }

    enum Column: String, TableColumns {
        case userID = "user_id"
        case document
        case version
        case updatedAt = "updated_at"
    }

    private static let table = "profiles"

    func read() async throws -> Stored {
        let row = try await database.sql.select().column(Column.list([.document, .updatedAt])).from(Self.table)
            .where(Column.userID.sql, .equal, SQLBind(user.id)).first()
        var document = JSONValue.object([:])
        if let text: String = try row?.decode(Column.document) {
            document = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .object([:])
        }
        let hidden = try await BlocklistService(database: database, user: user).entries().map(\.company)
        let full = Self.withBlocklist(document, hidden)
        return Stored(document: full, version: Self.version(of: full), updatedAt: try row?.decode(Column.updatedAt))
    }

    /// Replaces the profile with `body` (`PUT`): checked against `ProfileSchema`, fields the
    /// schema does not name kept as sent. A stale `If-Match` changes nothing. The hidden
    /// companies follow `preferences.company_blocklist` when the body names it.
    func replace(with body: JSONValue, ifMatch: String?) async throws -> Stored {
        let issues = ProfileSchema.check(body)
        guard issues.isEmpty else { throw DomainError.validation(issues) }
        return try await write(ifMatch: ifMatch) { _ in body }
    }

    /// Saves what the profile page edits: its fields written over the stored document, which
    /// keeps everything else it holds (`Profile.merged(into:)`) — or over `base`, an imported
    /// JSON Resume under review, which then replaces the stored document.
    func save(_ profile: Profile, base: JSONValue? = nil, ifMatch: String?) async throws -> Stored {
        try await write(ifMatch: ifMatch) { stored in
            let document = profile.merged(into: base.map { Self.withBlocklist($0, nil) } ?? Self.withBlocklist(stored, nil))
            let issues = ProfileSchema.check(document)
            guard issues.isEmpty else { throw DomainError.validation(issues) }
            return document
        }
    }

    private func write(ifMatch: String?, _ change: @escaping @Sendable (JSONValue) throws -> JSONValue) async throws -> Stored {
        let user = self.user
        return try await database.writeTransaction { database in
            let service = ProfileService(database: database, user: user)
            let current = try await service.read()
            if let ifMatch, !EditVersion.ifMatch(ifMatch, admits: current.version) {
                throw DomainError.conflict(EditVersion.conflictMessage)
            }
            var document = try change(current.document)
            if let hidden = document["preferences"]?["company_blocklist"] {
                let names = hidden.texts
                try await BlocklistService(database: database, user: user).replaceAll(with: names)
            }
            document = Self.withBlocklist(document, nil)
            let text = String(decoding: try Self.encoder.encode(document), as: UTF8.self)
            let now = Date()
            try await database.sql.raw(
                """
                INSERT INTO profiles (user_id, document, version, updated_at) VALUES (\(bind: user.id), \(bind: text), \(bind: Self.version(of: document)), \(bind: now))
                ON CONFLICT (user_id) DO UPDATE SET document = excluded.document, version = excluded.version, updated_at = excluded.updated_at
                """
            ).run()
            try await TaskQueue(database: database).enqueue(MatchRefreshHandler.request(for: user.id))
            return try await service.read()
        }
    }

    /// The document with `preferences.company_blocklist` set to `names`, or removed (nil).
    static func withBlocklist(_ document: JSONValue, _ names: [String]?) -> JSONValue {
        guard case var .object(members) = document else { return document }
        var preferences: [String: JSONValue] = if case let .object(existing) = members["preferences"] { existing } else { [:] }
        preferences["company_blocklist"] = names.map { .array($0.map(JSONValue.string)) }
        members["preferences"] = preferences.isEmpty ? nil : .object(preferences)
        return .object(members)
    }

    /// A fingerprint of the document (keys sorted, so the same content has the same version).
    static func version(of document: JSONValue) -> String {
        EditVersion.of([(try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) }])
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

extension JSONValue {
    /// The strings of an array value (none for anything else).
    var texts: [String] {
        guard case let .array(items) = self else { return [] }
        return items.compactMap { if case let .string(text) = $0 { text } else { nil } }
    }
}
