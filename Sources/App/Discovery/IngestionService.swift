import CareerCopilotCore
import Fluent
import Foundation
import JobSources
import Logging
import SQLKit

/// Stores what a source run found: the same (source, external id) updates its job in place;
/// a posting another source already brought (same apply URL, or same company, level, title
/// and place — `Deduplicator`) joins that job; anything else is a new job, with its skills
/// and a "job discovered" event. After a complete listing, jobs the source no longer lists
/// (and no other source still lists) become inactive; they come back when they reappear.
///
/// Postings are stored a chunk at a time, each chunk in one transaction (decision 0011): its
/// links, jobs and duplicate candidates read in a few set-based queries, decided by the pure
/// `IngestionPlan`, and written in one statement per kind of change. If a chunk fails, its
/// postings are stored one at a time, so a bad posting loses only itself.
struct IngestionService {
    let database: any Database
    var counts: CountCache?
    var policy = Deduplicator.Policy()
    var logger: Logger?
    static let chunkSize = 100

    struct Counts: Codable, Sendable, Equatable {
        var new = 0
        var updated = 0
        var unchanged = 0
        var merged = 0
        var closed = 0
        var rejected = 0

        mutating func add(_ outcome: Outcome) {
            switch outcome {
            case .new: new += 1
            case .updated: updated += 1
            case .unchanged: unchanged += 1
            case .merged: merged += 1
            }
        }
    }

    typealias Outcome = IngestionPlan.Outcome

    func ingest(_ postings: [NormalizedPosting], sourceID: Int?, complete: Bool, runStartedAt: Date) async throws -> Counts {
        var counts = Counts()
        let policy = self.policy
        var start = 0
        while start < postings.count {
            let chunk = Array(postings[start..<min(start + Self.chunkSize, postings.count)])
            start += chunk.count
            let now = Date()
            do {
                let stored = try await database.writeTransaction { transaction in
                    try await Self.store(chunk, sourceID: sourceID, now: now, policy: policy, on: transaction)
                }
                stored.forEach { counts.add($0.outcome) }
            } catch {
                for posting in chunk {
                    do {
                        counts.add(try await store(posting, sourceID: sourceID, now: now).outcome)
                    } catch {
                        counts.rejected += 1
                        logger?.warning("Posting not stored", metadata: ["id": .string(posting.externalID), "error": .string(String(describing: error))])
                    }
                }
            }
        }
        if complete, let sourceID {
            counts.closed = try await closeMissing(sourceID: sourceID, seenSince: runStartedAt)
        }
        self.counts?.invalidate()
        return counts
    }

    /// The person whose import is stored (decision 0014). Discovery sees and may change every
    /// shared job, and a private job that its board lists joins the catalogue. An import sees
    /// the catalogue and the person's own jobs, changes only what `JobService.may` allows, and
    /// a job it adds is the person's alone; another person's private job does not exist for it.
    struct Importer: Sendable {
        let user: CurrentUser

        /// Whether the import may change a stored job (its fields, or its links).
        func mayChange(createdBy: Int?, privateTo: Int?) -> Bool {
            JobService.isVisible(privateTo: privateTo, to: user.id) && JobService.may(user, change: createdBy)
        }
    }

    /// One posting, in a transaction of its own (imports, and a failed chunk's postings).
    func store(_ posting: NormalizedPosting, sourceID: Int?, now: Date, importer: Importer? = nil) async throws -> (outcome: Outcome, jobID: Int) {
        let policy = self.policy
        let stored = try await database.writeTransaction { transaction in
            try await Self.store([posting], sourceID: sourceID, now: now, policy: policy, importer: importer, on: transaction)
        }
        guard let first = stored.first else { throw IngestionFailure.lostPosting }
        return first
    }

