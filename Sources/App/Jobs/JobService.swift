import CareerCopilotCore
import Fluent
import Foundation
import JobSources
import SQLKit

/// The rules of changing jobs: creating, changing and deleting them, and keeping each job's
/// skills. A job a person adds is theirs alone until they share it (decision 0014); the
/// shared catalogue is what discovery brings in, and shared jobs. `JobReader` reads them.
struct JobService {
    let database: any Database
    /// Cleared after every change, so that list totals include it.
    var counts: CountCache?

    func create(_ draft: JobDraft, by user: CurrentUser) async throws -> Job {
        let job = Job()
        job.source = "manual"
        job.description = ""
        job.descriptionText = ""
        job.isActive = true
        job.scrapedAt = Date()
        job.$creator.id = user.id
        job.privateTo = draft.isPrivate.value == false ? nil : user.id
        try Self.checkSource(draft, by: user)
        try apply(draft, to: job)
        try await ensureUniqueExternalID(of: job, by: user)
        try await database.writeTransaction { transaction in
            try await job.create(on: transaction)
            // Without a list of its own, the job asks for the skills its text names, as a
            // discovered job does: a search for "C++" finds both alike.
            let skills = draft.skills.value ?? SkillTaxonomy.standard.extract(from: job.title, job.descriptionText)
            try await JobService(database: transaction).replaceSkills(of: try job.requireID(), with: skills)
            try await Self.followUpChangedJobs(on: transaction)
        }
        counts?.invalidate()
        return job
    }

    /// Changes the fields the draft has. `ifMatch` (an `If-Match` header, or the version a
    /// form was opened with): the job must still be as the person last saw it, or nothing
    /// changes and `conflict` says so. The check and the write are one transaction, with the
    /// job's row locked, so that two saves from one old copy cannot both pass.
    func update(_ id: Int, with draft: JobDraft, by user: CurrentUser, ifMatch: String? = nil) async throws -> Job {
        let job = try await database.writeTransaction { transaction in
            let service = JobService(database: transaction)
            if let ifMatch {
                try await service.lock(id)
                guard EditVersion.ifMatch(ifMatch, admits: try await service.version(of: id, for: user)) else {
                    throw DomainError.conflict(EditVersion.conflictMessage)
                }
            }
            let job = try await service.find(id, visibleTo: user)
            try Self.authorize(user, toChange: job.$creator.id)
            try Self.checkSource(draft, by: user)
            switch (draft.isPrivate.value, job.privateTo) {
            case (false?, _?): job.privateTo = nil
            case (true?, nil): throw DomainError.validation(["is_private must stay false: a shared job stays shared, since others may track it"])
            default: break
            }
            try service.apply(draft, to: job)
            try await service.ensureUniqueExternalID(of: job, by: user)
            try await job.update(on: transaction)
            if draft.skills.isPresent {
                try await service.replaceSkills(of: id, with: draft.skills.value ?? [])
            }
            try await Self.followUpChangedJobs(on: transaction)
            return job
        }
        counts?.invalidate()
        return job
    }

    /// New and changed jobs are scored for every profile and embedded for semantic search, in
    /// the background: enqueued in the change's own transaction.
    static func followUpChangedJobs(on database: any Database) async throws {
        try await MatchRefreshHandler.requestForEveryProfile(on: database)
        try await TaskQueue(database: database).enqueue(EmbeddingRefreshHandler.request)
    }

    /// The job's edit version as `user` sees it (`notFound` when they cannot).
    func version(of id: Int, for user: CurrentUser) async throws -> String {
        let reader = JobReader(database: database, viewer: user.id)
        let record = try await reader.record(id)
        return EditVersion.job(record, skills: try await reader.skillNames(of: [id])[id] ?? [])
    }

    /// Holds the job's row until the transaction ends (PostgreSQL; SQLite's write transaction
    /// already runs alone).
    private func lock(_ id: Int) async throws {
        guard database.dialect == .postgres else { return }
        try await database.sql.raw("SELECT id FROM jobs WHERE id = \(bind: id) FOR UPDATE").run()
    }

    func delete(_ id: Int, by user: CurrentUser) async throws {
        let job = try await find(id, visibleTo: user)
        try Self.authorize(user, toChange: job.$creator.id)
        // Whose applications track it is nobody else's business: the answer says only that one does.
        guard try await JobApplication.query(on: database).filter(\.$job.$id == id).first() == nil else {
            throw DomainError.conflict(Self.trackedJobMessage)
        }
        try await job.delete(on: database)
        counts?.invalidate()
    }

    static let trackedJobMessage =
        "This job is on an application, so it cannot be deleted; close it instead (is_active: false): it leaves the lists of open jobs and stays on the application"

