import CareerCopilotCore
import Fluent
import Foundation
import SQLKit
import Search

/// A ranked search of the jobs a user may see, by words, by meaning, or both fused by
/// reciprocal rank (decision 0023). Every filter of the job list applies: each ranking is
/// computed among the jobs the list's conditions admit. At most `maxResults` jobs are ranked.
struct JobSearch {
    let database: any Database
    let viewer: Int
    let embeddings: Embeddings

    /// Jobs each ranking keeps; also the most a search returns.
    static let maxResults = 200
    /// Below this cosine similarity a job is not about the text at all (all-MiniLM-L6-v2
    /// gives unrelated texts 0 to 0.2).
    static let semanticFloor: Float = 0.2
    static let similarCandidates = 50

    struct Outcome {
        var jobs: [(record: JobRecord, score: Double)]
        var total: Int
        /// The mode that answered: `keyword` when semantic search is not ready.
        var mode: SearchMode
        var notice: String?
    }

    func search(_ query: JobSearchRequest) async throws -> Outcome {
        var filter = query.filter
        filter.viewer = viewer
        // The text ranks; only skills written with signs ("C++") still filter, as in lists:
        // full-text search cannot find them as words.
        let terms = SearchTerms(query.text)
        filter.keywords = nil
        let ranking: [(id: Int, score: Double)]
        var mode = query.mode
        var notice: String?
        var vector: [Float]?
        if mode != .keyword {
            do {
                let (model, status) = try await embeddings.readyModel(on: database)
                if model != nil {
                    vector = try await embeddings.queryVector(query.text)
                } else {
                    notice = (status.message ?? "Semantic search is not ready") + "; these results match the words only"
                }
            } catch let error as EmbeddingError {
                notice = "\(error.description); these results match the words only"
            }
            if vector == nil { mode = .keyword }
        }
        switch (mode, vector) {
        case let (.semantic, vector?):
            ranking = try await semantic(vector, filter).map { ($0.id, Double($0.score)) }
        case let (.hybrid, vector?):
            // Meaning finds what is related; words add the jobs that say what was asked, so
            // here a job must have at least half of the words (decision 0023).
            async let byWords = keyword(terms, filter, minimumMatch: true)
            async let byMeaning = semantic(vector, filter)
            let fused = RankFusion.fuse([try await byWords.map(\.id), try await byMeaning.map(\.id)])
            ranking = Array(fused.prefix(Self.maxResults))
        default:
            ranking = try await keyword(terms, filter)
        }
        let page = ranking.dropFirst(query.page.offset).prefix(query.page.pageSize)
        let records = try await JobReader(database: database, viewer: viewer).records(page.map(\.id))
        let scores = Dictionary(uniqueKeysWithValues: page.map { ($0.id, $0.score) })
        return Outcome(jobs: records.map { ($0, scores[$0.id] ?? 0) }, total: ranking.count, mode: mode, notice: notice)
    }

    /// The open jobs most alike in meaning to `jobID` (itself left out) among its
    /// `similarCandidates` nearest, which the index keeps until vectors change; none before
    /// it has a vector or when semantic search is not ready.
    /// `hiddenCompanies` is asked only when there is something to filter.
    func similar(
        to jobID: Int, hiddenCompanies: () async throws -> [String], limit: Int = 5
    ) async throws -> [(record: JobRecord, score: Double)] {
        guard let model = try await embeddings.readyModel(on: database).model,
            let candidates = embeddings.index.neighbours(of: jobID, model: model, k: Self.similarCandidates)
        else { return [] }
        let alike = candidates.filter { $0.id != jobID && $0.score >= Self.semanticFloor }
        guard !alike.isEmpty else { return [] }
        var filter = JobFilter()
        filter.viewer = viewer
        filter.isActive = true
        filter.hiddenCompanies = try await hiddenCompanies()
        let admitted = try await admittedIDs(among: alike.map(\.id), JobReader(database: database, viewer: viewer).conditions(filter, manyTextMatches: false))
        let nearest = alike.filter { admitted.contains($0.id) }.prefix(limit)
        let records = try await JobReader(database: database, viewer: viewer).records(nearest.map(\.id))
        let scores = Dictionary(uniqueKeysWithValues: nearest.map { ($0.id, Double($0.score)) })
        return records.map { ($0, scores[$0.id] ?? 0) }
    }

