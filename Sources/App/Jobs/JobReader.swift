import CareerCopilotCore
import Fluent
import Foundation
import SQLKit

/// Reads the jobs a user may see — the shared catalogue and their own private jobs: filtered,
/// sorted pages, single jobs and their skills, in SQL.
struct JobReader {
    let database: any Database
    /// Whose private jobs are read besides the catalogue (nil: the catalogue alone).
    let viewer: Int?
    /// Totals of recent lists; nil counts every time.
    var counts: CountCache?

    /// Above this many full-text matches, walking the sort's index beats sorting the matches.
    static let manyMatches = 1_000

    func list(filter: JobFilter, sort: Sorting<JobFilter.SortField>, page: Paging) async throws -> (jobs: [JobRecord], total: Int) {
        var filter = filter
        filter.viewer = viewer
        let total: Int
        if let counts {
            total = try await counts.count(for: filter) { try await count(filter) }
        } else {
            total = try await count(filter)
        }
        guard total > page.offset else { return ([], total) }
        let select = database.sql.select().columns(JobRecord.columns.map { SQLColumn($0, table: "jobs") }).from("jobs")
        for condition in conditions(filter, manyTextMatches: total >= Self.manyMatches) { select.where(condition) }
        for expression in sortExpressions(sort) { select.orderBy(expression) }
        let jobs = try await select.limit(page.pageSize).offset(page.offset).all().map(JobRecord.init(row:))
        return (jobs, total)
    }

    /// How many jobs match. On SQLite the full-text index counts text-only searches by itself,
    /// less the few private jobs of others (read from their index).
    private func count(_ filter: JobFilter) async throws -> Int {
        struct Count: Decodable { let count: Int }
        if database.dialect == .sqlite, filter.isTextOnly,
            let match = SearchTerms.fts5Query(keywords: filter.keywords, location: filter.location)
        {
            let row = try await database.sql.raw(
                """
                SELECT count(*) AS count FROM jobs_fts WHERE jobs_fts MATCH \(bind: match)
                AND rowid NOT IN (SELECT id FROM jobs WHERE private_to IS NOT NULL AND private_to <> \(bind: filter.viewer ?? 0))
                """
            ).first(decoding: Count.self)
            return row?.count ?? 0
        }
        let select = database.sql.select().column(SQLAlias(SQLFunction("count", args: SQLLiteral.all), as: SQLIdentifier("count"))).from("jobs")
        for condition in conditions(filter, manyTextMatches: false) { select.where(condition) }
        return try await select.first(decoding: Count.self)?.count ?? 0
    }

    /// The job, when the viewer may see it; else `notFound`, as if it did not exist.
    func record(_ id: Int) async throws -> JobRecord {
        let select = database.sql.select().columns(JobRecord.columns.map { SQLColumn($0, table: "jobs") }).from("jobs")
            .where(SQLColumn("id", table: "jobs"), .equal, SQLBind(id))
        select.where(Self.visible(to: viewer))
        let row = try await select.first()
        guard let row else { throw DomainError.notFound("Job not found") }
        return try JobRecord(row: row)
    }

    /// Skill names of each job, in name order.
    func skillNames(of jobIDs: [Int]) async throws -> [Int: [String]] {
        guard !jobIDs.isEmpty else { return [:] }
        struct Row: Decodable {
            let jobId: Int
            let name: String
        }
        let rows = try await database.sql.select()
            .column(SQLColumn("job_id", table: "job_skills"), as: "jobId")
            .column(SQLColumn("name", table: "skills"))
            .from("job_skills")
            .join("skills", on: SQLColumn("skill_id", table: "job_skills"), .equal, SQLColumn("id", table: "skills"))
            .where(SQLColumn("job_id", table: "job_skills"), .in, SQLBind.group(jobIDs))
            .orderBy(SQLColumn("name", table: "skills"))
            .all(decoding: Row.self)
        return Dictionary(grouping: rows, by: \.jobId).mapValues { $0.map(\.name) }
    }

