import CareerCopilotCore
import Fluent
import Foundation
import Matching
import SQLKit

/// The jobs that fit the user best: active, visible to them, not ruled out by a hard
/// preference, not at a company they hide — best stored score first, each with its match
/// computed afresh. Jobs they already applied to are left out (`showApplied` marks them
/// instead): by the job's id, and by company and title (`AppliedJobs`), so that the same
/// role reposted on another board counts as applied too.
///
/// They are the best `limit` jobs, not every scored one: the job list sorted by match
/// (`sort=-match`) goes further. The cap also keeps the count cheap: counting every match
/// joins each one to its job, 270 ms at 100,000 jobs on SQLite; counting to 200 stops there.
struct Recommendations {
    let database: any Database
    let user: CurrentUser
    let now: Date
    var limit = 200

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
        let total =
            try await database.sql.raw(
                """
                SELECT count(*) AS count FROM (SELECT 1 FROM job_matches m JOIN jobs ON jobs.id = m.job_id WHERE \(filter)
                LIMIT \(unsafeRaw: String(limit))) best
                """
            ).first()?.decode(column: "count", as: Int.self) ?? 0
        guard paging.offset < total else { return ([], total) }
        // A few more than a page: reposts of applied jobs found below are dropped from it.
        let rows = try await database.sql.raw(
            """
            SELECT \(SQLList(JobRecord.columns.map { SQLColumn($0, table: "jobs") })) FROM job_matches m JOIN jobs ON jobs.id = m.job_id
            WHERE \(filter) ORDER BY m.score DESC, jobs.id DESC
            LIMIT \(unsafeRaw: String(min(paging.pageSize, total - paging.offset) + 10)) OFFSET \(unsafeRaw: String(paging.offset))
            """
        ).all()
        let records = try rows.map(JobRecord.init(row:))
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
            jobs.append(dto)
        }
        let page = jobs.sorted { ($0.match?.score ?? 0, $0.job.id) > ($1.match?.score ?? 0, $1.job.id) }
        return (page, total)
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
