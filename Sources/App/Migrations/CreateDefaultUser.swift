import Fluent
import Foundation
import SQLKit

/// User 1, who exists from the first start: the owner in single-user mode.
/// Plain SQL, not the `User` model: the model grows columns that later migrations add.
struct CreateDefaultUser: AsyncMigration {
    static let email = "owner@localhost"

    func prepare(on database: any Database) async throws {
        struct Row: Decodable { let id: Int }
        let existing = try await database.sql.select().column("id").from("users").where("id", .equal, 1).first(decoding: Row.self)
        guard existing == nil else { return }
        let now = Date()
        try await database.sql.insert(into: "users")
            .columns("id", "email", "full_name", "role", "created_at", "updated_at")
            .values(SQLBind(1), SQLBind(Self.email), SQLBind("Owner"), SQLBind(User.Role.admin.rawValue), SQLBind(now), SQLBind(now))
            .run()
        if database.dialect == .postgres {
            // An explicit id does not move PostgreSQL's sequence: move it past user 1.
            try await database.sql.raw("SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT MAX(id) FROM users))").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.sql.delete(from: "users").where("id", .equal, 1).run()
    }
}
