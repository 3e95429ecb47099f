import CareerCopilotCore
import Fluent
import Foundation
import Logging
import SQLKit

/// Stores what a source run found: the same (source, external id) updates its job in place;
/// a posting another source already brought (same apply URL, or same company, level, title
/// and place — `Deduplicator`) joins that job; anything else is a new job, with its skills
/// and a "job discovered" event. After a complete listing, jobs the source no longer lists
/// (and no other source still lists) become inactive; they come back when they reappear.
///
/// Postings are stored a chunk at a time, each chunk in one transaction with its links, jobs
/// and skills read in a few set-based queries (decision 0011). If a chunk fails, its postings
/// are stored one at a time, so a bad posting loses only itself.
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

    enum Outcome: Sendable { case new, updated, unchanged, merged }

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

    /// Whether a posting may change the stored job with this id (its fields, or its links).
    typealias ChangePermission = @Sendable (_ jobID: Int, _ database: any Database) async throws -> Bool

    /// The person whose import is stored (decision 0014). Discovery sees and may change every
    /// shared job, and a private job that its board lists joins the catalogue. An import sees
    /// the catalogue and the person's own jobs, changes only what `mayChange` allows, and a job
    /// it adds is the person's alone; another person's private job does not exist for it.
    struct Importer: Sendable {
        let userID: Int
        let mayChange: ChangePermission
    }

    /// One posting, in a transaction of its own (imports, and a failed chunk's postings).
    func store(_ posting: NormalizedPosting, sourceID: Int?, now: Date, importer: Importer? = nil) async throws -> (outcome: Outcome, jobID: Int) {
        let policy = self.policy
        return try await database.writeTransaction { transaction in
            try await Self.store([posting], sourceID: sourceID, now: now, policy: policy, importer: importer, on: transaction)[0]
        }
    }


    /// Stores postings inside the caller's transaction; one result per posting, in order. New
    /// jobs, their skills and their links are written in one statement each for the chunk.
    ///
    /// A posting that matches a job the importer may not change (another person's shared job,
    /// or the catalogue's) changes nothing and answers that job as unchanged: an import must
    /// never rewrite a job its importer could not edit.
    static func store(
        _ postings: [NormalizedPosting], sourceID: Int?, now: Date, policy: Deduplicator.Policy, importer: Importer? = nil,
        on database: any Database
    ) async throws -> [(outcome: Outcome, jobID: Int)] {
        let sql = database.sql
        func allowed(_ jobID: Int) async throws -> Bool { try await importer?.mayChange(jobID, database) ?? true }
        var (links, taken) = try await Self.links(of: postings, sourceID: sourceID, now: now, importer: importer, on: database)
        var jobs = try await StoredJob.load(Set(links.values.map(\.jobID)), on: database)
        let skills = SkillService(database: database)
        var skillIDs = try await skills.idsByKey(for: postings.flatMap(\.skills))
        let unlinked = postings.filter { links[LinkKey($0)] == nil }
        var candidates = try await DuplicateCandidates.load(for: unlinked, visibleTo: importer?.userID, on: database)
        var seen: [LinkKey] = []
        var fresh: [(index: Int, posting: NormalizedPosting)] = []
        var freshKeys = Set<LinkKey>()
        var repeated: [(index: Int, key: LinkKey)] = []
        var results: [(outcome: Outcome, jobID: Int)?] = []
        for posting in postings {
            let key = LinkKey(posting)
            if freshKeys.contains(key) {
                // A board that lists one id twice: the second is the first, unchanged.
                repeated.append((results.count, key))
                results.append(nil)
                continue
            }
            if let link = links[key] {
                guard try await allowed(link.jobID) else {
                    results.append((.unchanged, link.jobID))
                    continue
                }
                seen.append(key)
                if link.url != posting.url {
                    try await sql.raw("UPDATE job_sources SET url = \(bind: posting.url) WHERE source = \(bind: key.source) AND external_id = \(bind: key.externalID)").run()
                    links[key] = (link.jobID, posting.url)
                }
                guard let stored = jobs[link.jobID], let changed = stored.applying(posting) else {
                    results.append((.unchanged, link.jobID))
                    continue
                }
                try await changed.update(link.jobID, now: now, on: database)
                jobs[link.jobID] = changed
                // A listing without text keeps the stored text, and so the skills read from it.
                let names = posting.description.html.isEmpty ? changed.skills : posting.skills
                let unknown = names.filter { skillIDs[TextNormalizer.key($0)] == nil }
                if !unknown.isEmpty { skillIDs.merge(try await skills.idsByKey(for: unknown)) { old, _ in old } }
                try await sql.raw("DELETE FROM job_skills WHERE job_id = \(bind: link.jobID)").run()
                try await insertSkills([(link.jobID, names)], ids: skillIDs, on: database)
                results.append((.updated, link.jobID))
                continue
            }
            if let (jobID, reason) = candidates.duplicate(of: posting, policy: policy) {
                guard try await allowed(jobID) else {
                    results.append((.unchanged, jobID))
                    continue
                }
                try await Self.link([(posting, jobID, reason)], sourceID: sourceID, now: now, on: database)
                // Now this source lists it: no second posting of the source may join it.
                candidates.remove(jobID, for: posting.source)
                links[key] = (jobID, posting.url)
                results.append((.merged, jobID))
                continue
            }
            if taken.contains(key), let importer {
                // Another person's private job holds this id: the importer gets a copy of their
                // own, under no id, which discovery leaves alone.
                let jobID = try await StoredJob.insertUnlinked(posting, owner: importer.userID, now: now, on: database)
                try await insertSkills([(jobID, posting.skills)], ids: skillIDs, on: database)
                results.append((.new, jobID))
                continue
            }
            fresh.append((results.count, posting))
            freshKeys.insert(key)
            results.append(nil)
        }
        if !fresh.isEmpty {
            let ids = try await StoredJob.insert(fresh.map(\.posting), owner: importer?.userID, now: now, on: database)
            try await insertSkills(fresh.map { (ids[LinkKey($0.posting)]!, $0.posting.skills) }, ids: skillIDs, on: database)
            try await Self.link(fresh.map { ($0.posting, ids[LinkKey($0.posting)]!, nil) }, sourceID: sourceID, now: now, on: database)
            for item in fresh {
                let jobID = ids[LinkKey(item.posting)]!
                try await EventBus.standard.publish(.jobDiscovered(jobID: jobID), on: database)
                results[item.index] = (.new, jobID)
            }
            for item in repeated { results[item.index] = (.unchanged, ids[item.key] ?? links[item.key]?.jobID ?? 0) }
        }
        // Every link listed again is seen now, in one statement per source.
        for (source, keys) in Dictionary(grouping: seen, by: \.source) {
            try await sql.raw("""
                UPDATE job_sources SET last_seen_at = \(bind: now), missing_since = NULL, source_id = COALESCE(\(bind: sourceID), source_id)
                WHERE source = \(bind: source) AND external_id IN \(SQLBind.group(keys.map(\.externalID)))
                """).run()
        }
        return results.map { $0! }
    }

    /// The postings' links, by key. A job stored under the same source and id without a link
    /// (added by hand or through the API with that id) is linked now, not stored twice.
    ///
    /// For discovery, a job it links joins the shared catalogue, without a creator: the board
    /// lists it for everyone (and a person could otherwise pre-create a board's id and keep
    /// editing what the board lists). For an import, a job the importer may not change is
    /// found, not adopted; one they may not see is `taken`: its key belongs to someone else.
    private static func links(
        of postings: [NormalizedPosting], sourceID: Int?, now: Date, importer: Importer?, on database: any Database
    ) async throws -> (links: [LinkKey: (jobID: Int, url: String?)], taken: Set<LinkKey>) {
        var links: [LinkKey: (jobID: Int, url: String?)] = [:]
        var taken = Set<LinkKey>()
        var published: [Int] = []
        /// Whether the caller may see a job private to `owner` (nil: a shared job).
        func visible(_ owner: Int?) -> Bool {
            guard let importer else { return true }
            return JobService.isVisible(privateTo: owner, to: importer.userID)
        }
        for (source, group) in Dictionary(grouping: postings, by: \.source) {
            let ids = group.map(\.externalID)
            for row in try await database.sql.raw("""
                SELECT js.external_id, js.job_id, js.url, j.private_to FROM job_sources js JOIN jobs j ON j.id = js.job_id
                WHERE js.source = \(bind: source) AND js.external_id IN \(SQLBind.group(ids))
                """).all() {
                let key = LinkKey(source: source, externalID: try row.decode(column: "external_id", as: String.self))
                let jobID = try row.decode(column: "job_id", as: Int.self), owner = try row.decode(column: "private_to", as: Int?.self)
                guard visible(owner) else { taken.insert(key); continue }
                if owner != nil, importer == nil { published.append(jobID) }
                links[key] = (jobID, try row.decode(column: "url", as: String?.self))
            }
            let unlinked = group.filter { links[LinkKey($0)] == nil && !taken.contains(LinkKey($0)) }
            guard !unlinked.isEmpty else { continue }
            let orphans = try await database.sql.raw("""
                SELECT id, external_id, private_to FROM jobs WHERE source = \(bind: source) AND external_id IN \(SQLBind.group(unlinked.map(\.externalID)))
                """).all()
            var adopted: [(NormalizedPosting, Int, String?)] = []
            for row in orphans {
                let key = LinkKey(source: source, externalID: try row.decode(column: "external_id", as: String.self))
                guard let posting = unlinked.first(where: { LinkKey($0) == key }) else { continue }
                let jobID = try row.decode(column: "id", as: Int.self)
                guard visible(try row.decode(column: "private_to", as: Int?.self)) else { taken.insert(key); continue }
                links[key] = (jobID, posting.url)
                if try await importer?.mayChange(jobID, database) ?? true { adopted.append((posting, jobID, nil)) }
            }
            try await link(adopted, sourceID: sourceID, now: now, on: database)
            if importer == nil { published += adopted.map(\.1) }
        }
        if !published.isEmpty {
            try await database.sql.raw("UPDATE jobs SET created_by = NULL, private_to = NULL WHERE id IN \(SQLBind.group(published))").run()
        }
        return (links, taken)
    }

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
        try await database.sql.raw("""
            INSERT INTO job_sources (job_id, source, external_id, source_id, url, merge_reason, first_seen_at, last_seen_at) VALUES \(SQLList(rows))
            """).run()
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

