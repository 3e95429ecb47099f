import Fluent

/// SQLite: a view of the full-text index's vocabulary (`fts5vocab`, no storage of its own):
/// how many jobs contain each word, so that a ranked search can leave out words most jobs
/// contain (decision 0023). PostgreSQL needs nothing.
struct CreateJobSearchVocabulary: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard database.dialect == .sqlite else { return }
        try await database.run(["CREATE VIRTUAL TABLE jobs_fts_vocabulary USING fts5vocab(jobs_fts, 'row')"])
    }

    func revert(on database: any Database) async throws {
        guard database.dialect == .sqlite else { return }
        try await database.run(["DROP TABLE jobs_fts_vocabulary"])
    }
}
