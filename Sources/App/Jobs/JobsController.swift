import CareerCopilotCore
import Fluent
import FluentKit
import JobSources
import Matching
import Vapor

/// `/api/v1/jobs`: the shared catalogue.
struct JobsController: RouteCollection {
    let services: AppServices

    func boot(routes: any RoutesBuilder) throws {
        let jobs = routes.grouped("jobs")
        jobs.get(use: list)
        jobs.post(use: create)
        jobs.get(":id", use: show)
        jobs.put(":id", use: update)
        jobs.delete(":id", use: delete)
        jobs.post("import", use: importJob)
        jobs.get(":id", "match", use: match)
        jobs.get("recommendations", use: recommendations)
    }

    /// `GET /api/v1/jobs/{id}/match`: how well the job fits the caller's profile, and why,
    /// computed now (lists sort by the scores the background refresh stores).
    func match(request: Request) async throws -> Response {
        let id = try request.idParameter(resource: "Job")
        let user = try request.currentUser
        let reader = JobReader(database: request.db, viewer: user.id)
        let job = try await reader.record(id)
        guard let scorer = try await MatchScorer.load(for: user, on: request.db, now: services.time.now) else {
            throw DomainError.conflict(MatchScorer.noProfile)
        }
        let match = scorer.match(job, skills: try await reader.skillNames(of: [id])[id] ?? [])
        return try request.envelope(match, message: "Match computed")
    }

    /// `GET /api/v1/jobs/recommendations`: the caller's best matches (`applied=show` marks the
    /// jobs they applied to instead of leaving them out).
    func recommendations(request: Request) async throws -> Response {
        var query = QueryReader(items: request.queryItems)
        let paging = query.page()
        let showApplied = query.enumerationList("applied", AppliedChoice.self)?.last == .show
        try query.validate()
        let user = try request.currentUser
        guard
            let (jobs, total) = try await Recommendations(database: request.db, user: user, now: services.time.now, embeddings: services.embeddings).page(
                paging, showApplied: showApplied)
        else { throw DomainError.conflict(MatchScorer.noProfile) }
        return request.envelope(writing: ListPage(items: jobs, request: paging, total: total), message: "Recommendations retrieved successfully")
    }

    enum AppliedChoice: String, CaseIterable, Sendable { case hide, show }

    /// `POST /api/v1/jobs/import` `{"url": …}`: 201 with a new job, 200 with the job the posting
    /// already is (same source id, or a duplicate from another source).
    func importJob(request: Request) async throws -> Response {
        let user = try request.currentUser
        var reader = try BodyReader(body: try request.jsonBody())
        let url = reader.rawString("url", required: true, maxLength: 2_048)
        try reader.validate()
        let (jobID, outcome) = try await JobImporter(services, database: request.db, logger: request.logger).importJob(from: url ?? "", by: user)
        let created = outcome == .new
        return request.envelope(
            writing: try await dto(jobID, request), message: created ? "Job imported" : "This job was already in the catalogue; it is up to date",
            status: created ? .created : .ok
        )
    }

    func list(request: Request) async throws -> Response {
        var (filter, sort, page) = try JobFilter.parse(request.queryItems)
        let user = try request.currentUser
        filter.hiddenCompanies = try await BlocklistService(database: request.db, user: user).hiddenKeys()
        let reader = JobReader(database: request.db, viewer: user.id, counts: services.jobCounts)
        let (jobs, total) = try await reader.list(filter: filter, sort: sort, page: page)
        let items = try await reader.dtos(jobs)
        return request.envelope(writing: ListPage(items: items, request: page, total: total), message: "Jobs retrieved successfully")
    }

    /// The job, with its edit version as `ETag` (send it back as `If-Match` on `PUT`).
    func show(request: Request) async throws -> Response {
        let id = try request.idParameter(resource: "Job")
        return try await versioned(id, request, message: "Job retrieved successfully")
    }

    func create(request: Request) async throws -> Response {
        let draft = try JobDraft.read(try request.jsonBody(), creating: true)
        let job = try await service(request).create(draft, by: try request.currentUser)
        return request.envelope(writing: try await dto(try job.requireID(), request), message: "Job created successfully", status: .created)
    }

    func update(request: Request) async throws -> Response {
        let id = try request.idParameter(resource: "Job")
        let draft = try JobDraft.read(try request.jsonBody(), creating: false)
        _ = try await service(request).update(id, with: draft, by: try request.currentUser, ifMatch: request.ifMatch)
        return try await versioned(id, request, message: "Job updated successfully")
    }

    func delete(request: Request) async throws -> Response {
        let id = try request.idParameter(resource: "Job")
        try await service(request).delete(id, by: try request.currentUser)
        return try request.envelope(["id": id], message: "Job deleted successfully")
    }

    private func service(_ request: Request) -> JobService {
        JobService(database: request.db, counts: services.jobCounts)
    }

    /// The job with its edit version as `ETag`, both from one read of the job and its skills.
    private func versioned(_ id: Int, _ request: Request, message: String) async throws -> Response {
        let reader = JobReader(database: request.db, viewer: try request.currentUser.id)
        let job = try await reader.record(id)
        let skills = try await reader.skillNames(of: [id])[id] ?? []
        let dto = JobDTO(job: job, skills: skills, sources: try await reader.sourceLinks(of: [id])[id] ?? [])
        let response = request.envelope(writing: dto, message: message)
        response.headers.replaceOrAdd(name: .eTag, value: EditVersion.etag(EditVersion.job(job, skills: skills)))
        return response
    }

    /// The job as stored, read back the way lists read it.
    private func dto(_ id: Int, _ request: Request) async throws -> JobDTO {
        let reader = JobReader(database: request.db, viewer: try request.currentUser.id)
        return try await reader.dtos([try await reader.record(id)])[0]
    }
}
