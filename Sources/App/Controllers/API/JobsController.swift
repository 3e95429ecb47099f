import CareerCopilotCore
import Vapor

/// `/api/v1/jobs`: the shared catalogue.
struct JobsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let jobs = routes.grouped("jobs")
        jobs.get(use: list)
        jobs.post(use: create)
        jobs.get(":id", use: show)
        jobs.put(":id", use: update)
        jobs.delete(":id", use: delete)
    }

    func list(request: Request) async throws -> Response {
        let (filter, sort, page) = try JobFilter.parse(request.queryItems)
        let service = JobService(database: request.db)
        let (jobs, total) = try await service.list(filter: filter, sort: sort, page: page)
        let skills = try await service.skillNames(of: jobs.compactMap(\.id))
        let items = try jobs.map { try JobDTO($0, skills: skills[$0.id ?? 0] ?? []) }
        return try request.envelope(ListPage(items: items, request: page, total: total), message: "Jobs retrieved successfully")
    }

    func show(request: Request) async throws -> Response {
        let id = try request.idParameter(resource: "Job")
        let service = JobService(database: request.db)
        let job = try await service.find(id)
        return try request.envelope(try await dto(job, service), message: "Job retrieved successfully")
    }

    func create(request: Request) async throws -> Response {
        let draft = try JobDraft.read(try request.jsonBody(), creating: true)
        let service = JobService(database: request.db)
        let job = try await service.create(draft, by: try request.currentUser)
        return try request.envelope(try await dto(job, service), message: "Job created successfully", status: .created)
    }

    func update(request: Request) async throws -> Response {
        let id = try request.idParameter(resource: "Job")
        let draft = try JobDraft.read(try request.jsonBody(), creating: false)
        let service = JobService(database: request.db)
        let job = try await service.update(id, with: draft, by: try request.currentUser)
        return try request.envelope(try await dto(job, service), message: "Job updated successfully")
    }

    func delete(request: Request) async throws -> Response {
        let id = try request.idParameter(resource: "Job")
        try await JobService(database: request.db).delete(id, by: try request.currentUser)
        return try request.envelope(["id": id], message: "Job deleted successfully")
    }

    private func dto(_ job: Job, _ service: JobService) async throws -> JobDTO {
        let id = try job.requireID()
        return try JobDTO(job, skills: try await service.skillNames(of: [id])[id] ?? [])
    }
}
