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

    /// The fields of a source's body, each rule written once: it reads the body and describes
    /// it in the API's document.
    enum Field {
        static let name = FieldRule("name", .text(maxLength: 100, collapse: true), clearable: false)
        /// `kind`, its earlier name, is still read.
        static let type = FieldRule("type", .choice(SourceKind.allCases.map(\.rawValue)), clearable: false)
        static let identifier = FieldRule(
            "identifier", .text(maxLength: 2_048), note: "board token, site, board name, tag, feed or page URL, or search query, by type")
        static let baseURL = FieldRule("base_url", .url, note: "Another address for the board's API (a test server, a proxy)")
        /// No pattern: none says exactly which cron lines parse.
        static let schedule = FieldRule(
            "schedule", .text(maxLength: 100), clearable: false,
            format: .init(pattern: nil, message: scheduleRule, check: { (try? Schedule($0)) != nil }), note: "cron or 'every 6h' (default)",
            refusal: scheduleRule)
        static let enabled = FieldRule("enabled", .flag, clearable: false, refusal: "enabled must be true or false")
    }

    /// A new source names itself and its type; a change may repeat the type but not change it
    /// (the update reads `type` to refuse a change, so its document names it too).
    static func fields(creating: Bool) -> [FieldRule] {
        creating
            ? [Field.name.required(true), Field.type.required(true), Field.identifier, Field.baseURL, Field.schedule, Field.enabled]
            : [Field.name, Field.type, Field.identifier, Field.baseURL, Field.schedule, Field.enabled]
    }

    func create(_ body: JSONValue) async throws -> SourceRecord {
        var reader = try BodyReader(body: body)
        let name: String? = reader.read(Field.name.required(true)).value
        var kind = readType(&reader, required: true)
        var identifier: String = reader.read(Field.identifier).value ?? ""
        // A board's address pasted as it is ("https://boards.greenhouse.io/acme") names the
        // board: its kind and token. Feeds and careers pages keep their address.
        if kind != .rss, kind != .jsonLD, let board = BoardAddress.recognize(identifier), identifier.contains(".") {
            kind = board.kind
            identifier = board.identifier
        }
        let baseURL: String? = reader.read(Field.baseURL).value
        let schedule: String = reader.read(Field.schedule).value ?? "every 6h"
        let enabled: Bool = reader.read(Field.enabled).value ?? true
        if let kind {
            for issue in SourceDefinition(kind: kind, identifier: identifier, baseURL: baseURL, credentials: credentials).issues() { reader.addIssue(issue) }
        }
        try reader.validate()
        guard
            let id = try await SourceRecord.insert(
                name: name ?? "", kind: kind ?? .jsonLD, identifier: identifier, baseURL: baseURL, schedule: schedule, enabled: enabled, on: database)
        else { throw DomainError.conflict("A source named '\(name ?? "")' already exists") }
        return try await find(id)
    }

    /// Changes the fields present in `body` (`PUT /api/v1/sources/{id}`, the page's edit form):
    /// name, schedule, enabled, identifier, base_url; the type stays. A changed board or URL
    /// forgets the last listing's validators, so the next run reads it in full.
    func update(_ source: SourceRecord, with body: JSONValue) async throws -> SourceRecord {
        var reader = try BodyReader(body: body)
        let name: Patch<String> = reader.read(Field.name)
        if let kind = readType(&reader, required: false), kind != source.definition.kind {
            reader.addIssue("type cannot change: add a new source instead")
        }
        let identifier: Patch<String> = reader.read(Field.identifier)
        let baseURL: Patch<String> = reader.read(Field.baseURL)
        let schedule: Patch<String> = reader.read(Field.schedule)
        let enabled: Patch<Bool> = reader.read(Field.enabled)
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
            try await SourceRecord.isNameTaken(newName, byOtherThan: source.id, on: database)
        {
            throw DomainError.conflict("A source named '\(newName)' already exists")
        }
        do {
            try await SourceRecord.update(
                source.id, name: newName, definition: definition, schedule: schedule.value ?? source.schedule, enabled: enabled.value ?? source.enabled,
                moved: moved, on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // The name was taken between the check and the update.
            throw DomainError.conflict("A source named '\(newName)' already exists")
        }
        return try await find(source.id)
    }

    /// `type` as the API names it; `kind`, its earlier name, is still read.
    private func readType(_ reader: inout BodyReader, required: Bool) -> SourceKind? {
        var rule = Field.type.required(required)
        if reader.object["type"] == nil, reader.object["kind"] != nil { rule.name = "kind" }
        return reader.read(rule, as: SourceKind.self).value
    }

    private func find(_ id: Int) async throws -> SourceRecord {
        guard let source = try await SourceRecord.find(id, on: database) else { throw DomainError.notFound("Source not found") }
        return source
    }
}
