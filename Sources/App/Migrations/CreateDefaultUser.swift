import Fluent

/// User 1, who exists from the first start: the owner in single-user mode.
struct CreateDefaultUser: AsyncMigration {
    static let email = "owner@localhost"

    func prepare(on database: any Database) async throws {
        if try await User.find(1, on: database) == nil {
            try await User(id: 1, email: Self.email, fullName: "Owner", role: .admin).create(on: database)
            if database.dialect == .postgres {
                // An explicit id does not move PostgreSQL's sequence: move it past user 1.
                try await database.sql.raw("SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT MAX(id) FROM users))").run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await User.query(on: database).filter(\.$id == 1).delete()
    }
}