/// A link's key: its source and its id there.
private struct LinkKey: Hashable {
    let source: String
    let externalID: String

    init(source: String, externalID: String) {
        self.source = source
        self.externalID = externalID
    }

    init(_ posting: NormalizedPosting) {
        self.init(source: posting.source, externalID: posting.externalID)
    }
}

/// The active jobs a chunk's new postings might duplicate, read in two queries: the newest 100
/// of each company that the chunk's source does not list yet, and those with one of the
/// chunk's apply URLs. Jobs a source already lists
/// are never its postings' duplicates: two ids on one board are two postings (two openings
/// of one role are the board's to merge, not ours).
private struct DuplicateCandidates {
    struct Candidate {
        let id: Int
        let companyKey: String
        let posting: Deduplicator.Posting
        /// Sources that list it.
        var sources: Set<String>
    }

    private var candidates: [Candidate] = []

    static let perCompany = 100

    /// `viewer`: whose private jobs may be duplicates besides the catalogue's (nil: none).
    static func load(for postings: [NormalizedPosting], visibleTo viewer: Int?, on database: any Database) async throws -> DuplicateCandidates {
        guard !postings.isEmpty else { return DuplicateCandidates() }
        let visible = JobReader.visible(to: viewer)
        let keys = Array(Set(postings.map { TextNormalizer.key($0.company) }))
        let urls = Array(Set(postings.map(\.url)))
        let sources = Array(Set(postings.map(\.source)))
        let rows = try await database.sql.raw("""
            SELECT id, title, company, company_key, location, url FROM (
                SELECT id, title, company, company_key, location, url, ROW_NUMBER() OVER (PARTITION BY company_key ORDER BY id DESC) AS rank
                FROM jobs WHERE is_active = \(bind: true) AND company_key IN \(SQLBind.group(keys)) AND \(visible)
                  AND NOT EXISTS (SELECT 1 FROM job_sources s WHERE s.job_id = jobs.id AND s.source IN \(SQLBind.group(sources)))
            ) ranked WHERE rank <= \(bind: perCompany)
            UNION
            SELECT id, title, company, company_key, location, url FROM jobs WHERE is_active = \(bind: true) AND url IN \(SQLBind.group(urls)) AND \(visible)
            """).all()
        var found: [Int: Candidate] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            found[id] = Candidate(
                id: id, companyKey: try row.decode(column: "company_key", as: String.self),
                posting: Deduplicator.Posting(
                    title: try row.decode(column: "title", as: String.self), company: try row.decode(column: "company", as: String.self),
                    locations: LocationNormalizer.split(try row.decode(column: "location", as: String?.self)),
                    applyURL: try row.decode(column: "url", as: String?.self)
                ),
                sources: []
            )
        }
        if !found.isEmpty {
            let links = try await database.sql.raw("SELECT job_id, source FROM job_sources WHERE job_id IN \(SQLBind.group(Array(found.keys)))").all()
            for link in links {
                found[try link.decode(column: "job_id", as: Int.self)]?.sources.insert(try link.decode(column: "source", as: String.self))
            }
        }
        return DuplicateCandidates(candidates: found.values.sorted { $0.id > $1.id })
    }

    /// The job this posting duplicates, newest first, with the decision's reason.
    func duplicate(of posting: NormalizedPosting, policy: Deduplicator.Policy) -> (Int, String)? {
        let incoming = Deduplicator.Posting(title: posting.title, company: posting.company, locations: posting.locations, applyURL: posting.url)
        let key = TextNormalizer.key(posting.company)
        for candidate in candidates where !candidate.sources.contains(posting.source) && (candidate.companyKey == key || candidate.posting.applyURL == posting.url) {
            let decision = Deduplicator.decide(candidate.posting, incoming, policy: policy)
            if decision.isSameJob { return (candidate.id, decision.reason) }
        }
        return nil
    }

    mutating func remove(_ id: Int, for source: String) {
        for index in candidates.indices where candidates[index].id == id { candidates[index].sources.insert(source) }
    }
}

