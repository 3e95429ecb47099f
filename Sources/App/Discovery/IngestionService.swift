import CareerCopilotCore
import Fluent
import Foundation
import SQLKit

/// Stores what a source run found: the same (source, external id) updates its job in place;
/// a posting another source already brought (same apply URL, or same company, level, title
/// and place — `Deduplicator`) joins that job; anything else is a new job, with its skills
/// and a "job discovered" event. After a complete listing, jobs the source no longer lists
/// (and no other source still lists) become inactive; they come back when they reappear.
struct IngestionService {
    let database: any Database
    var counts: CountCache?
    var policy = Deduplicator.Policy()

    struct Counts: Codable, Sendable, Equatable {
        var new = 0
        var updated = 0
        var unchanged = 0
        var merged = 0
        var closed = 0
        var rejected = 0
    }

    enum Outcome: Sendable { case new, updated, unchanged, merged }

    func ingest(_ postings: [NormalizedPosting], sourceID: Int?, complete: Bool, runStartedAt: Date) async throws -> Counts {
        var counts = Counts()
        for posting in postings {
            switch try await store(posting, sourceID: sourceID, now: Date()).outcome {
            case .new: counts.new += 1
            case .updated: counts.updated += 1
            case .unchanged: counts.unchanged += 1
            case .merged: counts.merged += 1
            }
        }
        if complete, let sourceID {
            counts.closed = try await closeMissing(sourceID: sourceID, seenSince: runStartedAt)
        }
        self.counts?.invalidate()
        return counts
    }

    /// One posting, in a transaction of its own: a failure loses only this posting.
    func store(_ posting: NormalizedPosting, sourceID: Int?, now: Date) async throws -> (outcome: Outcome, jobID: Int) {
        let policy = self.policy
        return try await database.writeTransaction { transaction in
            let sql = transaction.sql
            if let link = try await sql.raw("""
                SELECT job_id FROM job_sources WHERE source = \(bind: posting.source) AND external_id = \(bind: posting.externalID)
                """).first() {
                let jobID = try link.decode(column: "job_id", as: Int.self)
                try await sql.raw("""
                    UPDATE job_sources SET last_seen_at = \(bind: now), missing_since = NULL, url = \(bind: posting.url),
                        source_id = COALESCE(\(bind: sourceID), source_id)
                    WHERE source = \(bind: posting.source) AND external_id = \(bind: posting.externalID)
                    """).run()
                guard let job = try await Job.find(jobID, on: transaction) else { return (.unchanged, jobID) }
                let changed = Self.apply(posting, to: job, isNew: false)
                guard changed else { return (.unchanged, jobID) }
                try await job.update(on: transaction)
                // Text kept from an earlier run still holds skills.
                let skills = posting.description.html.isEmpty ? SkillTaxonomy.standard.extract(from: job.title, job.descriptionText) : posting.skills
                try await JobService(database: transaction).replaceSkills(of: jobID, with: skills)
                return (.updated, jobID)
            }
            if let (jobID, reason) = try await Self.duplicate(of: posting, on: transaction, policy: policy) {
                try await Self.link(posting, to: jobID, sourceID: sourceID, reason: reason, now: now, on: transaction)
                return (.merged, jobID)
            }
            let job = Job()
            job.source = posting.source
            job.externalID = posting.externalID
            job.scrapedAt = now
            job.isActive = true
            _ = Self.apply(posting, to: job, isNew: true)
            try await job.create(on: transaction)
            let jobID = try job.requireID()
            try await JobService(database: transaction).replaceSkills(of: jobID, with: posting.skills)
            try await Self.link(posting, to: jobID, sourceID: sourceID, reason: nil, now: now, on: transaction)
            try await EventBus.standard.publish(.jobDiscovered(jobID: jobID), on: transaction)
            return (.new, jobID)
        }
    }

