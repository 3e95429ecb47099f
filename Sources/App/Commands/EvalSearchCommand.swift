import CareerCopilotCore
import Fluent
import Foundation
import Logging
import SQLKit
import Search
import Vapor

/// `career-copilot eval-search --jobs FILE --queries FILE`: the quality of search on a graded
/// evaluation set (Tests/SearchTests/Fixtures/evaluation): loads the jobs into the configured
/// (empty) database, embeds them, runs every query in each mode as a user would, and prints
/// nDCG@10 and recall@10 per mode. Relevance grades are 1–3; unlisted jobs are 0.
struct EvalSearchCommand: AsyncCommand {
    let services: AppServices

    struct Signature: CommandSignature {
        @Option(name: "jobs", help: "JSON array of {id, title, company, location, description}")
        var jobs: String?
        @Option(name: "queries", help: "JSON array of {query, relevant: {job id: grade}}")
        var queries: String?
    }

    var help: String { "Prints nDCG@10 and recall@10 of keyword, semantic and hybrid search on an evaluation set" }

    struct EvalJob: Decodable { let id, title, company: String; let location: String?; let description: String }
    /// `kind`: "keyword" when most of its words appear in its best answers, "paraphrase" when few do.
    struct EvalQuery: Decodable { let query: String; let relevant: [String: Int]; let kind: String? }

    func run(using context: CommandContext, signature: Signature) async throws {
        let directory = "Tests/SearchTests/Fixtures/evaluation"
        let jobs = try JSONDecoder().decode([EvalJob].self, from: Data(contentsOf: URL(fileURLWithPath: signature.jobs ?? "\(directory)/jobs.json")))
        let queries = try JSONDecoder().decode(
            [EvalQuery].self, from: Data(contentsOf: URL(fileURLWithPath: signature.queries ?? "\(directory)/queries.json")))
        let app = context.application
        try await app.autoMigrate()
        let database = app.db
        guard try await database.sql.raw("SELECT count(*) AS count FROM jobs").first()?.decode(column: "count", as: Int.self) == 0 else {
            throw EmbeddingError("eval-search needs an empty database (set CC_DATA_DIR to a new directory)")
        }
        // The jobs, as the API adds them (shared), then embedded as the background task does.
        var idOf: [String: Int] = [:]
        let owner = CurrentUser(id: 1, isAdmin: true)
        for job in jobs {
            var body: [String: JSONValue] = [
                "title": .string(job.title), "company": .string(job.company), "description": .string(job.description), "is_private": false,
            ]
            if let location = job.location { body["location"] = .string(location) }
            let created = try await JobService(database: database).create(try JobDraft.read(.object(body), creating: true), by: owner)
            idOf[job.id] = try created.requireID()
        }
        let start = Date()
        guard let model = services.embeddings.model else { throw EmbeddingError("CC_EMBEDDINGS is off") }
        let embedded = try await EmbeddingRefreshHandler(embeddings: services.embeddings)
            .embedStale(with: try services.embeddings.embedder().get(), model: model, on: database)
        context.console.print("\(embedded) jobs embedded in \(String(format: "%.1f", Date().timeIntervalSince(start))) s; \(queries.count) queries")
        context.console.print("")
        let kinds = Dictionary(grouping: queries) { $0.kind ?? "other" }
        context.console.print(
            "| mode | nDCG@10 | recall@10 | " + kinds.keys.sorted().map { "nDCG@10, \($0) (\(kinds[$0]!.count))" }.joined(separator: " | ") + " |")
        context.console.print("|---|---|---|" + String(repeating: "---|", count: kinds.count))
        for mode in SearchMode.allCases.reversed() {
            var ndcg: [String: Double] = [:]
            var recall = 0.0
            for query in queries {
                let grades = Dictionary(uniqueKeysWithValues: query.relevant.compactMap { key, grade in idOf[key].map { ($0, grade) } })
                let outcome = try await JobSearch(database: database, viewer: 1, embeddings: services.embeddings)
                    .search(JobSearchRequest(text: query.query, mode: mode, page: Paging(page: 1, pageSize: 10)))
                guard outcome.mode == mode else { throw EmbeddingError("answered in \(outcome.mode) mode: \(outcome.notice ?? "")") }
                let ranked = outcome.jobs.map(\.record.id)
                ndcg[query.kind ?? "other", default: 0] += SearchQuality.ndcg(ranked, grades: grades, at: 10)
                recall += SearchQuality.recall(ranked, grades: grades, at: 10)
            }
            let count = Double(max(queries.count, 1))
            let byKind = kinds.keys.sorted().map { String(format: "%.3f", (ndcg[$0] ?? 0) / Double(kinds[$0]!.count)) }
            context.console.print(
                String(format: "| %@ | %.3f | %.3f | ", mode.rawValue, ndcg.values.reduce(0, +) / count, recall / count) + byKind.joined(separator: " | ")
                    + " |")
        }
    }
}

/// Ranking quality against graded relevance.
enum SearchQuality {
    /// Normalised discounted cumulative gain of the first `k`: gain 2^grade − 1, discount log2(rank + 1).
    static func ndcg(_ ranked: [Int], grades: [Int: Int], at k: Int) -> Double {
        func dcg(_ gains: [Int]) -> Double {
            gains.prefix(k).enumerated().reduce(0) { sum, item in sum + (pow(2, Double(item.element)) - 1) / log2(Double(item.offset) + 2) }
        }
        let ideal = dcg(grades.values.sorted(by: >))
        return ideal == 0 ? 0 : dcg(ranked.map { grades[$0] ?? 0 }) / ideal
    }

    /// The share of the relevant jobs (any grade) found in the first `k`.
    static func recall(_ ranked: [Int], grades: [Int: Int], at k: Int) -> Double {
        let relevant = grades.filter { $0.value > 0 }.count
        guard relevant > 0 else { return 0 }
        return Double(ranked.prefix(k).filter { (grades[$0] ?? 0) > 0 }.count) / Double(relevant)
    }
}