/// The columns of a job that a source writes, as stored: read in one query for a chunk,
/// compared with each posting, written back only when something changed.
private struct StoredJob: Sendable {
    var title: String
    var company: String
    var location: String?
    var url: String?
    var description: String
    var descriptionText: String
    var remote: String?
    var employmentType: String?
    var salaryMin: Double?
    var salaryMax: Double?
    var salaryCurrency: String?
    var salaryPeriod: String?
    var postedAt: Date?
    var isActive: Bool

    static let columns = "id, title, company, location, url, description, description_text, remote, employment_type, salary_min, salary_max, salary_currency, salary_period, posted_at, is_active"

    /// The job a new posting becomes.
    init(_ posting: NormalizedPosting) {
        title = String(posting.title.prefix(300))
        company = String(posting.company.prefix(200))
        location = posting.location.map { String($0.prefix(300)) }
        url = posting.url
        description = posting.description.html
        descriptionText = posting.description.text
        remote = posting.remote?.rawValue
        employmentType = posting.employmentType?.rawValue
        salaryMin = posting.salaryMin
        salaryMax = posting.salaryMax
        salaryCurrency = posting.salaryCurrency
        salaryPeriod = posting.salaryPeriod?.rawValue
        postedAt = posting.postedAt
        isActive = true
    }

