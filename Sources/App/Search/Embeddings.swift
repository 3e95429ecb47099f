import AsyncHTTPClient
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Search

/// Semantic search's parts in one process: the configured embedder (the offline model is
/// loaded on first use, and looked for again a minute after it was missing), this process's
/// copy of the vectors, and recent query vectors.
final class Embeddings: Sendable {
    let configuration: AppConfiguration.Embedder
    let index = SemanticIndex()
    private let client: HTTPClient
    private let loaded = NIOLockedValueBox<(embedder: (any TextEmbedder)?, problem: String?, at: Date)?>(nil)
    private let queries = NIOLockedValueBox<[String: [Float]]>([:])
    private let lastStatus = NIOLockedValueBox<(status: Status, at: Date)?>(nil)
    static let retryMissingModel: TimeInterval = 60
    static let cachedQueries = 512
    /// Below this share of the catalogue embedded (the first run, a change of model),
    /// searches answer with keywords alone.
    static let minimumCoverage = 0.9

    init(_ configuration: AppConfiguration.Embedder, client: HTTPClient) {
        self.configuration = configuration
        self.client = client
    }

    /// The name stored with each vector, known without loading anything; nil when off.
    var model: String? {
        switch configuration {
        case .local: LocalEmbedder.modelName
        case let .remote(settings): RemoteTextEmbedder(settings: settings, client: client).model
        case .off: nil
        }
    }

    /// The embedder, or why there is none.
    func embedder() -> Result<any TextEmbedder, EmbeddingError> {
        switch configuration {
        case .off:
            return .failure(EmbeddingError("Semantic search is off (CC_EMBEDDINGS=off)"))
        case let .remote(settings):
            return .success(RemoteTextEmbedder(settings: settings, client: client))
        case let .local(directory):
            return loaded.withLockedValue { state in
                if let state, state.embedder != nil || Date().timeIntervalSince(state.at) < Self.retryMissingModel {
                    return state.embedder.map { .success($0) } ?? .failure(EmbeddingError(state.problem ?? ""))
                }
                do {
                    let embedder = LocalEmbedder(try SentenceEmbedder(directory: URL(fileURLWithPath: directory)))
                    state = (embedder, nil, Date())
                    return .success(embedder)
                } catch {
                    let problem =
                        FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent("model.safetensors"))
                        ? "The offline model in \(directory) could not be read (\(error)); run `career-copilot models fetch` to fetch it again"
                        : "The offline model is not in \(directory) yet: run `career-copilot models fetch` (scripts/run does it)"
                    state = (nil, problem, Date())
                    return .failure(EmbeddingError(problem))
                }
            }
        }
    }

    /// The vector of a search text, from the cache when it was asked for lately. A remote
    /// server gets one short try: a search does not wait for a slow or silent one.
    func queryVector(_ text: String) async throws -> [Float] {
        if let cached = queries.withLockedValue({ $0[text] }) { return cached }
        let embedder = try embedder().get()
        let quick: any TextEmbedder = (embedder as? RemoteTextEmbedder)?.forQueries ?? embedder
        let vector = try await quick.embed([text])[0]
        queries.withLockedValue { cache in
            if cache.count >= Self.cachedQueries { cache.removeAll(keepingCapacity: true) }
            cache[text] = vector
        }
        return vector
    }

    /// Where semantic search stands, for `/health`, the UI and the search itself.
    struct Status: Encodable, Sendable {
        enum State: String, Encodable, Sendable { case ready, indexing, unavailable, off }
        var state: State
        var model: String?
        var embedded: Int
        var jobs: Int
        var message: String?
        /// Share of the catalogue embedded, 0…1.
        var progress: Double { jobs == 0 ? 1 : min(1, Double(embedded) / Double(jobs)) }

        /// Searches by meaning when the embedder is there and most jobs have vectors.
        var usable: Bool { state == .ready || (state == .indexing && progress >= Embeddings.minimumCoverage) }

        enum CodingKeys: String, CodingKey { case state, model, embedded, jobs, progress, message }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(state, forKey: .state)
            try container.encodeIfPresent(model, forKey: .model)
            try container.encode(embedded, forKey: .embedded)
            try container.encode(jobs, forKey: .jobs)
            try container.encode((progress * 1000).rounded() / 1000, forKey: .progress)
            try container.encodeIfPresent(message, forKey: .message)
        }
    }

    /// The model whose vectors this process's index now holds up to date, when semantic search
    /// is usable; else nil, and the status says why.
    func readyModel(on database: any Database) async throws -> (model: String?, status: Status) {
        let status = try await status(on: database)
        guard status.usable, let model = status.model else { return (nil, status) }
        try await index.refresh(model: model, on: database)
        return (model, status)
    }

    /// How complete the vectors of the configured model are: asked of the database at most
    /// once a second, every search in between gets the same answer.
    func status(on database: any Database) async throws -> Status {
        if let last = lastStatus.withLockedValue({ $0 }), Date().timeIntervalSince(last.at) < SemanticIndex.refreshInterval { return last.status }
        let status = try await currentStatus(on: database)
        lastStatus.withLockedValue { $0 = (status, Date()) }
        return status
    }

    private func currentStatus(on database: any Database) async throws -> Status {
        guard let model else { return Status(state: .off, model: nil, embedded: 0, jobs: 0, message: "Semantic search is off (CC_EMBEDDINGS=off)") }
        let jobs = try await database.sql.raw("SELECT count(*) AS count FROM jobs").first()?.decode(column: "count", as: Int.self) ?? 0
        if case let .failure(problem) = embedder() {
            return Status(state: .unavailable, model: model, embedded: 0, jobs: jobs, message: problem.description)
        }
        let embedded = try await JobEmbeddings(database: database, model: model).summary().count
        let state: Status.State = embedded >= jobs ? .ready : .indexing
        let message = state == .ready ? nil : "Embedding jobs for semantic search: \(embedded) of \(jobs)"
        return Status(state: state, model: model, embedded: embedded, jobs: jobs, message: message)
    }
}