    /// Stores postings inside the caller's transaction; one result per posting, in order: reads
    /// what `IngestionPlan` needs, then applies it, one statement per kind of change.
    ///
    /// A posting that matches a job the importer may not change (another person's shared job,
    /// or the catalogue's) changes nothing and answers that job as unchanged: an import must
    /// never rewrite a job its importer could not edit.
    static func store(
        _ postings: [NormalizedPosting], sourceID: Int?, now: Date, policy: Deduplicator.Policy, importer: Importer? = nil,
        on database: any Database
    ) async throws -> [(outcome: Outcome, jobID: Int)] {
        let (found, taken) = try await links(of: postings, sourceID: sourceID, now: now, importer: importer, on: database)
        let stored = try await SourcedJob.load(Set(found.values.map(\.jobID)), on: database)
        let links = found.mapValues { link in
            var link = link
            link.stored = stored[link.jobID]
            return link
        }
        let unlinked = postings.filter { links[PostingKey($0)] == nil }
        let candidates = try await duplicateCandidates(for: unlinked, importer: importer, on: database)
        let plan = IngestionPlan(postings: postings, links: links, taken: taken, candidates: candidates, policy: policy)
        return try await apply(plan, sourceID: sourceID, owner: importer?.user.id, now: now, on: database)
    }

    /// Writes what the plan decided.
    private static func apply(
        _ plan: IngestionPlan, sourceID: Int?, owner: Int?, now: Date, on database: any Database
    ) async throws -> [(outcome: Outcome, jobID: Int)] {
        let sql = database.sql
        let skillIDs = try await SkillService(database: database).idsByKey(
            for: plan.updates.flatMap(\.skills) + plan.inserts.flatMap(\.skills) + plan.copies.flatMap(\.skills)
        )
        for change in plan.linkURLs {
            try await sql.raw(
                """
                UPDATE job_sources SET url = \(bind: change.url) WHERE source = \(bind: change.key.source) AND external_id = \(bind: change.key.externalID)
                """
            ).run()
        }
        for update in plan.updates {
            try await update.job.update(update.jobID, now: now, on: database)
        }
        if !plan.updates.isEmpty {
            try await sql.raw("DELETE FROM job_skills WHERE job_id IN \(SQLBind.group(plan.updates.map(\.jobID)))").run()
            try await insertSkills(plan.updates.map { ($0.jobID, $0.skills) }, ids: skillIDs, on: database)
        }
        try await link(plan.merges.map { ($0.posting, $0.jobID, $0.reason) }, sourceID: sourceID, now: now, on: database)
        var copiedIDs: [Int] = []
        for posting in plan.copies {
            // Another person's private job holds this id: the importer gets a copy of their
            // own, under no id, which discovery leaves alone.
            copiedIDs.append(try await SourcedJob.insertUnlinked(posting, owner: owner ?? 0, now: now, on: database))
        }
        try await insertSkills(zip(copiedIDs, plan.copies).map { ($0, $1.skills) }, ids: skillIDs, on: database)
        let insertedIDs = try await SourcedJob.insert(plan.inserts, owner: owner, now: now, on: database)
        try await insertSkills(zip(insertedIDs, plan.inserts).map { ($0, $1.skills) }, ids: skillIDs, on: database)
        try await link(zip(plan.inserts, insertedIDs).map { ($0, $1, nil) }, sourceID: sourceID, now: now, on: database)
        for jobID in insertedIDs {
            try await EventBus.standard.publish(.jobDiscovered(jobID: jobID), on: database)
        }
        if !insertedIDs.isEmpty || !copiedIDs.isEmpty || !plan.updates.isEmpty {
            try await JobService.followUpChangedJobs(on: database)
        }
        // Every link listed again is seen now, in one statement per source.
        for (source, keys) in Dictionary(grouping: plan.seen, by: \.source) {
            try await sql.raw(
                """
                UPDATE job_sources SET last_seen_at = \(bind: now), missing_since = NULL, source_id = COALESCE(\(bind: sourceID), source_id)
                WHERE source = \(bind: source) AND external_id IN \(SQLBind.group(keys.map(\.externalID)))
                """
            ).run()
        }
        return plan.outcomes(insertedIDs: insertedIDs, copiedIDs: copiedIDs)
    }