    /// An active job this posting duplicates, with the reason; nil when it is new.
    static func duplicate(of posting: NormalizedPosting, on database: any Database, policy: Deduplicator.Policy) async throws -> (Int, String)? {
        let incoming = Deduplicator.Posting(title: posting.title, company: posting.company, locations: posting.locations, applyURL: posting.url)
        let candidates = try await database.sql.raw("""
            SELECT id, title, company, location, url FROM jobs
            WHERE is_active = \(bind: true) AND (company_key = \(bind: TextNormalizer.key(posting.company)) OR url = \(bind: posting.url))
            ORDER BY id DESC LIMIT 100
            """).all()
        for row in candidates {
            let existing = Deduplicator.Posting(
                title: try row.decode(column: "title", as: String.self), company: try row.decode(column: "company", as: String.self),
                locations: LocationNormalizer.split(try row.decode(column: "location", as: String?.self)),
                applyURL: try row.decode(column: "url", as: String?.self)
            )
            let decision = Deduplicator.decide(existing, incoming, policy: policy)
            if decision.isSameJob { return (try row.decode(column: "id", as: Int.self), decision.reason) }
        }
        return nil
    }

    static func link(_ posting: NormalizedPosting, to jobID: Int, sourceID: Int?, reason: String?, now: Date, on database: any Database) async throws {
        try await database.sql.raw("""
            INSERT INTO job_sources (job_id, source, external_id, source_id, url, merge_reason, first_seen_at, last_seen_at)
            VALUES (\(bind: jobID), \(bind: posting.source), \(bind: posting.externalID), \(bind: sourceID), \(bind: posting.url),
                    \(bind: reason), \(bind: now), \(bind: now))
            """).run()
    }

    /// Copies the posting onto the job; true when anything changed. `isNew`: the job has no
    /// stored values to compare with (Fluent refuses to read unset fields, even through a
    /// key path write, hence the plain assignments).
    static func apply(_ posting: NormalizedPosting, to job: Job, isNew: Bool) -> Bool {
        let title = String(posting.title.prefix(300))
        let company = String(posting.company.prefix(200))
        let location = posting.location.map { String($0.prefix(300)) }
        // A source that stops giving a date does not erase the one it gave.
        let postedAt = posting.postedAt ?? (isNew ? nil : job.postedAt)
        // Nor does a listing without text (SmartRecruiters) erase the text its detail gave.
        let keepsText = !isNew && posting.description.html.isEmpty
        let description = keepsText ? job.description : posting.description.html
        let changed = isNew || job.title != title || job.company != company || job.location != location || job.url != posting.url
            || job.description != description || job.remote != posting.remote?.rawValue
            || job.employmentType != posting.employmentType?.rawValue || job.salaryMin != posting.salaryMin || job.salaryMax != posting.salaryMax
            || job.salaryCurrency != posting.salaryCurrency || job.salaryPeriod != posting.salaryPeriod?.rawValue || job.postedAt != postedAt
            || !job.isActive
        guard changed else { return false }
        job.title = title
        job.company = company
        job.companyKey = TextNormalizer.key(posting.company)
        job.location = location
        job.url = posting.url
        if !keepsText {
            job.description = posting.description.html
            job.descriptionText = posting.description.text
        }
        job.remote = posting.remote?.rawValue
        job.employmentType = posting.employmentType?.rawValue
        job.salaryMin = posting.salaryMin
        job.salaryMax = posting.salaryMax
        job.salaryCurrency = posting.salaryCurrency
        job.salaryPeriod = posting.salaryPeriod?.rawValue
        job.postedAt = postedAt
        // Listed again: open again.
        job.isActive = true
        job.inactiveSince = nil
        return true
    }

    /// After a complete listing: links not seen since the run started are missing; their jobs
    /// close unless another source still lists them. Returns how many jobs closed.
    func closeMissing(sourceID: Int, seenSince start: Date) async throws -> Int {
        let now = Date()
        return try await database.writeTransaction { transaction in
            let missing = try await transaction.sql.raw("""
                UPDATE job_sources SET missing_since = \(bind: now)
                WHERE source_id = \(bind: sourceID) AND last_seen_at < \(bind: start) AND missing_since IS NULL
                RETURNING job_id
                """).all().map { try $0.decode(column: "job_id", as: Int.self) }
            guard !missing.isEmpty else { return 0 }
            return try await transaction.sql.raw("""
                UPDATE jobs SET is_active = \(bind: false), inactive_since = \(bind: now), updated_at = \(bind: now)
                WHERE id IN \(SQLBind.group(missing)) AND is_active = \(bind: true)
                  AND NOT EXISTS (SELECT 1 FROM job_sources s WHERE s.job_id = jobs.id AND s.missing_since IS NULL)
                RETURNING id
                """).all().count
        }
    }
}
