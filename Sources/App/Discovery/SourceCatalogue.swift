import CareerCopilotCore
import Fluent
import Foundation
import SQLKit

/// Adding a source: one set of rules for the API and the page.
struct SourceCatalogue {
    let database: any Database

    func create(_ body: JSONValue) async throws -> SourceRecord {
        var reader = try BodyReader(body: body)
        let name = reader.string("name", required: true, maxLength: 100, collapseWhitespace: true).value
        let kind = reader.enumeration("kind", SourceKind.self, required: true).value
        let identifier = reader.string("identifier", maxLength: 2_048).value ?? ""
        let baseURL = reader.url("base_url").value
        let schedule = reader.string("schedule", maxLength: 100).value ?? "every 6h"
        if (try? Schedule(schedule)) == nil { reader.addIssue("schedule must be five cron fields, @hourly, @daily, @weekly or 'every 6h'") }
        if let kind {
            for issue in SourceDefinition(kind: kind, identifier: identifier, baseURL: baseURL).issues() { reader.addIssue(issue) }
        }
        try reader.validate()
        let now = Date()
        guard let row = try await database.sql.raw("""
            INSERT INTO sources (name, kind, identifier, base_url, schedule, enabled, created_at, updated_at)
            VALUES (\(bind: name ?? ""), \(bind: kind?.rawValue ?? ""), \(bind: identifier), \(bind: baseURL), \(bind: schedule), \(bind: true), \(bind: now), \(bind: now))
            ON CONFLICT DO NOTHING RETURNING id
            """).first()
        else { throw DomainError.conflict("A source named '\(name ?? "")' already exists") }
        guard let source = try await SourceRecord.find(try row.decode(column: "id", as: Int.self), on: database) else {
            throw DomainError.notFound("Source not found")
        }
        return source
    }
}