    init(row: any SQLRow) throws {
        title = try row.decode(column: "title", as: String.self)
        company = try row.decode(column: "company", as: String.self)
        location = try row.decode(column: "location", as: String?.self)
        url = try row.decode(column: "url", as: String?.self)
        description = try row.decode(column: "description", as: String.self)
        descriptionText = try row.decode(column: "description_text", as: String.self)
        remote = try row.decode(column: "remote", as: String?.self)
        employmentType = try row.decode(column: "employment_type", as: String?.self)
        salaryMin = try row.decode(column: "salary_min", as: Double?.self)
        salaryMax = try row.decode(column: "salary_max", as: Double?.self)
        salaryCurrency = try row.decode(column: "salary_currency", as: String?.self)
        salaryPeriod = try row.decode(column: "salary_period", as: String?.self)
        postedAt = try row.decode(column: "posted_at", as: Date?.self)
        isActive = try row.decode(column: "is_active", as: Bool.self)
    }

    static func load(_ ids: Set<Int>, on database: any Database) async throws -> [Int: StoredJob] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await database.sql.raw("SELECT \(unsafeRaw: columns) FROM jobs WHERE id IN \(SQLBind.group(Array(ids)))").all()
        return try Dictionary(rows.map { (try $0.decode(column: "id", as: Int.self), try StoredJob(row: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The job with the posting's values, or nil when nothing would change. A source that stops
    /// giving a date does not erase the one it gave; nor does a listing without text
    /// (SmartRecruiters) erase the text its detail gave. A listed job is active.
    func applying(_ posting: NormalizedPosting) -> StoredJob? {
        var next = StoredJob(posting)
        next.postedAt = posting.postedAt ?? postedAt
        if posting.description.html.isEmpty {
            next.description = description
            next.descriptionText = descriptionText
        }
        return next == self ? nil : next
    }

    /// Skills of the stored text (when the posting brought none of its own).
    var skills: [String] { SkillTaxonomy.standard.extract(from: title, descriptionText) }

    /// New jobs, in one statement; their ids by link key. `owner`: the importer whose they are
    /// (nil: the shared catalogue's).
    static func insert(_ postings: [NormalizedPosting], owner: Int?, now: Date, on database: any Database) async throws -> [LinkKey: Int] {
        let rows = postings.map { posting in
            let job = StoredJob(posting)
            return SQLGroupExpression([
                SQLBind(job.title), SQLBind(job.company), SQLBind(TextNormalizer.key(job.company)), SQLBind(job.location), SQLBind(posting.source),
                SQLBind(posting.externalID), SQLBind(job.url), SQLBind(job.description), SQLBind(job.descriptionText), SQLBind(job.remote),
                SQLBind(job.employmentType), SQLBind(job.salaryMin), SQLBind(job.salaryMax), SQLBind(job.salaryCurrency), SQLBind(job.salaryPeriod),
                SQLBind(job.postedAt), SQLBind(now), SQLBind(true), SQLBind(now), SQLBind(now), SQLBind(owner), SQLBind(owner),
            ])
        }
        let inserted = try await database.sql.raw("""
            INSERT INTO jobs (\(unsafeRaw: insertColumns))
            VALUES \(SQLList(rows)) RETURNING id, source, external_id
            """).all()
        var ids: [LinkKey: Int] = [:]
        for row in inserted {
            ids[LinkKey(source: try row.decode(column: "source", as: String.self), externalID: try row.decode(column: "external_id", as: String.self))] =
                try row.decode(column: "id", as: Int.self)
        }
        // Every posting must come back under its own key (a driver that mangles an odd id fails
        // the chunk, whose postings are then stored one by one).
        guard postings.allSatisfy({ ids[LinkKey($0)] != nil }) else { throw DomainError.conflict("The jobs could not be stored") }
        return ids
    }

    static let insertColumns = """
        title, company, company_key, location, source, external_id, url, description, description_text, remote,
        employment_type, salary_min, salary_max, salary_currency, salary_period, posted_at, scraped_at, is_active, created_at, updated_at,
        created_by, private_to
        """

    /// A person's private copy of a posting whose id another person's job holds: stored
    /// without the id (the pair is unique) and without a link, so no source run updates it.
    static func insertUnlinked(_ posting: NormalizedPosting, owner: Int, now: Date, on database: any Database) async throws -> Int {
        let job = StoredJob(posting)
        let values: [any Encodable & Sendable] = [
            job.title, job.company, TextNormalizer.key(job.company), job.location, posting.source, Optional<String>.none, job.url,
            job.description, job.descriptionText, job.remote, job.employmentType, job.salaryMin, job.salaryMax, job.salaryCurrency,
            job.salaryPeriod, job.postedAt, now, true, now, now, owner, owner,
        ]
        let row = try await database.sql.raw("""
            INSERT INTO jobs (\(unsafeRaw: insertColumns)) VALUES \(SQLGroupExpression(values.map { SQLBind($0) })) RETURNING id
            """).first()
        guard let row else { throw DomainError.conflict("The job could not be stored") }
        return try row.decode(column: "id", as: Int.self)
    }

    /// Writes every source column back; listed again means open again.
    func update(_ id: Int, now: Date, on database: any Database) async throws {
        try await database.sql.raw("""
            UPDATE jobs SET title = \(bind: title), company = \(bind: company), company_key = \(bind: TextNormalizer.key(company)),
                location = \(bind: location), url = \(bind: url), description = \(bind: description), description_text = \(bind: descriptionText),
                remote = \(bind: remote), employment_type = \(bind: employmentType), salary_min = \(bind: salaryMin), salary_max = \(bind: salaryMax),
                salary_currency = \(bind: salaryCurrency), salary_period = \(bind: salaryPeriod), posted_at = \(bind: postedAt),
                is_active = \(bind: true), inactive_since = NULL, updated_at = \(bind: now)
            WHERE id = \(bind: id)
            """).run()
    }
}

extension StoredJob: Equatable {}
