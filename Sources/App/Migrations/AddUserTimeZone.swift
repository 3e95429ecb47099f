import Fluent

/// `users.time_zone`: the IANA zone the pages show times in ("Europe/Berlin"); NULL: the
/// browser's, or UTC.
struct AddUserTimeZone: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("time_zone", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("time_zone").update()
    }
}
