import Fluent

/// Conditional requests: what a source's one-page listing last said about itself (`ETag`,
/// `Last-Modified`); an index on jobs' apply URLs, which deduplication looks up for every
/// posting; and the careers-page type renamed to the API's name, `jsonld`.
struct ExtendSources: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column a statement: SQLite adds one at a time.
        try await database.schema("sources").field("etag", .string).update()
        try await database.schema("sources").field("last_modified", .string).update()
        try await database.run([
            "UPDATE sources SET kind = 'jsonld' WHERE kind = 'careers'",
            "UPDATE job_sources SET source = 'jsonld' WHERE source = 'careers'",
            "UPDATE jobs SET source = 'jsonld' WHERE source = 'careers'",
            "CREATE INDEX idx_jobs_url ON jobs (url)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.run(["DROP INDEX idx_jobs_url"])
        try await database.schema("sources").deleteField("etag").update()
        try await database.schema("sources").deleteField("last_modified").update()
    }
}
