import CareerCopilotCore
import Fluent
import Foundation
import JobSources
import SQLKit

/// The `jobs` columns a source writes, written once: the list that ingestion selects, inserts
/// and updates, in the order of `values`.
extension SourcedJob {
    typealias Column = JobRecord.Column

    /// The columns a source writes, in the order of `values`.
    static let columns: [Column] = [
        .title, .company, .companyKey, .location, .url, .description, .descriptionText, .remote, .employmentType,
        .salaryMin, .salaryMax, .salaryCurrency, .salaryPeriod, .postedAt,
    ]

    /// The values of `columns`, in their order.
    var values: [any SQLExpression] {
        let values: [any Encodable & Sendable] = [
            title, company, TextNormalizer.key(company), location, url, description, descriptionText, remote?.rawValue,
            employmentType?.rawValue, salaryMin, salaryMax, salaryCurrency, salaryPeriod?.rawValue, postedAt,
        ]
        return values.map { SQLBind($0) }
    }

    /// What a new job stores besides: its link key, times, state and owner.
    private static let insertColumns = columns + [.source, .externalId, .scrapedAt, .isActive, .createdAt, .updatedAt, .createdBy, .privateTo]

    private func insertValues(source: String, externalID: String?, owner: Int?, now: Date) -> SQLGroupExpression {
        let more: [any Encodable & Sendable] = [source, externalID, now, true, now, now, owner, owner]
        return SQLGroupExpression(values + more.map { SQLBind($0) })
    }

    private static var insertList: SQLRaw { SQLRaw(insertColumns.map(\.rawValue).joined(separator: ", ")) }

    init(_ record: JobRecord) {
        self.init(
            title: record.title, company: record.company, location: record.location, url: record.url, description: record.description,
            descriptionText: record.descriptionText, remote: record.remote, employmentType: record.employmentType, salaryMin: record.salaryMin,
            salaryMax: record.salaryMax, salaryCurrency: record.salaryCurrency, salaryPeriod: record.salaryPeriod, postedAt: record.postedAt,
            isActive: record.isActive
        )
    }

    /// The stored jobs with these ids, by id.
    static func load(_ ids: Set<Int>, on database: any Database) async throws -> [Int: SourcedJob] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await database.sql.select().columns(JobRecord.columns.map { SQLColumn($0) }).from("jobs")
            .where(SQLColumn(Column.id.rawValue), .in, SQLBind.group(Array(ids))).all()
        let records = try rows.map(JobRecord.init(row:))
        return Dictionary(records.map { ($0.id, SourcedJob($0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// New jobs, in one statement, each linked to its posting's key; their ids in the
    /// postings' order. `owner`: the importer whose they are (nil: the shared catalogue's).
    static func insert(_ postings: [NormalizedPosting], owner: Int?, now: Date, on database: any Database) async throws -> [Int] {
        guard !postings.isEmpty else { return [] }
        let rows = postings.map { SourcedJob($0).insertValues(source: $0.source, externalID: $0.externalID, owner: owner, now: now) }
        struct Inserted: Decodable { let id: Int, source: String, external_id: String }
        let inserted = try await database.sql.raw(
            """
            INSERT INTO jobs (\(insertList)) VALUES \(SQLList(rows)) RETURNING id, source, external_id
            """
        ).all(decoding: Inserted.self)
        let ids = Dictionary(inserted.map { (PostingKey(source: $0.source, externalID: $0.external_id), $0.id) }, uniquingKeysWith: { first, _ in first })
        // Every posting must come back under its own key (a driver that mangles an odd id fails
        // the chunk, whose postings are then stored one by one).
        return try postings.map { posting in
            guard let id = ids[PostingKey(posting)] else { throw IngestionFailure.idsNotReturned }
            return id
        }
    }

    /// A person's private copy of a posting whose id another person's job holds: stored
    /// without the id (the pair is unique) and without a link, so no source run updates it.
    static func insertUnlinked(_ posting: NormalizedPosting, owner: Int, now: Date, on database: any Database) async throws -> Int {
        let values = SourcedJob(posting).insertValues(source: posting.source, externalID: nil, owner: owner, now: now)
        struct Inserted: Decodable { let id: Int }
        guard let row = try await database.sql.raw("INSERT INTO jobs (\(insertList)) VALUES \(values) RETURNING id").first(decoding: Inserted.self) else {
            throw IngestionFailure.idsNotReturned
        }
        return row.id
    }

    /// Writes every source column back; listed again means open again.
    func update(_ id: Int, now: Date, on database: any Database) async throws {
        let assignments = zip(Self.columns, values).map { column, value in
            SQLBinaryExpression(SQLIdentifier(column.rawValue), .equal, value)
        }
        try await database.sql.raw(
            """
            UPDATE jobs SET \(SQLList(assignments)), is_active = \(bind: true), inactive_since = NULL, updated_at = \(bind: now)
            WHERE id = \(bind: id)
            """
        ).run()
    }
}

/// What must not happen when storing postings: a fault of the database or of this code, never
/// of the person's input, so never answered as a conflict.
enum IngestionFailure: Error, CustomStringConvertible {
    /// The database did not give back a new job's id.
    case idsNotReturned
    /// A stored posting has no result.
    case lostPosting

    var description: String {
        switch self {
        case .idsNotReturned: "the database did not return the new jobs' ids"
        case .lostPosting: "a stored posting had no result"
        }
    }
}
