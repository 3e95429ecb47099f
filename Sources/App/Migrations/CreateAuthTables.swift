import Fluent

/// Refresh-token families and the revocation list, in the database so that every server
/// process honours them.
struct CreateAuthTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RefreshToken.schema)
            .field("id", .int, .identifier(auto: true))
            .field("jti", .string, .required)
            .field("user_id", .int, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("family_id", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("spent_at", .datetime)
            .field("revoked_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "jti")
            .create()
        try await database.schema(RevokedAccessToken.schema)
            .field("id", .int, .identifier(auto: true))
            .field("jti", .string, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "jti")
            .create()
        try await database.run([
            "CREATE INDEX idx_refresh_tokens_family ON refresh_tokens (family_id)",
            "CREATE INDEX idx_refresh_tokens_user ON refresh_tokens (user_id)",
            "CREATE INDEX idx_revoked_access_tokens_expires ON revoked_access_tokens (expires_at)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RevokedAccessToken.schema).delete()
        try await database.schema(RefreshToken.schema).delete()
    }
}
