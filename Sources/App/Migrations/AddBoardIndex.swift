import Fluent

/// The board reads each status's newest applications of a user: this index serves each
/// column as a range of 15 rows, and the counts per status without touching the table.
struct AddBoardIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.run(["CREATE INDEX idx_applications_board ON applications (user_id, status, updated_at DESC, id DESC)"])
    }

    func revert(on database: any Database) async throws {
        try await database.run(["DROP INDEX idx_applications_board"])
    }
}