    /// The page's jobs as the API shows them, with their skills (one query for all).
    /// Where each job is listed, oldest first (the source that brought it, then those that
    /// joined it): one query for a page of jobs.
    func sourceLinks(of jobIDs: [Int]) async throws -> [Int: [JobSourceLink]] {
        guard !jobIDs.isEmpty else { return [:] }
        let rows = try await database.sql.raw(
            """
            SELECT js.job_id, js.source, s.name, js.external_id, js.url, js.merge_reason, js.first_seen_at, js.last_seen_at, js.missing_since
            FROM job_sources js LEFT JOIN sources s ON s.id = js.source_id
            WHERE js.job_id IN \(SQLBind.group(jobIDs)) ORDER BY js.first_seen_at, js.id
            """
        ).all()
        var links: [Int: [JobSourceLink]] = [:]
        for row in rows {
            links[try row.decode(column: "job_id", as: Int.self), default: []].append(
                JobSourceLink(
                    source: try row.decode(column: "source", as: String.self), sourceName: try row.decode(column: "name", as: String?.self),
                    externalID: try row.decode(column: "external_id", as: String.self), url: try row.decode(column: "url", as: String?.self),
                    mergeReason: try row.decode(column: "merge_reason", as: String?.self),
                    firstSeenAt: try row.decode(column: "first_seen_at", as: Date.self), lastSeenAt: try row.decode(column: "last_seen_at", as: Date.self),
                    missingSince: try row.decode(column: "missing_since", as: Date?.self)
                ))
        }
        return links
    }

    /// These jobs, in this order, less those the viewer may not see or that are gone.
    func records(_ ids: [Int]) async throws -> [JobRecord] {
        guard !ids.isEmpty else { return [] }
        let select = database.sql.select().columns(JobRecord.columns.map { SQLColumn($0, table: "jobs") }).from("jobs")
            .where("\(ident: "jobs").\(ident: "id") IN \(SQLBind.group(ids))" as SQLQueryString)
        select.where(Self.visible(to: viewer))
        let byID = Dictionary(uniqueKeysWithValues: try await select.all().map(JobRecord.init(row:)).map { ($0.id, $0) })
        return ids.compactMap { byID[$0] }
    }

    func dtos(_ records: [JobRecord]) async throws -> [JobDTO] {
        let ids = records.map(\.id)
        let skills = try await skillNames(of: ids)
        let sources = try await sourceLinks(of: ids)
        let scores = try await matchScores(of: ids)
        return records.map { JobDTO(job: $0, skills: skills[$0.id] ?? [], sources: sources[$0.id] ?? [], matchScore: scores[$0.id]) }
    }

    /// The viewer's stored match scores of these jobs (none for a job not scored yet).
    func matchScores(of jobIDs: [Int]) async throws -> [Int: Int] {
        guard let viewer, !jobIDs.isEmpty else { return [:] }
        let rows = try await database.sql.raw(
            "SELECT job_id, score FROM job_matches WHERE user_id = \(bind: viewer) AND job_id IN \(SQLBind.group(jobIDs))"
        ).all()
        var scores: [Int: Int] = [:]
        for row in rows { scores[try row.decode(column: "job_id", as: Int.self)] = try row.decode(column: "score", as: Int.self) }
        return scores
    }

    // MARK: SQL

