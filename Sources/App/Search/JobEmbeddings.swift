import CareerCopilotCore
import Fluent
import Foundation
import SQLKit
import Search

/// The `job_embeddings` table: vectors as little-endian 32-bit floats, one per job and model.
struct JobEmbeddings {
    let database: any Database
    let model: String

    /// A job whose vector is missing or older than the job, with the text to embed.
    struct Stale {
        let jobID: Int
        let updatedAt: Date
        let text: String
    }

    /// Up to `limit` jobs after `after` (by id) with no vector of this model, or an outdated one.
    func stale(after: Int, limit: Int) async throws -> [Stale] {
        let rows = try await database.sql.raw(
            """
            SELECT jobs.id, jobs.title, jobs.company, jobs.location, jobs.description_text, jobs.updated_at FROM jobs
            LEFT JOIN job_embeddings e ON e.job_id = jobs.id AND e.model = \(bind: model) AND e.job_id > \(bind: after)
            WHERE jobs.id > \(bind: after) AND (e.job_id IS NULL OR e.job_updated_at <> jobs.updated_at)
            ORDER BY jobs.id LIMIT \(unsafeRaw: String(limit))
            """
        ).all()
        return try rows.map { row in
            Stale(
                jobID: try row.decode(column: "id", as: Int.self),
                updatedAt: try row.decode(column: "updated_at", as: Date.self),
                text: EmbeddingText.job(
                    title: try row.decode(column: "title", as: String.self), company: try row.decode(column: "company", as: String.self),
                    location: try row.decode(column: "location", as: String?.self),
                    description: try row.decode(column: "description_text", as: String?.self) ?? ""
                )
            )
        }
    }

    /// Stores vectors (replacing older ones of the same model) in one statement. Each keeps
    /// the job's `updated_at` copied in SQL, so that the next comparison is exact on both
    /// databases (a `Date` read and written back can differ in its last bit); a job changed
    /// since its text was read (or deleted) is not stored, and stays stale for the next pass.
    func store(_ vectors: [(job: Stale, vector: [Float])], at time: Date) async throws {
        guard !vectors.isEmpty else { return }
        let rows: [SQLQueryString] = vectors.map {
            "(\(bind: $0.job.jobID), \(bind: Self.bytes($0.vector)), \(bind: $0.job.updatedAt.timeIntervalSince1970))"
        }
        let updatedAt: SQLQueryString = database.dialect == .postgres ? "EXTRACT(EPOCH FROM jobs.updated_at)" : "jobs.updated_at"
        try await database.sql.raw(
            """
            INSERT INTO job_embeddings (job_id, model, vector, job_updated_at, embedded_at)
            SELECT jobs.id, \(bind: model), v.column2, jobs.updated_at, \(bind: time.timeIntervalSince1970)
            FROM jobs JOIN (VALUES \(SQLList(rows))) v ON v.column1 = jobs.id
            WHERE abs(\(updatedAt) - v.column3) < 0.001
            ON CONFLICT (job_id, model) DO UPDATE
            SET vector = excluded.vector, job_updated_at = excluded.job_updated_at, embedded_at = excluded.embedded_at
            """
        ).run()
    }

    typealias Row = (jobID: Int, vector: [Float], embeddedAt: Double)

    /// Every vector of the model, or those stored at or after `since` (seconds since 1970),
    /// handed to `body` `chunk` rows at a time (by job id), so that loading 100,000 holds one
    /// chunk of rows, not all of them, beside the index.
    func forEachChunk(since: Double? = nil, chunk: Int = 5_000, _ body: ([Row]) -> Void) async throws {
        let recent: SQLQueryString = since.map { "AND embedded_at >= \(bind: $0)" } ?? ""
        var after = 0
        while true {
            let rows = try await database.sql.raw(
                """
                SELECT job_id, vector, embedded_at FROM job_embeddings WHERE model = \(bind: model) AND job_id > \(bind: after) \(recent)
                ORDER BY job_id LIMIT \(unsafeRaw: String(chunk))
                """
            ).all()
            let decoded: [Row] = try rows.map { row in
                (
                    try row.decode(column: "job_id", as: Int.self), VectorIndex.floats(littleEndian: try row.decode(column: "vector", as: Data.self)),
                    try row.decode(column: "embedded_at", as: Double.self)
                )
            }
            body(decoded)
            guard decoded.count == chunk, let last = decoded.last else { return }
            after = last.jobID
        }
    }

    /// How many vectors the model has, and the time of the newest.
    func summary() async throws -> (count: Int, newest: Double?) {
        let row = try await database.sql.raw(
            "SELECT count(*) AS count, max(embedded_at) AS newest FROM job_embeddings WHERE model = \(bind: model)"
        ).first()
        return (try row?.decode(column: "count", as: Int.self) ?? 0, try row?.decode(column: "newest", as: Double?.self))
    }

    /// Drops the vectors of every other model (once this one covers the catalogue).
    func deleteOtherModels() async throws {
        try await database.sql.raw("DELETE FROM job_embeddings WHERE model <> \(bind: model)").run()
    }

    static func bytes(_ vector: [Float]) -> Data { VectorIndex.littleEndianBytes(vector) }
}