    /// The postings' links, by key (their jobs' columns not read yet). A job stored under the same source and id without a link
    /// (added by hand or through the API with that id) is linked now, not stored twice.
    ///
    /// For discovery, a job it links joins the shared catalogue, without a creator: the board
    /// lists it for everyone (and a person could otherwise pre-create a board's id and keep
    /// editing what the board lists). For an import, a job the importer may not change is
    /// found, not adopted; one they may not see is `taken`: its key belongs to someone else.
    private static func links(
        of postings: [NormalizedPosting], sourceID: Int?, now: Date, importer: Importer?, on database: any Database
    ) async throws -> (links: [PostingKey: IngestionPlan.LinkedJob], taken: Set<PostingKey>) {
        struct Row: Decodable {
            let external_id: String
            let job_id: Int
            let url: String?
            let merge_reason: String?
            let created_by: Int?
            let private_to: Int?
        }
        var links: [PostingKey: IngestionPlan.LinkedJob] = [:]
        var taken = Set<PostingKey>()
        var published: [Int] = []
        for (source, group) in Dictionary(grouping: postings, by: \.source) {
            let ids = group.map(\.externalID)
            for row in try await database.sql.raw(
                """
                SELECT js.external_id, js.job_id, js.url, js.merge_reason, j.created_by, j.private_to FROM job_sources js JOIN jobs j ON j.id = js.job_id
                WHERE js.source = \(bind: source) AND js.external_id IN \(SQLBind.group(ids))
                """
            ).all(decoding: Row.self) {
                let key = PostingKey(source: source, externalID: row.external_id)
                if let importer, !JobService.isVisible(privateTo: row.private_to, to: importer.user.id) { taken.insert(key); continue }
                if row.private_to != nil, importer == nil { published.append(row.job_id) }
                links[key] = IngestionPlan.LinkedJob(
                    jobID: row.job_id, url: row.url, stored: nil,
                    mayChange: importer?.mayChange(createdBy: row.created_by, privateTo: row.private_to) ?? true, joined: row.merge_reason != nil)
            }
            let unlinked = group.filter { links[PostingKey($0)] == nil && !taken.contains(PostingKey($0)) }
            guard !unlinked.isEmpty else { continue }
            let orphans = try await database.sql.raw(
                """
                SELECT id AS job_id, external_id, NULL AS url, NULL AS merge_reason, created_by, private_to FROM jobs
                WHERE source = \(bind: source) AND external_id IN \(SQLBind.group(unlinked.map(\.externalID)))
                """
            ).all(decoding: Row.self)
            var adopted: [(NormalizedPosting, Int, String?)] = []
            for row in orphans {
                let key = PostingKey(source: source, externalID: row.external_id)
                guard let posting = unlinked.first(where: { PostingKey($0) == key }) else { continue }
                if let importer, !JobService.isVisible(privateTo: row.private_to, to: importer.user.id) { taken.insert(key); continue }
                let mayChange = importer?.mayChange(createdBy: row.created_by, privateTo: row.private_to) ?? true
                links[key] = IngestionPlan.LinkedJob(jobID: row.job_id, url: posting.url, stored: nil, mayChange: mayChange)
                if mayChange { adopted.append((posting, row.job_id, nil)) }
            }
            try await link(adopted, sourceID: sourceID, now: now, on: database)
            if importer == nil { published += adopted.map(\.1) }
        }
        if !published.isEmpty {
            try await database.sql.raw("UPDATE jobs SET created_by = NULL, private_to = NULL WHERE id IN \(SQLBind.group(published))").run()
        }
        return (links, taken)
    }

