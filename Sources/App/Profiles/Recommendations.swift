import CareerCopilotCore
import Fluent
import Foundation
import Matching
import SQLKit
import Search

/// The jobs that fit the user best: active, visible to them, not ruled out by a hard
/// preference, not at a company they hide — best stored score first, each with its match
/// computed afresh. Jobs they already applied to are left out (`showApplied` marks them
/// instead): by the job's id, and by company and title (`AppliedJobs`), so that the same
/// role reposted on another board counts as applied too.
///
/// They are the best `limit` jobs, not every scored one: the job list sorted by match
/// (`sort=-match`) goes further. The cap also keeps the count cheap: counting every match
/// joins each one to its job, 270 ms at 100,000 jobs on SQLite; reading 200 stops there.
///
/// With semantic search ready, those jobs are ordered by a blend of the explainable score
/// and how alike in meaning posting and profile are (decision 0023): `fit` =
/// (1 − `similarityWeight`) × score + `similarityWeight` × 100 × similarity.
struct Recommendations {
    let database: any Database
    let user: CurrentUser
    let now: Date
    var embeddings: Embeddings?
    var limit = 200
    static let similarityWeight = 0.3

    /// A page of recommendations and how many there are; nil when the user has no profile.
    func page(_ paging: Paging, showApplied: Bool) async throws -> (jobs: [JobDTO], total: Int)? {
        guard let scorer = try await MatchScorer.load(for: user, on: database, now: now) else { return nil }
        // The job list's own conditions: visible to the user, open, not at a hidden company.
        var listed = JobFilter()
        listed.viewer = user.id
        listed.isActive = true
        listed.hiddenCompanies = try await BlocklistService(database: database, user: user).hiddenKeys()
        let reader = JobReader(database: database, viewer: user.id)
        var conditions = reader.conditions(listed, manyTextMatches: false)
        conditions += ["m.user_id = \(bind: user.id)", "m.passes = \(bind: true)"]
        if !showApplied { conditions.append("jobs.id NOT IN (SELECT job_id FROM applications WHERE user_id = \(bind: user.id))") }
        let filter = SQLList(conditions, separator: SQLRaw(" AND "))
        let best = try await database.sql.raw(
            """
            SELECT jobs.id AS id, m.score AS score FROM job_matches m JOIN jobs ON jobs.id = m.job_id WHERE \(filter)
            ORDER BY m.score DESC, jobs.id DESC LIMIT \(unsafeRaw: String(limit))
            """
        ).all().map { (id: try $0.decode(column: "id", as: Int.self), score: try $0.decode(column: "score", as: Int.self)) }
        let total = best.count
        guard paging.offset < total else { return ([], total) }
        let similarity = try await similarities(of: best.map(\.id), to: scorer.searchText)
        let ranked =
            similarity.isEmpty
            ? best.map(\.id)
            : best.sorted { left, right in
                (Self.fit(left.score, similarity[left.id]), left.id) > (Self.fit(right.score, similarity[right.id]), right.id)
            }.map(\.id)
        // A few more than a page: reposts of applied jobs found below are dropped from it.
        let records = try await reader.records(Array(ranked.dropFirst(paging.offset).prefix(min(paging.pageSize, total - paging.offset) + 10)))
        let applied = try await appliedJobs()
        var jobs: [JobDTO] = []
        let wanted = min(paging.pageSize, total - paging.offset)
        // Matches are computed for the jobs shown only, not for the spares.
        for var dto in try await reader.dtos(records) where jobs.count < wanted {
            if let entry = applied.match(jobID: dto.job.id, title: dto.job.title, company: dto.job.company, url: dto.job.url) {
                guard showApplied else { continue }
                dto.applied = JobDTO.AppliedMark(
                    jobID: entry.jobID, title: entry.title, company: entry.company,
                    reason: entry.jobID == dto.job.id ? "you applied to this job" : "you applied to the same role at \(entry.company)")
            }
            dto.match = scorer.match(dto.job, skills: dto.skills)
            dto.similarity = similarity[dto.job.id]
            jobs.append(dto)
        }
        let page = jobs.sorted { (Self.fit($0.match?.score ?? 0, $0.similarity), $0.job.id) > (Self.fit($1.match?.score ?? 0, $1.similarity), $1.job.id) }
        return (page, total)
    }

    /// The blend; a job without a vector yet is ranked by its score alone.
    static func fit(_ score: Int, _ similarity: Double?) -> Double {
        guard let similarity else { return Double(score) }
        return (1 - similarityWeight) * Double(score) + similarityWeight * 100 * max(0, similarity)
    }

    /// Cosine similarity of each job's vector to the profile's, when semantic search is ready.
    private func similarities(of jobIDs: [Int], to profileText: String) async throws -> [Int: Double] {
        guard let embeddings, !profileText.isEmpty, let model = try await embeddings.readyModel(on: database).model,
            let profile = try? await embeddings.queryVector(profileText)
        else { return [:] }
        var similarity: [Int: Double] = [:]
        for id in jobIDs {
            if let vector = embeddings.index.vector(of: id, model: model) { similarity[id] = Double(SentenceEmbedder.cosine(profile, vector)) }
        }
        return similarity
    }

    /// The jobs of the user's applications, saved ones too: they are tracked already.
    private func appliedJobs() async throws -> AppliedJobs {
        let rows = try await database.sql.raw(
            """
            SELECT jobs.id, jobs.title, jobs.company, jobs.url FROM applications JOIN jobs ON jobs.id = applications.job_id
            WHERE applications.user_id = \(bind: user.id)
            """
        ).all()
        return AppliedJobs(
            try rows.map {
                AppliedJobs.Entry(
                    jobID: try $0.decode(column: "id", as: Int.self), title: try $0.decode(column: "title", as: String.self),
                    company: try $0.decode(column: "company", as: String.self), url: try $0.decode(column: "url", as: String?.self))
            })
    }
}
