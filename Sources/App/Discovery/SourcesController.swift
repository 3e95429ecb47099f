import CareerCopilotCore
import Fluent
import Foundation
import JobSources
import SQLKit
import Vapor

/// `/api/v1/sources`: the job sources and how their last run went (every user reads them, as
/// API.md says); adding, changing, deleting and running one now are for admins.
struct SourcesController: RouteCollection {
    let services: AppServices

    func boot(routes: any RoutesBuilder) throws {
        let sources = routes.grouped("sources")
        sources.get(use: list)
        sources.post(use: create)
        sources.get(":id", use: show)
        sources.put(":id", use: update)
        sources.delete(":id", use: delete)
        sources.post(":id", "run", use: run)
    }

    func list(request: Request) async throws -> Response {
        _ = try request.currentUser
        let sources = try await SourceRecord.all(on: request.db)
        return try request.envelope(
            ListPage(items: sources.map(SourceDTO.init), request: Paging(page: 1, pageSize: max(1, sources.count)), total: sources.count),
            message: "Sources retrieved successfully")
    }

    func show(request: Request) async throws -> Response {
        _ = try request.currentUser
        return try request.envelope(SourceDTO(try await find(request)), message: "Source retrieved successfully")
    }

    func create(request: Request) async throws -> Response {
        try requireAdmin(request)
        let source = try await SourceCatalogue(database: request.db, credentials: services.configuration.sourceCredentials).create(try request.jsonBody())
        return try request.envelope(SourceDTO(source), message: "Source created", status: .created)
    }

    /// Changes the fields sent: name, schedule, enabled, identifier, base_url.
    func update(request: Request) async throws -> Response {
        try requireAdmin(request)
        let source = try await SourceCatalogue(database: request.db, credentials: services.configuration.sourceCredentials).update(
            try await find(request), with: try request.jsonBody())
        return try request.envelope(SourceDTO(source), message: "Source updated")
    }

    func delete(request: Request) async throws -> Response {
        try requireAdmin(request)
        let source = try await find(request)
        // Its jobs stay in the catalogue; they only lose this source.
        try await request.db.sql.raw("DELETE FROM sources WHERE id = \(bind: source.id)").run()
        return try request.envelope(["id": source.id], message: "Source deleted")
    }

    /// 202 with the queued task (or the one already queued for this source).
    func run(request: Request) async throws -> Response {
        let user = try requireAdmin(request)
        let source = try await find(request)
        let queue = TaskQueue(database: request.db)
        let id: Int?
        if let queued = try await queue.enqueue(DiscoveryRunHandler.request(sourceID: source.id, userID: user.id)) {
            id = queued
        } else {
            id = try await request.db.sql.raw(
                """
                SELECT id FROM tasks WHERE unique_key = \(bind: "discovery:source:\(source.id)") AND status IN ('queued', 'running')
                """
            ).first()?.decode(column: "id", as: Int.self)
        }
        guard let id, let task = try await queue.find(id) else { throw DomainError.conflict("The run could not be queued; try again") }
        return try request.envelope(TaskDTO(task), message: "Source run queued", status: .accepted)
    }

    @discardableResult
    private func requireAdmin(_ request: Request) throws -> CurrentUser {
        let user = try request.currentUser
        guard user.isAdmin else { throw DomainError.forbidden("Only an admin may manage sources") }
        return user
    }

    private func find(_ request: Request) async throws -> SourceRecord {
        guard let source = try await SourceRecord.find(try request.idParameter(resource: "Source"), on: request.db) else {
            throw DomainError.notFound("Source not found")
        }
        return source
    }
}

/// A source as the API shows it.
struct SourceDTO: Encodable {
    let id: Int
    let name: String
    let type: String
    let identifier: String
    @Nullable var baseURL: String?
    let schedule: String
    let enabled: Bool
    @Nullable var lastRunAt: Date?
    @Nullable var lastStatus: String?
    @Nullable var lastError: String?
    /// The last run's counts.
    @Nullable var stats: IngestionService.Counts?
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, type, identifier, schedule, enabled, stats
        case baseURL = "base_url"
        case lastRunAt = "last_run_at"
        case lastStatus = "last_status"
        case lastError = "last_error"
        case createdAt = "created_at"
    }

    init(_ source: SourceRecord) {
        id = source.id
        name = source.name
        type = source.definition.kind.rawValue
        identifier = source.definition.identifier
        baseURL = source.definition.baseURL
        schedule = source.schedule
        enabled = source.enabled
        lastRunAt = source.lastRunAt
        lastStatus = source.lastStatus
        lastError = source.lastError
        stats = source.lastCounts
        createdAt = source.createdAt
    }
}