    /// Closes the job (it leaves the lists of open jobs); what a person gets for deleting a job
    /// that an application tracks.
    func close(_ id: Int, by user: CurrentUser) async throws {
        var draft = JobDraft()
        draft.isActive = .value(false)
        _ = try await update(id, with: draft, by: user)
    }

    // MARK: Rules

    /// The job, if `user` may see it: another person's private job does not exist for them.
    private func find(_ id: Int, visibleTo user: CurrentUser) async throws -> Job {
        guard let job = try await Job.find(id, on: database), Self.isVisible(privateTo: job.privateTo, to: user.id) else {
            throw DomainError.notFound("Job not found")
        }
        return job
    }

    /// The rule for seeing a job (decision 0014): a shared one, or one's own private one.
    /// `JobReader.visible(to:)` is the same rule in SQL.
    static func isVisible(privateTo: Int?, to viewer: Int) -> Bool {
        privateTo == nil || privateTo == viewer
    }

    /// `forbidden` unless `user` may change a job created by `createdBy`: the API's and the
    /// pages' one refusal.
    static func authorize(_ user: CurrentUser, toChange createdBy: Int?) throws {
        guard may(user, change: createdBy) else {
            throw DomainError.forbidden("Only the job's creator or an admin may change it")
        }
    }

    /// The rule for changing a job: its creator or an admin.
    static func may(_ user: CurrentUser, change createdBy: Int?) -> Bool {
        user.isAdmin || (createdBy != nil && createdBy == user.id)
    }

    /// The names discovery files its jobs under (`greenhouse`, `rss`, `import` …): a person's
    /// job may not claim one, or a source run would take it for the board's own.
    static let reservedSources: Set<String> = Set(SourceKind.allCases.map(\.rawValue) + ["import"])

    private static func checkSource(_ draft: JobDraft, by user: CurrentUser) throws {
        guard !user.isAdmin, let source = draft.source.value, reservedSources.contains(source) else { return }
        throw DomainError.validation(["source '\(source)' is kept for jobs that discovery brings in; use another name, such as manual"])
    }

    private func apply(_ draft: JobDraft, to job: Job) throws {
        if let title = draft.title.value { job.title = title }
        if let company = draft.company.value {
            job.company = company
            job.companyKey = TextNormalizer.key(company)
        }
        job.location = draft.location.applied(to: job.location)
        if let source = draft.source.value { job.source = source }
        job.externalID = draft.externalID.applied(to: job.externalID)
        job.url = draft.url.applied(to: job.url)
        switch draft.description {
        case .absent: break
        case .null:
            job.description = ""
            job.descriptionText = ""
        case let .value(sanitised):
            job.description = sanitised.html
            job.descriptionText = sanitised.text
        }
        job.remote = draft.remote.applied(to: job.remote)
        job.employmentType = draft.employmentType.applied(to: job.employmentType)
        job.salaryMin = draft.salaryMin.applied(to: job.salaryMin)
        job.salaryMax = draft.salaryMax.applied(to: job.salaryMax)
        job.salaryCurrency = draft.salaryCurrency.applied(to: job.salaryCurrency)
        job.salaryPeriod = draft.salaryPeriod.applied(to: job.salaryPeriod)
        job.postedAt = draft.postedAt.applied(to: job.postedAt)
        if let isActive = draft.isActive.value, isActive != job.isActive {
            job.isActive = isActive
            job.inactiveSince = isActive ? nil : Date()
        }
        let issues = JobDraft.crossFieldIssues(salaryMin: job.salaryMin, salaryMax: job.salaryMax)
        if !issues.isEmpty { throw DomainError.validation(issues) }
    }

    /// The pair (source, external_id) is unique. The answer names the other job only when
    /// `user` may see it.
    private func ensureUniqueExternalID(of job: Job, by user: CurrentUser) async throws {
        guard let externalID = job.externalID else { return }
        let query = Job.query(on: database).filter(\.$source == job.source).filter(\.$externalID == externalID)
        if let id = job.id { query.filter(\.$id != id) }
        if let existing = try await query.first() {
            let which = Self.isVisible(privateTo: existing.privateTo, to: user.id) ? " (id \(existing.id ?? 0))" : ""
            throw DomainError.conflict("A job from source '\(job.source)' with external_id '\(externalID)' already exists\(which)")
        }
    }

    /// Makes the job's skills exactly `names`, creating skills the taxonomy lacks.
    func replaceSkills(of jobID: Int, with names: [String]) async throws {
        try await database.sql.raw("DELETE FROM job_skills WHERE job_id = \(bind: jobID)").run()
        let skillIDs = try await SkillService(database: database).ids(for: names)
        guard !skillIDs.isEmpty else { return }
        let rows = skillIDs.map { SQLGroupExpression([SQLBind(jobID), SQLBind($0)]) }
        try await database.sql.raw("INSERT INTO job_skills (job_id, skill_id) VALUES \(SQLList(rows))").run()
    }
}