    /// Jobs with any of the words, best first: FTS5's bm25 with the title weighing most, or
    /// PostgreSQL's `ts_rank` over the weighted `search_vector`. Skills written with signs
    /// ("C++") must be asked for; with no words besides, those jobs come newest first.
    ///
    /// The best `keywordCandidates` by words alone are ranked first and the filters checked on
    /// them: joining every match to its job (a common word matches most of 100,000) cost
    /// 125 ms. When the filters leave fewer than a page of results from a full candidate
    /// list, every match is checked instead.
    func keyword(_ terms: SearchTerms, _ filter: JobFilter, minimumMatch: Bool = false) async throws -> [(id: Int, score: Double)] {
        let full = RankedQuery(terms.plainText)
        let query = try await withoutCommonWords(full)
        let conditions =
            JobReader(database: database, viewer: viewer).conditions(filter, manyTextMatches: false)
            + terms.skills.map { JobReader.asksFor(skill: TextNormalizer.key($0)) }
        let filters = conditions.joined(separator: " AND ")
        let limit: SQLQueryString = "LIMIT \(unsafeRaw: String(Self.maxResults))"
        if query.isEmpty {
            guard !terms.skills.isEmpty else { return [] }
            return try await rows(
                "SELECT jobs.id AS id, CAST(1 AS DOUBLE PRECISION) AS score FROM jobs WHERE \(filters) ORDER BY jobs.posted_at DESC, jobs.id DESC \(limit)")
        }
        // The best `candidates` by words; on PostgreSQL each row says how many jobs matched in
        // all (FTS5's bm25 cannot be used beside a window function: SQLite counts apart).
        func matches(_ candidates: Int?) -> SQLQueryString {
            let inner: SQLQueryString = candidates.map { "ORDER BY score DESC LIMIT \(unsafeRaw: String($0))" } ?? ""
            switch database.dialect {
            case .sqlite:
                return """
                    SELECT rowid AS id, -bm25(jobs_fts, 8.0, 3.0, 1.0, 1.0) AS score, NULL AS matched
                    FROM jobs_fts WHERE jobs_fts MATCH \(bind: query.fts5) \(inner)
                    """
            case .postgres:
                return """
                    SELECT jobs.id AS id, ts_rank(jobs.search_vector, to_tsquery('simple', \(bind: full.tsQuery)), 1)::float8 AS score,
                    count(*) OVER () AS matched
                    FROM jobs, to_tsquery('simple', \(bind: query.tsQuery)) AS q(query) WHERE jobs.search_vector @@ q.query \(inner)
                    """
            }
        }
        // At least half of the terms: the sum of one test per term.
        let termTests: [SQLQueryString] =
            switch database.dialect {
            case .sqlite: query.fts5Terms.map { "(jobs.id IN (SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH \(bind: $0)))" }
            case .postgres: query.tsQueryTerms.map { "(jobs.search_vector @@ to_tsquery('simple', \(bind: $0)))::int" }
            }
        let enough: SQLQueryString =
            minimumMatch && query.minimumMatch > 1 ? "AND \(termTests.joined(separator: " + ")) >= \(unsafeRaw: String(query.minimumMatch))" : ""
        func ranked(_ candidates: Int?) -> SQLQueryString {
            """
            SELECT jobs.id AS id, f.score AS score, f.matched AS matched FROM (\(matches(candidates))) f JOIN jobs ON jobs.id = f.id
            WHERE \(filters) \(enough) ORDER BY f.score DESC, jobs.id DESC \(limit)
            """
        }
        let first = try await database.sql.raw(ranked(Self.keywordCandidates)).all()
        let results = try first.map { (id: try $0.decode(column: "id", as: Int.self), score: try $0.decode(column: "score", as: Double.self)) }
        guard results.count < Self.maxResults else { return results }
        // Fewer than a page of results: complete unless the candidates were cut short.
        var matched = try first.first?.decode(column: "matched", as: Int?.self)
        if matched == nil {
            matched = try await database.sql.raw("SELECT count(*) AS count FROM (\(matches(Self.keywordCandidates))) c").first()?
                .decode(column: "count", as: Int.self)
        }
        return (matched ?? 0) <= Self.keywordCandidates ? results : try await rows(ranked(nil))
    }

    /// Candidates ranked by words before the filters are checked.
    static let keywordCandidates = 1_000
    /// A word in more than this share of the jobs barely tells them apart (bm25's weight of
    /// it is small) but costs a score for each of them: left out when rarer words remain.
    /// On PostgreSQL, where scoring a match costs about 20 µs (against 2 on SQLite), 2 %; the
    /// common words still count in the rank of the jobs the others find.
    static func commonWordShare(_ dialect: DatabaseDialect) -> Double { dialect == .postgres ? 0.02 : 0.1 }
    static let commonWordsFrom = 1_000

