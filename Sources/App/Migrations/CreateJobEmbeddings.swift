import Fluent

/// The vectors of semantic search: one per job and embedding model (decision 0023). A vector
/// remembers the job's `updated_at` it was made from, so a changed job is re-embedded, and
/// `embedded_at` (seconds since 1970), so that a process can pick up the vectors another
/// process wrote since it last looked. Deleting a job deletes its vectors.
struct CreateJobEmbeddings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("job_embeddings")
            .field("job_id", .int, .required, .references("jobs", "id", onDelete: .cascade))
            .field("model", .string, .required)
            .field("vector", .data, .required)
            .field("job_updated_at", .datetime, .required)
            .field("embedded_at", .double, .required)
            .compositeIdentifier(over: "job_id", "model")
            .create()
        try await database.run(["CREATE INDEX idx_job_embeddings_model_time ON job_embeddings (model, embedded_at)"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("job_embeddings").delete()
    }
}
