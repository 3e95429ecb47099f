import Fluent

/// `users.sessions_revoked_at`: access tokens issued before it are refused (password change).
struct AddSessionsRevokedAt: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("sessions_revoked_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("sessions_revoked_at").update()
    }
}