    /// The filter as SQL conditions. `manyTextMatches` tells SQLite that the full-text search
    /// matches many jobs: the match set is then only checked (`+id`), so that the sort's index
    /// drives the query and stops after one page instead of sorting every match.
    func conditions(_ filter: JobFilter, manyTextMatches: Bool) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = [Self.visible(to: filter.viewer)]
        switch database.dialect {
        case .sqlite:
            if let match = SearchTerms.fts5Query(keywords: filter.keywords, location: filter.location) {
                let id: SQLQueryString = manyTextMatches ? "+\(ident: "jobs").\(ident: "id")" : "\(ident: "jobs").\(ident: "id")"
                conditions.append("\(id) IN (SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH \(bind: match))")
            }
        case .postgres:
            if let keywords = filter.keywords, !keywords.words.isEmpty {
                conditions.append("\(ident: "jobs").\(ident: "search_vector") @@ to_tsquery('simple', \(bind: keywords.tsQuery))")
            }
            if let location = filter.location {
                conditions.append("\(ident: "jobs").\(ident: "location_vector") @@ to_tsquery('simple', \(bind: location.tsQuery))")
            }
        }
        if let keywords = filter.keywords {
            if keywords.isEmpty { conditions.append("1 = 0") }
            for skill in keywords.skills { conditions.append(Self.asksFor(skill: TextNormalizer.key(skill))) }
        }
        if let company = filter.company {
            // A prefix is a range of the byte-ordered index: [key, key + U+10FFFF).
            conditions.append("\(ident: "jobs").\(ident: "company_key") >= \(bind: company)")
            conditions.append("\(ident: "jobs").\(ident: "company_key") < \(bind: company + "\u{10FFFF}")")
        }
        if !filter.hiddenCompanies.isEmpty {
            conditions.append("\(ident: "jobs").\(ident: "company_key") NOT IN \(SQLBind.group(filter.hiddenCompanies))")
        }
        if let remote = filter.remote {
            conditions.append("\(ident: "jobs").\(ident: "remote") IN \(SQLBind.group(remote.map(\.rawValue)))")
        }
        if let source = filter.source { conditions.append("\(ident: "jobs").\(ident: "source") = \(bind: source)") }
        if let isActive = filter.isActive { conditions.append("\(ident: "jobs").\(ident: "is_active") = \(bind: isActive)") }
        if let postedAfter = filter.postedAfter { conditions.append("\(ident: "jobs").\(ident: "posted_at") >= \(bind: postedAfter)") }
        if let salaryMin = filter.salaryMin {
            conditions.append("COALESCE(\(ident: "jobs").\(ident: "salary_max"), \(ident: "jobs").\(ident: "salary_min")) >= \(bind: salaryMin)")
        }
        if let skill = filter.skill { conditions.append(Self.asksFor(skill: skill)) }
        if let matchMin = filter.matchMin {
            conditions.append(
                "\(ident: "jobs").\(ident: "id") IN (SELECT job_id FROM job_matches WHERE user_id = \(bind: filter.viewer ?? 0) AND score >= \(bind: matchMin))"
            )
        }
        return conditions
    }

    /// Jobs that ask for the skill with this slug.
    static func asksFor(skill slug: String) -> SQLQueryString {
        """
        \(ident: "jobs").\(ident: "id") IN (SELECT js.job_id FROM job_skills js JOIN skills s ON s.id = js.skill_id WHERE s.slug = \(bind: slug))
        """
    }

    /// The jobs `viewer` may see: the catalogue's, and their own private ones.
    static func visible(to viewer: Int?) -> SQLQueryString {
        guard let viewer else { return "\(ident: "jobs").\(ident: "private_to") IS NULL" }
        return "(\(ident: "jobs").\(ident: "private_to") IS NULL OR \(ident: "jobs").\(ident: "private_to") = \(bind: viewer))"
    }

    /// `column DIR [NULLS LAST], id DIR`: missing values sort last on both databases.
    func sortExpressions(_ sort: Sorting<JobFilter.SortField>) -> [SQLQueryString] {
        let direction: SQLQueryString = sort.descending ? "DESC" : "ASC"
        if sort.field == .match {
            // The viewer's stored score; a job not scored yet sorts as -1, after every score.
            let score: SQLQueryString =
                "COALESCE((SELECT m.score FROM job_matches m WHERE m.job_id = \(ident: "jobs").\(ident: "id") AND m.user_id = \(bind: viewer ?? 0)), -1)"
            return [score + " " + direction, "\(ident: "jobs").\(ident: "id") \(direction)"]
        }
        let column: String =
            switch sort.field {
            case .company: "company_key"
            default: sort.field.rawValue
            }
        let nullable: Set<JobFilter.SortField> = [.postedAt, .salaryMin, .salaryMax]
        // SQLite sorts NULL first ascending, PostgreSQL first descending: say it only where needed,
        // so that the plain index order can serve the common sorts.
        let needsNullsLast = nullable.contains(sort.field) && (database.dialect == .sqlite ? !sort.descending : sort.descending)
        let nulls: SQLQueryString = needsNullsLast ? " NULLS LAST" : ""
        var expressions: [SQLQueryString] = ["\(ident: "jobs").\(ident: column) \(direction)\(nulls)"]
        if sort.field != .id { expressions.append("\(ident: "jobs").\(ident: "id") \(direction)") }
        return expressions
    }
}
