import Fluent
import SQLKit

/// Full-text search over jobs: an FTS5 table kept in step by triggers on SQLite, generated
/// `tsvector` columns with GIN indexes on PostgreSQL. Both split text into words of letters
/// and digits without stemming, so the same query finds the same jobs on either database
/// (see `SearchTerms`).
struct CreateJobSearchIndex: AsyncMigration {
    static let sqliteStatements = [
        """
        CREATE VIRTUAL TABLE jobs_fts USING fts5(
            title, company, location, description_text,
            content='jobs', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')
        """,
        """
        CREATE TRIGGER jobs_fts_after_insert AFTER INSERT ON jobs BEGIN
            INSERT INTO jobs_fts(rowid, title, company, location, description_text)
            VALUES (new.id, new.title, new.company, new.location, new.description_text);
        END
        """,
        """
        CREATE TRIGGER jobs_fts_after_delete AFTER DELETE ON jobs BEGIN
            INSERT INTO jobs_fts(jobs_fts, rowid, title, company, location, description_text)
            VALUES ('delete', old.id, old.title, old.company, old.location, old.description_text);
        END
        """,
        """
        CREATE TRIGGER jobs_fts_after_update AFTER UPDATE OF title, company, location, description_text ON jobs BEGIN
            INSERT INTO jobs_fts(jobs_fts, rowid, title, company, location, description_text)
            VALUES ('delete', old.id, old.title, old.company, old.location, old.description_text);
            INSERT INTO jobs_fts(rowid, title, company, location, description_text)
            VALUES (new.id, new.title, new.company, new.location, new.description_text);
        END
        """,
        // Index rows that existed before this migration.
        "INSERT INTO jobs_fts(jobs_fts) VALUES ('rebuild')",
    ]

    static let postgresStatements = [
        """
        ALTER TABLE jobs ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A') ||
            setweight(to_tsvector('simple'::regconfig, coalesce(company, '')), 'B') ||
            setweight(to_tsvector('simple'::regconfig, coalesce(location, '')), 'B') ||
            setweight(to_tsvector('simple'::regconfig, coalesce(description_text, '')), 'C')
        ) STORED
        """,
        """
        ALTER TABLE jobs ADD COLUMN location_vector tsvector GENERATED ALWAYS AS (
            to_tsvector('simple'::regconfig, coalesce(location, ''))
        ) STORED
        """,
        "CREATE INDEX idx_jobs_search_vector ON jobs USING GIN (search_vector)",
        "CREATE INDEX idx_jobs_location_vector ON jobs USING GIN (location_vector)",
    ]

    func prepare(on database: any Database) async throws {
        let statements = database.dialect == .sqlite ? Self.sqliteStatements : Self.postgresStatements
        try await database.run(statements)
    }

    func revert(on database: any Database) async throws {
        let statements =
            database.dialect == .sqlite
            ? ["DROP TRIGGER jobs_fts_after_insert", "DROP TRIGGER jobs_fts_after_delete", "DROP TRIGGER jobs_fts_after_update", "DROP TABLE jobs_fts"]
            : ["ALTER TABLE jobs DROP COLUMN location_vector", "ALTER TABLE jobs DROP COLUMN search_vector"]
        try await database.run(statements)
    }
}