    /// The active jobs a chunk's new postings might duplicate, newest first, read in two
    /// queries: the newest 100 of each company that the chunk's sources do not list yet, and
    /// those with one of the chunk's apply URLs. Only jobs the importer may see (all shared
    /// ones, for discovery).
    private static func duplicateCandidates(
        for postings: [NormalizedPosting], importer: Importer?, on database: any Database
    ) async throws -> [IngestionPlan.Candidate] {
        guard !postings.isEmpty else { return [] }
        struct Row: Decodable {
            let id: Int
            let title: String
            let company: String
            let company_key: String
            let location: String?
            let url: String?
            let created_by: Int?
            let private_to: Int?
        }
        let visible = JobReader.visible(to: importer?.user.id)
        let keys = Array(Set(postings.map { TextNormalizer.key($0.company) }))
        let urls = Array(Set(postings.map(\.url)))
        let sources = Array(Set(postings.map(\.source)))
        let columns = SQLRaw("id, title, company, company_key, location, url, created_by, private_to")
        let rows = try await database.sql.raw(
            """
            SELECT \(columns) FROM (
                SELECT \(columns), ROW_NUMBER() OVER (PARTITION BY company_key ORDER BY id DESC) AS rank
                FROM jobs WHERE is_active = \(bind: true) AND company_key IN \(SQLBind.group(keys)) AND \(visible)
                  AND NOT EXISTS (SELECT 1 FROM job_sources s WHERE s.job_id = jobs.id AND s.source IN \(SQLBind.group(sources)))
            ) ranked WHERE rank <= \(bind: duplicateCandidatesPerCompany)
            UNION
            SELECT \(columns) FROM jobs WHERE is_active = \(bind: true) AND url IN \(SQLBind.group(urls)) AND \(visible)
            """
        ).all(decoding: Row.self)
        var found: [Int: IngestionPlan.Candidate] = [:]
        for row in rows {
            found[row.id] = IngestionPlan.Candidate(
                jobID: row.id, companyKey: row.company_key,
                posting: Deduplicator.Posting(title: row.title, company: row.company, locations: LocationNormalizer.split(row.location), applyURL: row.url),
                sources: [], mayChange: importer?.mayChange(createdBy: row.created_by, privateTo: row.private_to) ?? true
            )
        }
        if !found.isEmpty {
            struct Link: Decodable { let job_id: Int, source: String }
            let links = try await database.sql.raw("SELECT job_id, source FROM job_sources WHERE job_id IN \(SQLBind.group(Array(found.keys)))")
                .all(decoding: Link.self)
            for link in links { found[link.job_id]?.sources.insert(link.source) }
        }
        return found.values.sorted { $0.jobID > $1.jobID }
    }

    static let duplicateCandidatesPerCompany = 100

    /// Each job's skills (by name, through `ids`), in one statement.
    private static func insertSkills(_ items: [(jobID: Int, names: [String])], ids: [String: Int], on database: any Database) async throws {
        let rows = items.flatMap { item in
            Set(item.names.compactMap { ids[TextNormalizer.key($0)] }).sorted().map { SQLGroupExpression([SQLBind(item.jobID), SQLBind($0)]) }
        }
        guard !rows.isEmpty else { return }
        try await database.sql.raw("INSERT INTO job_skills (job_id, skill_id) VALUES \(SQLList(rows))").run()
    }

    /// Links postings to jobs (`reason`: why a posting joined another source's job).
    static func link(_ items: [(posting: NormalizedPosting, jobID: Int, reason: String?)], sourceID: Int?, now: Date, on database: any Database) async throws {
        guard !items.isEmpty else { return }
        let rows = items.map { item in
            SQLGroupExpression([
                SQLBind(item.jobID), SQLBind(item.posting.source), SQLBind(item.posting.externalID), SQLBind(sourceID), SQLBind(item.posting.url),
                SQLBind(item.reason), SQLBind(now), SQLBind(now),
            ])
        }
        try await database.sql.raw(
            """
            INSERT INTO job_sources (job_id, source, external_id, source_id, url, merge_reason, first_seen_at, last_seen_at) VALUES \(SQLList(rows))
            """
        ).run()
    }

    /// After a complete listing: links not seen since the run started are missing; their jobs
    /// close unless another source still lists them. Returns how many jobs closed.
    func closeMissing(sourceID: Int, seenSince start: Date) async throws -> Int {
        let now = Date()
        return try await database.writeTransaction { transaction in
            let missing = try await transaction.sql.raw(
                """
                UPDATE job_sources SET missing_since = \(bind: now)
                WHERE source_id = \(bind: sourceID) AND last_seen_at < \(bind: start) AND missing_since IS NULL
                RETURNING job_id
                """
            ).all().map { try $0.decode(column: "job_id", as: Int.self) }
            guard !missing.isEmpty else { return 0 }
            return try await transaction.sql.raw(
                """
                UPDATE jobs SET is_active = \(bind: false), inactive_since = \(bind: now), updated_at = \(bind: now)
                WHERE id IN \(SQLBind.group(missing)) AND is_active = \(bind: true)
                  AND NOT EXISTS (SELECT 1 FROM job_sources s WHERE s.job_id = jobs.id AND s.missing_since IS NULL)
                RETURNING id
                """
            ).all().count
        }
    }
}
