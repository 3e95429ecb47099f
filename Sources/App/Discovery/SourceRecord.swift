import CareerCopilotCore
import Fluent
import Foundation
import JobSources
import SQLKit

/// A configured source, as stored in `sources`: the one place that names its columns.
struct SourceRecord: Sendable {
    let id: Int
    let name: String
    let definition: SourceDefinition
    let schedule: String
    let enabled: Bool
    let lastRunAt: Date?
    let lastStatus: String?
    let lastError: String?
    let lastCounts: IngestionService.Counts?
    /// What the last one-page listing said about itself, to ask for it only if changed.
    let validators: SourceFetcher.Validators
    let createdAt: Date

    enum Column: String, TableColumns {
        case id, name, kind, identifier
        case baseURL = "base_url"
        case schedule, enabled
        case lastRunAt = "last_run_at"
        case lastStatus = "last_status"
        case lastError = "last_error"
        case lastCounts = "last_counts"
        case etag
        case lastModified = "last_modified"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    static let table = "sources"

    init(row: any SQLRow) throws {
        id = try row.decode(Column.id)
        name = try row.decode(Column.name)
        let kind = SourceKind(rawValue: try row.decode(Column.kind, as: String.self)) ?? .jsonLD
        definition = SourceDefinition(kind: kind, identifier: try row.decode(Column.identifier), baseURL: try row.decode(Column.baseURL))
        schedule = try row.decode(Column.schedule)
        enabled = try row.decode(Column.enabled)
        lastRunAt = try row.decode(Column.lastRunAt)
        lastStatus = try row.decode(Column.lastStatus)
        lastError = try row.decode(Column.lastError)
        lastCounts = try row.decode(Column.lastCounts, as: String?.self).flatMap {
            try? JSONDecoder().decode(IngestionService.Counts.self, from: Data($0.utf8))
        }
        validators = .init(etag: try row.decode(Column.etag), lastModified: try row.decode(Column.lastModified))
        createdAt = try row.decode(Column.createdAt)
    }

    static func all(on database: any Database) async throws -> [SourceRecord] {
        try await database.sql.select().column(Column.list()).from(table).orderBy(Column.name.sql).all().map(SourceRecord.init(row:))
    }

    static func find(_ id: Int, on database: any Database) async throws -> SourceRecord? {
        try await database.sql.select().column(Column.list()).from(table).where(Column.id.sql, .equal, SQLBind(id)).first().map(SourceRecord.init(row:))
    }

    static func isNameTaken(_ name: String, byOtherThan id: Int, on database: any Database) async throws -> Bool {
        try await database.sql.select().column(Column.id.sql).from(table)
            .where(Column.name.sql, .equal, SQLBind(name)).where(Column.id.sql, .notEqual, SQLBind(id))
            .first() != nil
    }

    /// A new source; nil when its name is taken.
    static func insert(
        name: String, kind: SourceKind, identifier: String, baseURL: String?, schedule: String, enabled: Bool, on database: any Database
    ) async throws -> Int? {
        let now = Date()
        let values: [any Encodable & Sendable] = [name, kind.rawValue, identifier, baseURL, schedule, enabled, now, now]
        return try await database.sql.insert(into: table)
            .columns([Column.name, .kind, .identifier, .baseURL, .schedule, .enabled, .createdAt, .updatedAt])
            .values(values.map { SQLBind($0) })
            .ignoringConflicts()
            .returning(Column.id.sql)
            .first()?.decode(Column.id)
    }

    /// Changes what a person may change. A source that moved (another board or address)
    /// forgets its listing's validators, so the next run reads it in full; otherwise they are
    /// left to the runs (a run may be saving them now).
    static func update(
        _ id: Int, name: String, definition: SourceDefinition, schedule: String, enabled: Bool, moved: Bool, on database: any Database
    ) async throws {
        let update = database.sql.update(table)
            .set(Column.name, to: name).set(Column.identifier, to: definition.identifier).set(Column.baseURL, to: definition.baseURL)
            .set(Column.schedule, to: schedule).set(Column.enabled, to: enabled).set(Column.updatedAt, to: Date())
        if moved {
            update.set(Column.etag, to: String?.none).set(Column.lastModified, to: String?.none)
        }
        try await update.where(Column.id.sql, .equal, SQLBind(id)).run()
    }

    /// How a run went.
    static func recordRun(
        _ id: Int, startedAt: Date, counts: IngestionService.Counts, error: String?, validators: SourceFetcher.Validators, on database: any Database
    ) async throws {
        try await database.sql.update(table)
            .set(Column.lastRunAt, to: startedAt).set(Column.lastStatus, to: error == nil ? "succeeded" : "failed").set(Column.lastError, to: error)
            .set(Column.lastCounts, to: String(decoding: try JSONEncoder().encode(counts), as: UTF8.self))
            .set(Column.etag, to: validators.etag).set(Column.lastModified, to: validators.lastModified).set(Column.updatedAt, to: Date())
            .where(Column.id.sql, .equal, SQLBind(id))
            .run()
    }
}
