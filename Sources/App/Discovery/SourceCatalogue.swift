import CareerCopilotCore
import Fluent
import Foundation
import JobSources
import SQLKit
import Vapor

/// Adding and changing sources: one set of rules for the API and the page.
struct SourceCatalogue {
    let database: any Database
    /// Keys configured for the sources that need them: a keyed source cannot be added without.
    var credentials = SourceCredentials()

    static let scheduleRule = "schedule must be five cron fields, @hourly, @daily, @weekly or 'every 6h'"

    func create(_ body: JSONValue) async throws -> SourceRecord {
        var reader = try BodyReader(body: body)
        let name = reader.string("name", required: true, maxLength: 100, collapseWhitespace: true).value
        var kind = readType(&reader, required: true)
        var identifier = reader.string("identifier", maxLength: 2_048).value ?? ""
        // A board's address pasted as it is ("https://boards.greenhouse.io/acme") names the
        // board: its kind and token. Feeds and careers pages keep their address.
        if kind != .rss, kind != .jsonLD, let board = BoardAddress.recognize(identifier), identifier.contains(".") {
            kind = board.kind
            identifier = board.identifier
        }
        let baseURL = reader.url("base_url").value
        let schedule = reader.string("schedule", maxLength: 100).value ?? "every 6h"
        let enabled = reader.bool("enabled").value ?? true
        if (try? Schedule(schedule)) == nil { reader.addIssue(Self.scheduleRule) }
        if let kind {
            for issue in SourceDefinition(kind: kind, identifier: identifier, baseURL: baseURL, credentials: credentials).issues() { reader.addIssue(issue) }
        }
        try reader.validate()
        let now = Date()
        guard
            let row = try await database.sql.raw(
                """
                INSERT INTO sources (name, kind, identifier, base_url, schedule, enabled, created_at, updated_at)
                VALUES (\(bind: name ?? ""), \(bind: kind?.rawValue ?? ""), \(bind: identifier), \(bind: baseURL), \(bind: schedule), \(bind: enabled), \(bind: now), \(bind: now))
                ON CONFLICT DO NOTHING RETURNING id
                """
            ).first()
        else { throw DomainError.conflict("A source named '\(name ?? "")' already exists") }
        return try await find(try row.decode(column: "id", as: Int.self))
    }

    /// Changes the fields present in `body` (`PUT /api/v1/sources/{id}`, the page's edit form):
    /// name, schedule, enabled, identifier, base_url; the type stays. A changed board or URL
    /// forgets the last listing's validators, so the next run reads it in full.
    func update(_ source: SourceRecord, with body: JSONValue) async throws -> SourceRecord {
        var reader = try BodyReader(body: body)
        let name = reader.string("name", maxLength: 100, collapseWhitespace: true)
        if name.isNull { reader.addIssue("name cannot be empty") }
        if let kind = readType(&reader, required: false), kind != source.definition.kind {
            reader.addIssue("type cannot change: add a new source instead")
        }
        let identifier = reader.string("identifier", maxLength: 2_048)
        let baseURL = reader.url("base_url")
        let schedule = reader.string("schedule", maxLength: 100)
        if schedule.isNull || schedule.value.map({ (try? Schedule($0)) == nil }) == true { reader.addIssue(Self.scheduleRule) }
        let enabled = reader.bool("enabled")
        if enabled.isNull { reader.addIssue("enabled must be true or false") }
        var definition = source.definition
        definition.identifier = identifier.isNull ? "" : identifier.value ?? definition.identifier
        definition.baseURL = baseURL.applied(to: definition.baseURL)
        definition.credentials = credentials
        if identifier.isPresent || baseURL.isPresent {
            for issue in definition.issues() { reader.addIssue(issue) }
        }
        try reader.validate()
        let moved = definition.identifier != source.definition.identifier || definition.baseURL != source.definition.baseURL
        let newName = name.value ?? source.name
        if newName != source.name,
            try await database.sql.raw("SELECT id FROM sources WHERE name = \(bind: newName) AND id <> \(bind: source.id)").first() != nil
        {
            throw DomainError.conflict("A source named '\(newName)' already exists")
        }
        do {
            // The validators are left to the runs unless the source moved (a run may be saving them now).
            try await database.sql.raw(
                """
                UPDATE sources SET name = \(bind: newName), identifier = \(bind: definition.identifier), base_url = \(bind: definition.baseURL),
                    schedule = \(bind: schedule.value ?? source.schedule), enabled = \(bind: enabled.value ?? source.enabled),
                    \(unsafeRaw: moved ? "etag = NULL, last_modified = NULL," : "") updated_at = \(bind: Date())
                WHERE id = \(bind: source.id)
                """
            ).run()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // The name was taken between the check and the update.
            throw DomainError.conflict("A source named '\(newName)' already exists")
        }
        return try await find(source.id)
    }

    /// `type` as the API names it; `kind`, its earlier name, is still read.
    private func readType(_ reader: inout BodyReader, required: Bool) -> SourceKind? {
        let key = reader.object["type"] == nil && reader.object["kind"] != nil ? "kind" : "type"
        return reader.enumeration(key, SourceKind.self, required: required).value
    }

    private func find(_ id: Int) async throws -> SourceRecord {
        guard let source = try await SourceRecord.find(id, on: database) else { throw DomainError.notFound("Source not found") }
        return source
    }
}
