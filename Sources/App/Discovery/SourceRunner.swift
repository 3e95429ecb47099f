import AsyncHTTPClient
import CareerCopilotCore
import Fluent
import Foundation
import Logging
import SQLKit
import Vapor

/// A configured source, as stored.
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
    let createdAt: Date

    static let columns = "id, name, kind, identifier, base_url, schedule, enabled, last_run_at, last_status, last_error, last_counts, created_at"

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int.self)
        name = try row.decode(column: "name", as: String.self)
        let kind = SourceKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .careers
        definition = SourceDefinition(kind: kind, identifier: try row.decode(column: "identifier", as: String.self), baseURL: try row.decode(column: "base_url", as: String?.self))
        schedule = try row.decode(column: "schedule", as: String.self)
        enabled = try row.decode(column: "enabled", as: Bool.self)
        lastRunAt = try row.decode(column: "last_run_at", as: Date?.self)
        lastStatus = try row.decode(column: "last_status", as: String?.self)
        lastError = try row.decode(column: "last_error", as: String?.self)
        lastCounts = try row.decode(column: "last_counts", as: String?.self).flatMap { try? JSONDecoder().decode(IngestionService.Counts.self, from: Data($0.utf8)) }
        createdAt = try row.decode(column: "created_at", as: Date.self)
    }

    static func all(on database: any Database) async throws -> [SourceRecord] {
        try await database.sql.raw("SELECT \(unsafeRaw: columns) FROM sources ORDER BY name").all().map(SourceRecord.init(row:))
    }

    static func find(_ id: Int, on database: any Database) async throws -> SourceRecord? {
        try await database.sql.raw("SELECT \(unsafeRaw: columns) FROM sources WHERE id = \(bind: id)").first().map(SourceRecord.init(row:))
    }
}

/// Runs one source: fetches every page (up to a safety cap), reads and normalises each
/// posting (a bad one is rejected with its reason, never the run), stores them, and records
/// the run on the source row. A source's failure is recorded on its row; others go on.
struct SourceRunner {
    let database: any Database
    let fetcher: SourceFetcher
    let logger: Logger
    var counts: CountCache?
    static let maxPages = 50

    struct Report: Sendable {
        var counts = IngestionService.Counts()
        var pages = 0
        var error: String?
    }

    @discardableResult
    func run(_ source: SourceRecord) async throws -> Report {
        let started = Date()
        var report = Report()
        do {
            var postings: [NormalizedPosting] = []
            var next: String? = source.definition.firstPageURL
            var complete = true
            while let url = next {
                guard report.pages < Self.maxPages else {
                    complete = false
                    break
                }
                let (body, finalURL) = try await fetcher.get(url, logger: logger)
                report.pages += 1
                let page = try source.definition.read(body, pageURL: finalURL, pageNumber: report.pages)
                for raw in page.postings {
                    do {
                        postings.append(try PostingNormalizer.normalize(raw))
                    } catch {
                        report.counts.rejected += 1
                        logger.info("Posting rejected", metadata: ["source": .string(source.name), "id": .string(raw.externalID), "reason": .string(error.reason)])
                    }
                }
                next = page.next
            }
            let rejected = report.counts.rejected
            report.counts = try await IngestionService(database: database, counts: counts).ingest(postings, sourceID: source.id, complete: complete, runStartedAt: started)
            report.counts.rejected = rejected
        } catch {
            report.error = String(describing: error)
            logger.warning("Source run failed", metadata: ["source": .string(source.name), "error": .string(report.error!)])
        }
        let countsJSON = String(decoding: try JSONEncoder().encode(report.counts), as: UTF8.self)
        try await database.sql.raw("""
            UPDATE sources SET last_run_at = \(bind: started), last_status = \(bind: report.error == nil ? "succeeded" : "failed"),
                last_error = \(bind: report.error), last_counts = \(bind: countsJSON), updated_at = \(bind: Date())
            WHERE id = \(bind: source.id)
            """).run()
        return report
    }
}

extension Application {
    /// The fetcher every source run uses: this process's HTTP client, without automatic
    /// redirects (the fetcher checks each hop).
    var sourceFetcher: SourceFetcher {
        SourceFetcher(client: http.client.shared, allowPrivateNetwork: configuration.allowPrivateNetwork)
    }
}
