import CareerCopilotCore
import Fluent
import FluentKit
import Vapor

/// `/api/v1/applications`: the current user's applications, and nobody else's.
struct ApplicationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let applications = routes.grouped("applications")
        applications.get(use: list)
        applications.post(use: create)
        applications.get(":id", use: show)
        applications.put(":id", use: update)
        applications.delete(":id", use: delete)
        applications.get(":id", "timeline", use: timeline)
    }

    /// An application with its job and its timeline, as single-application answers show it.
    private func detail(_ application: JobApplication, _ service: ApplicationService) async throws -> ApplicationDTO {
        try ApplicationDTO(application, job: application.$job.value, timeline: try await service.timeline(of: try application.requireID()))
    }

    private func service(_ request: Request) throws -> ApplicationService {
        ApplicationService(database: request.db, user: try request.currentUser)
    }

    func list(request: Request) async throws -> Response {
        let (filter, sort, page) = try ApplicationFilter.parse(request.queryItems)
        let (applications, total) = try await service(request).list(filter: filter, sort: sort, page: page)
        let items = try applications.map { try ApplicationDTO($0, job: $0.$job.value, timeline: nil) }
        return try request.envelope(ListPage(items: items, request: page, total: total), message: "Applications retrieved successfully")
    }

    func show(request: Request) async throws -> Response {
        let id = try request.idParameter(resource: "Application")
        let service = try service(request)
        let application = try await service.find(id)
        let dto = try await detail(application, service)
        return Self.versioned(try request.envelope(dto, message: "Application retrieved successfully"), application)
    }

    func create(request: Request) async throws -> Response {
        let draft = try ApplicationDraft.read(try request.jsonBody(), creating: true)
        let service = try service(request)
        let application = try await service.create(draft)
        let dto = try await detail(application, service)
        return try request.envelope(dto, message: "Application created successfully", status: .created)
    }

    func update(request: Request) async throws -> Response {
        let id = try request.idParameter(resource: "Application")
        let draft = try ApplicationDraft.read(try request.jsonBody(), creating: false)
        let service = try service(request)
        let application = try await service.update(id, with: draft, ifMatch: request.ifMatch)
        let dto = try await detail(application, service)
        return Self.versioned(try request.envelope(dto, message: "Application updated successfully"), application)
    }

    /// The application's edit version as `ETag`: send it back as `If-Match` on `PUT`.
    private static func versioned(_ response: Response, _ application: JobApplication) -> Response {
        response.headers.replaceOrAdd(name: .eTag, value: EditVersion.etag(EditVersion.application(application)))
        return response
    }

    func delete(request: Request) async throws -> Response {
        let id = try request.idParameter(resource: "Application")
        try await service(request).delete(id)
        return try request.envelope(["id": id], message: "Application deleted successfully")
    }

    func timeline(request: Request) async throws -> Response {
        let id = try request.idParameter(resource: "Application")
        let service = try service(request)
        _ = try await service.find(id)
        let entries = try await service.timeline(of: id).map {
            ApplicationDTO.TimelineEntry(fromStatus: $0.fromStatus, toStatus: $0.toStatus, changedAt: $0.changedAt)
        }
        return try request.envelope(entries, message: "Timeline retrieved successfully")
    }
}