    /// The query without words that more than `commonWordShare` of the jobs contain (a
    /// prefix counts every word it begins): on SQLite counted by the full-text index's
    /// vocabulary, on PostgreSQL read from the planner's statistics of `search_vector` (its
    /// most common lexemes and their shares, kept by ANALYZE).
    /// Below `commonWordsFrom` jobs every word is cheap to rank, and a share says little.
    private func withoutCommonWords(_ query: RankedQuery) async throws -> RankedQuery {
        let words = query.terms.filter { $0.count == 1 }.map { $0[0] }
        guard query.terms.count > 1, !words.isEmpty else { return query }
        let estimate: SQLQueryString =
            database.dialect == .sqlite
            ? "SELECT count(*) AS count FROM jobs" : "SELECT reltuples::bigint AS count FROM pg_class WHERE oid = to_regclass('jobs')"
        let jobs = try await database.sql.raw(estimate).first()?.decode(column: "count", as: Int?.self) ?? 0
        guard jobs >= Self.commonWordsFrom else { return query }
        var common: Set<String> = []
        switch database.dialect {
        case .sqlite:
            for word in words {
                let documents =
                    try await database.sql.raw(
                        "SELECT COALESCE(sum(doc), 0) AS count FROM jobs_fts_vocabulary WHERE term >= \(bind: word) AND term < \(bind: word + "\u{10FFFF}")"
                    ).first()?.decode(column: "count", as: Int.self) ?? 0
                if Double(documents) > Self.commonWordShare(.sqlite) * Double(jobs) { common.insert(word) }
            }
        case .postgres:
            let row = try await database.sql.raw(
                """
                SELECT most_common_elems::text::text[] AS words, most_common_elem_freqs::float8[] AS shares FROM pg_stats
                WHERE schemaname = current_schema() AND tablename = 'jobs' AND attname = 'search_vector'
                """
            ).first()
            let lexemes = try row?.decode(column: "words", as: [String]?.self) ?? []
            let shares = try row?.decode(column: "shares", as: [Double]?.self) ?? []
            for word in words {
                let share = zip(lexemes, shares).reduce(0) { sum, entry in entry.0.hasPrefix(word) ? sum + entry.1 : sum }
                if share > Self.commonWordShare(.postgres) { common.insert(word) }
            }
        }
        return query.dropping(common: common)
    }

    private func rows(_ sql: SQLQueryString) async throws -> [(id: Int, score: Double)] {
        try await database.sql.raw(sql).all().map { row in
            (try row.decode(column: "id", as: Int.self), try row.decode(column: "score", as: Double.self))
        }
    }

    /// Jobs nearest in meaning, at least `semanticFloor` alike. The index is searched for a
    /// few candidates more than needed and the list's conditions checked in SQL; when the
    /// filters leave too few, for eight times as many; when they still do, among exactly the
    /// jobs the filters admit.
    func semantic(_ vector: [Float], _ filter: JobFilter, limit: Int = maxResults) async throws -> [(id: Int, score: Float)] {
        guard let model = embeddings.model else { return [] }
        let conditions = JobReader(database: database, viewer: viewer).conditions(filter, manyTextMatches: false)
        for k in [limit, limit * 8] {
            guard let candidates = embeddings.index.nearest(to: vector, model: model, k: k) else { return [] }
            let alike = candidates.filter { $0.score >= Self.semanticFloor }
            guard !alike.isEmpty else { return [] }
            let admitted = try await admittedIDs(among: alike.map(\.id), conditions)
            let ranked = alike.filter { admitted.contains($0.id) }
            if ranked.count >= limit || alike.count < candidates.count || candidates.count < k {
                return Array(ranked.prefix(limit))
            }
        }
        let admitted = try await admittedIDs(among: nil, conditions)
        let ranked = embeddings.index.nearest(to: vector, model: model, k: limit, allowed: admitted.contains) ?? []
        return ranked.filter { $0.score >= Self.semanticFloor }
    }

    /// The jobs among `ids` (nil: all) that the conditions admit.
    private func admittedIDs(among ids: [Int]?, _ conditions: [SQLQueryString]) async throws -> Set<Int> {
        let among: SQLQueryString = ids.map { "jobs.id IN \(SQLBind.group($0)) AND " } ?? ""
        let rows = try await database.sql.raw("SELECT jobs.id AS id FROM jobs WHERE \(among)\(conditions.joined(separator: " AND "))").all()
        return Set(try rows.map { try $0.decode(column: "id", as: Int.self) })
    }
}
