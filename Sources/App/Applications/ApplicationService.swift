import CareerCopilotCore
import Fluent
import FluentSQL
import Foundation

/// The rules of a user's applications. Every query is scoped to the user in SQL, so another
/// user's application is simply not found.
struct ApplicationService {
    let database: any Database
    let user: CurrentUser

    /// The user's applications, and no one else's.
    private var ownQuery: QueryBuilder<JobApplication> {
        JobApplication.query(on: database).filter(\.$user.$id == user.id)
    }

    func list(filter: ApplicationFilter, sort: Sorting<ApplicationFilter.SortField>, page: Paging) async throws -> (applications: [JobApplication], total: Int)
    {
        let query = ownQuery.with(\.$job)
        if let statuses = filter.statuses { query.filter(\.$status ~~ statuses) }
        if let jobID = filter.jobID { query.filter(\.$job.$id == jobID) }
        let total = try await query.countRows()
        let direction: SQLQueryString = sort.descending ? "DESC" : "ASC"
        // Missing dates (applied_at) sort last on both databases.
        let nulls: SQLQueryString = sort.field == .appliedAt ? " NULLS LAST" : ""
        query.sort(.sql(embed: "\(ident: "applications").\(ident: sort.field.rawValue) \(direction)\(nulls)"))
        if sort.field != .id { query.sort(.sql(embed: "\(ident: "applications").\(ident: "id") \(direction)")) }
        let applications = try await query.range(page.offset..<(page.offset + page.pageSize)).all()
        return (applications, total)
    }

    func find(_ id: Int) async throws -> JobApplication {
        guard let application = try await ownQuery.filter(\.$id == id).with(\.$job).first() else {
            throw DomainError.notFound("Application not found")
        }
        return application
    }

    func timeline(of applicationID: Int) async throws -> [ApplicationStatusChange] {
        try await ApplicationStatusChange.query(on: database)
            .filter(\.$application.$id == applicationID)
            .sort(\.$changedAt).sort(\.$id)
            .all()
    }

    func create(_ draft: ApplicationDraft) async throws -> JobApplication {
        guard let jobID = draft.jobID.value else { throw DomainError.validation(["job_id is required"]) }
        guard let job = try await Job.find(jobID, on: database), JobService.isVisible(privateTo: job.privateTo, to: user.id) else {
            throw DomainError.validation(["job_id does not refer to an existing job"])
        }
        if let existing = try await ownQuery.filter(\.$job.$id == jobID).first() {
            throw DomainError.conflict("You already track this job (application \(existing.id ?? 0))")
        }
        let status = draft.status.value ?? .saved
        let now = Date()
        let application = JobApplication()
        application.$user.id = user.id
        application.$job.id = jobID
        application.status = status
        application.notes = draft.notes.value
        if ApplicationPipeline.setsAppliedAt(movingTo: status, appliedAt: nil) { application.appliedAt = now }
        try await database.writeTransaction { [user] transaction in
            try await application.create(on: transaction)
            let id = try application.requireID()
            try await ApplicationStatusChange(applicationID: id, from: nil, to: status, at: now).create(on: transaction)
            // Its background steps (notification, statistics) commit with it, or not at all.
            try await EventBus.standard.publish(.applicationCreated(applicationID: id, userID: user.id, jobID: jobID), on: transaction)
        }
        application.$job.value = job
        return application
    }

    /// Changes the application. `ifMatch` (an `If-Match` header): it must still be as last
    /// read. `notesVersion` (from a notes form): its notes must still be the ones the form was
    /// opened with — a status moved meanwhile is no conflict for notes. Checked and written in
    /// one transaction, the row locked (decision 0015).
    func update(_ id: Int, with draft: ApplicationDraft, ifMatch: String? = nil, notesVersion: String? = nil) async throws -> JobApplication {
        try await database.writeTransaction { [user] transaction in
            if ifMatch != nil || notesVersion != nil, transaction.dialect == .postgres {
                try await transaction.sql.raw("SELECT id FROM applications WHERE id = \(bind: id) AND user_id = \(bind: user.id) FOR UPDATE").run()
            }
            let application = try await ApplicationService(database: transaction, user: user).find(id)
            if let ifMatch, !EditVersion.ifMatch(ifMatch, admits: EditVersion.application(application)) {
                throw DomainError.conflict(EditVersion.conflictMessage)
            }
            if let notesVersion, draft.notes.isPresent, notesVersion != EditVersion.notes(application.notes) {
                throw DomainError.conflict(EditVersion.conflictMessage)
            }
            if let jobID = draft.jobID.value, jobID != application.$job.id {
                throw DomainError.validation(["job_id cannot be changed; track the other job instead"])
            }
            application.notes = draft.notes.applied(to: application.notes)
            let now = Date()
            var change: ApplicationStatusChange?
            if let status = draft.status.value, status != application.status {
                change = ApplicationStatusChange(applicationID: id, from: application.status, to: status, at: now)
                application.status = status
                if ApplicationPipeline.setsAppliedAt(movingTo: status, appliedAt: application.appliedAt) { application.appliedAt = now }
            }
            try await application.update(on: transaction)
            guard let change else { return application }
            try await change.create(on: transaction)
            if let from = change.fromStatus {
                try await EventBus.standard.publish(
                    .applicationStatusChanged(applicationID: id, userID: user.id, changeID: try change.requireID(), from: from, to: change.toStatus),
                    on: transaction
                )
            }
            return application
        }
    }

    func delete(_ id: Int) async throws {
        let application = try await find(id)
        try await application.delete(on: database)
    }
}
