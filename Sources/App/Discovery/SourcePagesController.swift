import CareerCopilotCore
import CareerCopilotWeb
import Fluent
import Foundation
import JobSources
import SQLKit
import Vapor

/// `/sources` (admins): the sources page, adding and removing a source, running one now.
struct SourcePagesController: RouteCollection {
    let services: AppServices

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.sources, use: page)
        routes.post(SiteURL.sources, use: create)
        routes.post(SiteURL.runSource, use: run)
        routes.post(SiteURL.editSource, use: edit)
        routes.post(SiteURL.deleteSource, use: delete)
    }

    func page(request: Request) async throws -> Response {
        try requireAdmin(request)
        return try await render(request, form: FormState(values: ["type": SourceKind.greenhouse.rawValue, "schedule": "every 6h"]))
    }

    func create(request: Request) async throws -> Response {
        try requireAdmin(request)
        let fields = try request.formFields()
        do {
            let body = JSONValue.object(
                SourcesPage.fields.names.reduce(into: [:]) { body, name in
                    if let value = fields[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { body[name] = .string(value) }
                })
            _ = try await SourceCatalogue(database: request.db, credentials: services.configuration.sourceCredentials).create(body)
            return request.redirect(to: SiteURL.sources.path, flash: "Source added. Run it now, or let its schedule bring the jobs.")
        } catch {
            let (issues, status) = try FormFailure.issues(of: error)
            return try await render(request, form: FormState(values: fields, issues: issues, fields: SourcesPage.fields), status: status)
        }
    }

    /// Schedule and pause/resume from a source's card.
    func edit(request: Request) async throws -> Response {
        try requireAdmin(request)
        let id = try request.pageID(resource: "Source")
        guard let source = try await SourceRecord.find(id, on: request.db) else { throw DomainError.notFound("Source not found") }
        let fields = try request.formFields()
        do {
            var body: [String: JSONValue] = ["schedule": .string(fields["schedule"] ?? "")]
            if let enabled = fields["enabled"] { body["enabled"] = .bool(enabled == "true") }
            _ = try await SourceCatalogue(database: request.db, credentials: services.configuration.sourceCredentials).update(source, with: .object(body))
            return request.redirect(to: SiteURL.sources.path, flash: "Source “\(source.name)” saved.")
        } catch {
            let (issues, status) = try FormFailure.issues(of: error)
            return try await render(request, form: FormState(values: fields, issues: issues, fields: SourcesPage.editFields), editing: id, status: status)
        }
    }

    func run(request: Request) async throws -> Response {
        let user = try requireAdmin(request)
        let id = try request.pageID(resource: "Source")
        guard try await SourceRecord.find(id, on: request.db) != nil else { throw DomainError.notFound("Source not found") }
        try await TaskQueue(database: request.db).enqueue(DiscoveryRunHandler.request(sourceID: id, userID: user.id))
        return request.redirect(to: SiteURL.sources.path, flash: "Run queued: the counts update when it has finished.")
    }

    func delete(request: Request) async throws -> Response {
        try requireAdmin(request)
        let id = try request.pageID(resource: "Source")
        if let ask = try await request.confirmation(
            "Remove this source?", detail: "It stops being read. The jobs it brought stay in the catalogue.", button: "Remove source",
            cancel: SiteURL.sources.path)
        {
            return ask
        }
        try await request.db.sql.raw("DELETE FROM sources WHERE id = \(bind: id)").run()
        return request.redirect(to: SiteURL.sources.path, flash: "Source removed; its jobs stay in the catalogue.")
    }

    /// Sources with a run queued or under way.
    static func runningSources(_ database: any Database) async throws -> Set<Int> {
        let rows = try await database.sql.raw(
            """
            SELECT payload FROM tasks WHERE kind = \(bind: DiscoveryRunHandler.kind) AND status IN \(SQLBind.group([TaskRecord.Status.queued.rawValue, TaskRecord.Status.running.rawValue]))
            """
        ).all()
        return Set(
            try rows.compactMap { row in
                let payload = try row.decode(column: "payload", as: String.self)
                return (try? JSONDecoder().decode([String: Int].self, from: Data(payload.utf8)))?["source_id"]
            })
    }

    @discardableResult
    private func requireAdmin(_ request: Request) throws -> CurrentUser {
        let user = try request.pageUser
        guard user.isAdmin else { throw DomainError.forbidden("Only an admin may manage job sources") }
        return user
    }

    private func render(_ request: Request, form: FormState, editing: Int? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let running = try await Self.runningSources(request.db)
        let rows = try await SourceRecord.all(on: request.db).map { source in
            var row = SourcesPage.Row(
                id: source.id, name: source.name, type: source.definition.kind.rawValue, identifier: source.definition.identifier,
                schedule: source.schedule, enabled: source.enabled, lastRunAt: source.lastRunAt, lastStatus: source.lastStatus, lastError: source.lastError,
                lastCounts: source.lastCounts.map {
                    "\($0.new) new · \($0.updated) updated · \($0.unchanged) unchanged · \($0.merged) merged · \($0.closed) closed · \($0.rejected) rejected"
                }
            )
            row.running = running.contains(source.id)
            return row
        }
        return request.page(SourcesPage.render(rows, form: form, editing: editing, context: try await request.pageContext(.sources)), status: status)
    }
}
