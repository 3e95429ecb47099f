import CareerCopilotCore
import Fluent
import Foundation
import SQLKit
import Search
import Vapor

/// `career-copilot bench-search`: search on the jobs already stored (fill them with
/// `bench-seed`). Jobs without a vector get one: `--distinct` postings are embedded for real
/// and the rest take one of theirs with a little noise (the latency of an exact search does
/// not depend on the numbers; embedding 100,000 postings would take hours). Prints the time
/// to load the index and the memory it takes, the time to embed a query, and p50/p99 of a
/// first page in each mode.
struct BenchSearchCommand: AsyncCommand {
    let services: AppServices

    struct Signature: CommandSignature {
        @Option(name: "requests", help: "Searches to time per mode (default 200)")
        var requests: Int?
        @Option(name: "distinct", help: "Postings embedded for real before the rest are synthesised (default 256)")
        var distinct: Int?
    }

    var help: String { "Benchmarks semantic, keyword and hybrid search on the stored jobs" }

    static let queries = [
        "backend role building payment systems in Go", "remote nursing job at night", "teach english to children abroad",
        "keep servers running and be on call", "make mobile apps for iphone", "number crunching for a bank", "kubernetes terraform",
        "data pipelines with spark and airflow", "design user interfaces", "sales role selling software to companies",
        "machine learning models in production", "help customers with their problems", "write marketing copy", "senior python developer",
        "frontend react typescript", "security engineer penetration testing", "product manager for a fintech", "devops engineer aws",
        "junior data analyst sql", "embedded firmware in C",
    ]

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let database = app.db
        let embeddings = services.embeddings
        guard let model = embeddings.model else { throw EmbeddingError("CC_EMBEDDINGS is off") }
        let embedder = try embeddings.embedder().get()
        let jobs = try await database.sql.raw("SELECT count(*) AS count FROM jobs").first()?.decode(column: "count", as: Int.self) ?? 0
        let (real, synthetic) = try await fill(database, model: model, embedder: embedder, distinct: signature.distinct ?? 256)
        context.console.print("# Search at \(jobs) jobs — model \(model), \(database.dialect == .postgres ? "PostgreSQL" : "SQLite")")
        context.console.print("Vectors added now: \(real) embedded, \(synthetic) synthesised from them")

        let before = Self.residentBytes()
        let loadStart = Date()
        let index = SemanticIndex()
        try await index.refresh(model: model, on: database, force: true)
        let loadSeconds = Date().timeIntervalSince(loadStart)
        let memory = Double(Self.residentBytes() - before) / 1_048_576
        context.console.print(String(format: "Index load: %d vectors in %.2f s; resident memory +%.0f MB", index.count, loadSeconds, memory))

        var queryMs: [Double] = []
        for query in Self.queries {
            let start = Date()
            _ = try await embedder.embed([query])
            queryMs.append(Date().timeIntervalSince(start) * 1000)
        }
        queryMs.sort()
        context.console.print(
            String(format: "Query embedding: p50 %.1f ms, max %.1f ms (%d queries, cached after)", queryMs[queryMs.count / 2], queryMs.last ?? 0, queryMs.count)
        )
        for query in Self.queries { _ = try await embeddings.queryVector(query) }

        let requests = signature.requests ?? 200
        context.console.print("")
        context.console.print("| mode | p50 ms | p99 ms | searches |")
        context.console.print("|---|---|---|---|")
        for mode in [SearchMode.semantic, .keyword, .hybrid] {
            var next = 0
            let search = JobSearch(database: database, viewer: 1, embeddings: embeddings)
            let timing = try await BenchMatchCommand.timed(requests) {
                let query = Self.queries[next % Self.queries.count]
                next += 1
                let outcome = try await search.search(JobSearchRequest(text: query, mode: mode))
                if outcome.mode != mode { throw EmbeddingError("answered in \(outcome.mode) mode: \(outcome.notice ?? "")") }
            }
            context.console.print(String(format: "| %@ | %.1f | %.1f | %d |", mode.rawValue, timing.p50, timing.p99, requests))
        }
    }

    /// Gives every job a vector: `distinct` embedded, the rest copies of those with noise.
    private func fill(_ database: any Database, model: String, embedder: any TextEmbedder, distinct: Int) async throws -> (Int, Int) {
        let store = JobEmbeddings(database: database, model: model)
        var bases: [[Float]] = []
        var real = 0
        var synthetic = 0
        var generator = SystemRandomNumberGenerator()
        var after = 0
        while true {
            let stale = try await store.stale(after: after, limit: bases.count < distinct ? 32 : 1_000)
            guard let last = stale.last else { break }
            let vectors: [[Float]]
            if bases.count < distinct {
                vectors = try await embedder.embed(stale.map(\.text))
                bases += vectors
                real += vectors.count
            } else {
                vectors = stale.indices.map { index in
                    let base = bases[(after + index) % bases.count]
                    return MiniLM.unitLength(base.map { $0 + Float.random(in: -0.05...0.05, using: &generator) })
                }
                synthetic += vectors.count
            }
            try await store.store(Array(zip(stale, vectors)), at: Date())
            after = last.jobID
        }
        return (real, synthetic)
    }

    /// This process's resident memory (Linux `/proc/self/statm`; 0 elsewhere).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }
}
