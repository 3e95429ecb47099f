import CareerCopilotCore
import CareerCopilotWeb
import Fluent
import FluentKit
import JobSources
import Vapor

/// `/jobs`: the catalogue as pages — search, a job, the add and edit form, delete, track.
struct JobPagesController: RouteCollection {
    let services: AppServices

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.jobs, use: list)
        routes.post(SiteURL.jobs, use: create)
        routes.get(SiteURL.newJob, use: newForm)
        routes.get(SiteURL.job, use: show)
        routes.get(SiteURL.editJob, use: editForm)
        routes.post(SiteURL.editJob, use: update)
        routes.post(SiteURL.deleteJob, use: delete)
        routes.post(SiteURL.trackJob, use: track)
        routes.post(SiteURL.importJob, use: importJob)
        // A failed import shows its page at this address; opening it again lands on the form.
        routes.get(SiteURL.importJob) { request in request.redirect(to: SiteURL.newJob.path) }
    }

    func importJob(request: Request) async throws -> Response {
        let user = try request.pageUser
        let fields = try request.formFields()
        let url = (fields["url"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            let (jobID, outcome) = try await JobImporter(services, database: request.db, logger: request.logger).importJob(from: url, by: user)
            return request.redirect(
                to: SiteURL.job(jobID).path, flash: outcome == .new ? "Job imported." : "This job was already in the catalogue; it is up to date.")
        } catch {
            let (issues, status) = try FormFailure.issues(of: error)
            let imported = FormState(values: ["url": url], issues: issues, fields: JobFormPage.importFields)
            return request.page(JobFormPage.render(jobID: nil, FormState(), imported: imported, context: try await request.pageContext(.jobs)), status: status)
        }
    }

    func list(request: Request) async throws -> Response {
        // An empty field of the search form means "any": the address keeps only what was chosen.
        let submitted = request.queryItems
        let items = submitted.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
        if items.count < submitted.count {
            return request.redirect(to: SiteURL.jobs.path(query: items.map { ($0.name, $0.value) }))
        }
        var search = JobSearchQuery.read(items)
        let user = try request.pageUser
        search.filter.hiddenCompanies = try await BlocklistService(database: request.db, user: user).hiddenKeys()
        let reader = JobReader(database: request.db, viewer: user.id, counts: services.jobCounts)
        var notice: String?
        let result: (jobs: [JobRecord], total: Int)
        if let text = search.rankedText {
            // Keywords without a chosen order: the best answers first (decision 0023).
            let outcome = try await JobSearch(database: request.db, viewer: user.id, embeddings: services.embeddings)
                .search(JobSearchRequest(text: text, mode: search.mode, filter: search.filter, page: search.page))
            result = (outcome.jobs.map(\.record), outcome.total)
            notice = outcome.notice
        } else {
            result = try await reader.list(filter: search.filter, sort: search.sort, page: search.page)
        }
        let tracked = try await ApplicationReader(database: request.db, user: user).tracking(jobs: result.jobs.map(\.id))
        let scores = try await reader.matchScores(of: result.jobs.map(\.id))
        let jobs = result.jobs.map { record in
            var job = record.summary
            job.tracking = tracked[record.id]
            job.matchScore = scores[record.id]
            return job
        }
        let fields = Dictionary(items.filter { JobsPage.searchFields.contains($0.name) }.map { ($0.name, $0.value) }) { first, _ in first }
        let model = JobsPage.Model(search: fields, jobs: jobs, total: result.total, page: search.page.page, pageSize: search.page.pageSize)
        var context = try await request.pageContext(.jobs)
        if let notice = JobSearchQuery.notice(search.ignored) {
            context.flash = .init(notice, isError: true)
        } else if let notice {
            context.flash = .init(notice, isError: false)
        }
        return request.page(JobsPage.render(model, context: context))
    }

    func show(request: Request) async throws -> Response {
        let user = try request.pageUser
        let id = try request.pageID(resource: "Job")
        let reader = JobReader(database: request.db, viewer: user.id)
        let job = try await reader.record(id)
        let application = try await ApplicationReader(database: request.db, user: user).application(forJob: id)
        let skills = try await reader.skillNames(of: [id])[id] ?? []
        var model = JobPage.Model(
            job: job.summary, url: job.url, description: job.description, skills: skills,
            inactiveSince: job.inactiveSince, createdAt: job.createdAt,
            applicationID: application?.id, applicationStatus: application?.status,
            canEdit: JobService.may(user, change: job.createdBy),
            sources: (try await reader.sourceLinks(of: [id])[id] ?? []).map {
                JobPage.SourceLink(name: $0.sourceName ?? $0.source, url: $0.url, mergeReason: $0.mergeReason, missing: $0.missingSince != nil)
            }
        )
        if let scorer = try await MatchScorer.load(for: user, on: request.db, now: services.time.now) {
            model.match = scorer.match(job, skills: skills)
        }
        model.similar = try await JobSearch(database: request.db, viewer: user.id, embeddings: services.embeddings)
            .similar(to: id) { try await BlocklistService(database: request.db, user: user).hiddenKeys() }.map(\.record.summary)
        return request.page(JobPage.render(model, context: try await request.pageContext(.jobs)))
    }

    func newForm(request: Request) async throws -> Response {
        request.page(JobFormPage.render(jobID: nil, FormState(), context: try await request.pageContext(.jobs)))
    }

    func create(request: Request) async throws -> Response {
        let user = try request.pageUser
        let fields = try request.formFields()
        do {
            let draft = try JobDraft.read(FormBody.job(fields, creating: true), creating: true)
            let job = try await service(request).create(draft, by: user)
            return request.redirect(
                to: SiteURL.job(try job.requireID()).path,
                flash: job.privateTo == nil ? "Job added and shared with everyone." : "Job added. Only you can see it until you share it.")
        } catch {
            let (issues, status) = try FormFailure.issues(of: error)
            let state = FormState(values: fields, issues: issues, fields: JobFormPage.fields)
            return request.page(JobFormPage.render(jobID: nil, state, context: try await request.pageContext(.jobs)), status: status)
        }
    }

    func editForm(request: Request) async throws -> Response {
        let user = try request.pageUser
        let id = try request.pageID(resource: "Job")
        let reader = JobReader(database: request.db, viewer: user.id)
        let job = try await reader.record(id)
        try JobService.authorize(user, toChange: job.createdBy)
        let skills = try await reader.skillNames(of: [id])[id] ?? []
        var values = job.formValues
        values["skills"] = skills.joined(separator: ", ")
        values["version"] = EditVersion.job(job, skills: skills)
        return request.page(JobFormPage.render(jobID: id, FormState(values: values), context: try await request.pageContext(.jobs)))
    }

    func update(request: Request) async throws -> Response {
        let user = try request.pageUser
        let id = try request.pageID(resource: "Job")
        let fields = try request.formFields()
        do {
            let draft = try JobDraft.read(FormBody.job(fields, creating: false), creating: false)
            _ = try await service(request).update(id, with: draft, by: user, ifMatch: fields["version"].map(EditVersion.etag))
            return request.redirect(to: SiteURL.job(id).path, flash: "Changes saved.")
        } catch DomainError.conflict(EditVersion.conflictMessage) {
            // Changed meanwhile (another tab, another person): both versions, the person's kept.
            let reader = JobReader(database: request.db, viewer: user.id)
            let job = try await reader.record(id)
            let skills = try await reader.skillNames(of: [id])[id] ?? []
            var saved = job.formValues
            saved["skills"] = skills.joined(separator: ", ")
            var values = fields
            values["version"] = EditVersion.job(job, skills: skills)
            let conflict = JobFormPage.Conflict(
                saved: JobFormPage.fields.names.compactMap { name in
                    let mine = Self.comparable(name, fields[name]), theirs = Self.comparable(name, saved[name])
                    return mine == theirs ? nil : (JobFormPage.fields.label(name), Self.shown(name, saved[name] ?? ""))
                })
            let page = JobFormPage.render(
                jobID: id, FormState(values: values, fields: JobFormPage.fields), conflict: conflict, context: try await request.pageContext(.jobs))
            return request.page(page, status: .conflict)
        } catch {
            let (issues, status) = try FormFailure.issues(of: error)
            let state = FormState(values: fields, issues: issues, fields: JobFormPage.fields)
            return request.page(JobFormPage.render(jobID: id, state, context: try await request.pageContext(.jobs)), status: status)
        }
    }

    func delete(request: Request) async throws -> Response {
        let user = try request.pageUser
        let id = try request.pageID(resource: "Job")
        // Only what the person may delete is asked about: another's job is still not found.
        let job = try await JobReader(database: request.db, viewer: user.id).record(id)
        try JobService.authorize(user, toChange: job.createdBy)
        if let ask = try await request.confirmation(
            "Delete “\(job.title)”?", detail: "The job is removed for everyone who can see it. If you track it, it is closed instead.", button: "Delete job",
            cancel: SiteURL.job(id).path)
        {
            return ask
        }
        do {
            try await service(request).delete(id, by: user)
            return request.redirect(to: SiteURL.jobs.path, flash: "Job deleted.")
        } catch DomainError.conflict(JobService.trackedJobMessage) {
            // An application tracks it: closing is what can be done, and is done.
            try await service(request).close(id, by: user)
            return request.redirect(
                to: SiteURL.job(id).path,
                flash: "This job is on an application, so it was closed rather than deleted: it no longer shows among open jobs, and the application keeps it.")
        }
    }

    /// Track a job: create the viewer's application (saved), or open the existing one.
    func track(request: Request) async throws -> Response {
        let user = try request.pageUser
        let id = try request.pageID(resource: "Job")
        // From a list, back to that list; from the job's page, on to the application.
        let returnTo = WebURL.localPath(try request.formFields()["return_to"])
        if let existing = try await ApplicationReader(database: request.db, user: user).application(forJob: id) {
            return request.redirect(to: try returnTo ?? SiteURL.application(existing.requireID()).path, flash: "You already track this job.")
        }
        do {
            let draft = try ApplicationDraft.read(.object(["job_id": .number(Double(id))]), creating: true)
            let application = try await ApplicationService(database: request.db, user: user).create(draft)
            let title = application.$job.value?.title ?? "this job"
            return request.redirect(
                to: try returnTo ?? SiteURL.application(application.requireID()).path, flash: "Tracking “\(title)”: it is on your board, in Saved.")
        } catch let error as DomainError {
            // The job is gone (validation names the job_id): the page of a job that does not exist.
            if case .validation = error { throw DomainError.notFound("Job not found") }
            throw error
        }
    }

    /// A field's value as the form sends it and as the saved job fills it, made comparable
    /// (a checkbox is "true" or absent; lists of skills may be spaced differently).
    private static func comparable(_ name: String, _ value: String?) -> String {
        let value = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        switch name {
        case "is_active", "is_private": return value == "true" ? "true" : "false"
        case "skills": return value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ",")
        default: return value
        }
    }

    private static func shown(_ name: String, _ value: String) -> String {
        switch name {
        case "is_active": value == "true" ? "Yes" : "No"
        case "is_private": value == "true" ? "Yes" : "No"
        default: value
        }
    }

    private func service(_ request: Request) -> JobService {
        JobService(database: request.db, counts: services.jobCounts)
    }
}
