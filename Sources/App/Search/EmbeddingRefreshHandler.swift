import CareerCopilotCore
import Fluent
import Foundation
import SQLKit
import Search

/// `search.embed`: embeds every job that has no vector of the configured model or an outdated
/// one, `batchSize` at a time, each batch its own short write — after jobs are added, changed,
/// imported or discovered, at start-up, and every few minutes in case one was missed. Search
/// never waits for it: until a job has its vector, keyword search finds it. Once the model
/// covers every job, the vectors of earlier models are deleted. One is queued at a time; a
/// second pass from the start catches jobs changed during the first.
struct EmbeddingRefreshHandler: TaskHandler {
    static let kind = "search.embed"
    static let batchSize = 32

    let embeddings: Embeddings

    static let request = TaskRequest(kind: kind, payload: [:], uniqueKey: kind)

    func run(_ context: TaskContext) async throws -> JSONValue? {
        guard let model = embeddings.model else { return ["skipped": "off"] }
        switch embeddings.embedder() {
        case let .success(embedder):
            let embedded = try await embedStale(with: embedder, model: model, on: context.database)
            return ["embedded": .number(Double(embedded)), "model": .string(model)]
        case let .failure(problem):
            return ["skipped": .string(problem.description)]
        }
    }

    /// Embeds every stale job; how many it embedded.
    func embedStale(with embedder: any TextEmbedder, model: String, on database: any Database) async throws -> Int {
        let store = JobEmbeddings(database: database, model: model)
        var embedded = 0
        for _ in 0..<2 {
            var after = 0
            while true {
                let jobs = try await store.stale(after: after, limit: Self.batchSize)
                guard let last = jobs.last else { break }
                let vectors = try await embedder.embed(jobs.map(\.text))
                try await store.store(Array(zip(jobs, vectors)), at: Date())
                embeddings.index.apply(zip(jobs, vectors).map { ($0.jobID, $1) }, model: model)
                embedded += jobs.count
                after = last.jobID
            }
        }
        try await store.deleteOtherModels()
        return embedded
    }
}
