import AsyncHTTPClient
import CareerCopilotCore
import Fluent
import Foundation
import JobSources
import Logging
import SQLKit
import Vapor

/// A run that cannot start, in words for the admin (stored as the source's last error).
struct SourceRunFailure: Error, CustomStringConvertible {
    let description: String
}

/// Runs one source: fetches every page (up to a safety cap), reads and normalises each
/// posting (a bad one is rejected with its reason, never the run), fetches the full text of
/// new postings where the listing has none, stores them, and records the run on the source
/// row. A source's failure is recorded on its row; others go on.
struct SourceRunner {
    let database: any Database
    let fetcher: SourceFetcher
    let logger: Logger
    var counts: CountCache?
    var policy = Deduplicator.Policy()
    /// Most detail requests (SmartRecruiters) in one run; the rest come in the next runs.
    var maxDetailFetches = 200

    struct Report: Sendable {
        var counts = IngestionService.Counts()
        var pages = 0
        /// The listing answered 304: nothing changed since the last run.
        var notModified = false
        var error: String?
    }

    @discardableResult
    func run(_ source: SourceRecord) async throws -> Report {
        let started = Date()
        var report = Report()
        var validators = SourceFetcher.Validators()
        do {
            var definition = source.definition
            definition.credentials = fetcher.credentials
            if let missing = fetcher.credentials.missing(for: definition.kind) ?? definition.keyHostProblem { throw SourceRunFailure(description: missing) }
            var raws: [RawPosting] = []
            var next: String? = definition.firstPageURL
            var complete = true
            while let url = next {
                guard report.pages < definition.maximumPages else {
                    complete = false
                    break
                }
                // Only a one-page listing is asked "changed since?": later pages could change alone.
                let ask = report.pages == 0 && !source.validators.isEmpty ? source.validators : nil
                let fetched = try await fetcher.get(url, headers: definition.requestHeaders, validators: ask, logger: logger)
                if fetched.notModified {
                    report.notModified = true
                    validators = source.validators
                    break
                }
                report.pages += 1
                if report.pages == 1 { validators = fetched.validators }
                let page = try definition.read(fetched.body, pageURL: fetched.url, pageNumber: report.pages)
                raws += page.postings
                next = page.next
            }
            if !report.notModified, report.pages != 1 || next != nil { validators = .init() }
            raws = await withBoardName(raws, definition: definition)
            if report.notModified {
                report.counts.unchanged = try await listedCount(source.id)
            } else {
                let details = await withDetails(raws, definition: definition, sourceID: source.id)
                raws = details.postings
                var postings: [NormalizedPosting] = []
                for (raw, result) in zip(raws, await Self.normalize(raws)) {
                    switch result {
                    case let .success(posting):
                        postings.append(posting)
                    case let .failure(rejection):
                        report.counts.rejected += 1
                        logger.info(
                            "Posting rejected", metadata: ["source": .string(source.name), "id": .string(raw.externalID), "reason": .string(rejection.reason)])
                    }
                }
                let rejected = report.counts.rejected
                report.counts = try await IngestionService(database: database, counts: counts, policy: policy, logger: logger).ingest(
                    postings, sourceID: source.id, complete: complete, runStartedAt: started)
                // The listing is "seen" only when all of it was stored with its texts: else the
                // next run must read it again rather than be told it has not changed.
                if report.counts.rejected > 0 || !details.complete { validators = .init() }
                report.counts.rejected += rejected
            }
        } catch {
            report.error = String(describing: error)
            validators = .init()
            logger.warning("Source run failed", metadata: ["source": .string(source.name), "error": .string(report.error!)])
        }
        try await SourceRecord.recordRun(source.id, startedAt: started, counts: report.counts, error: report.error, validators: validators, on: database)
        return report
    }

    /// Postings that name no company got the board's token ("acme") in its place: the board's
    /// own name ("Acme Inc") is better, when the board says it (one request; a failure keeps
    /// the token).
    private func withBoardName(_ raws: [RawPosting], definition: SourceDefinition) async -> [RawPosting] {
        guard let url = definition.boardNameURL, raws.contains(where: { $0.company == definition.identifier }),
            let fetched = try? await fetcher.get(url, headers: definition.requestHeaders, logger: logger),
            let name = definition.boardName(in: fetched.body)
        else { return raws }
        return raws.map { raw in
            var raw = raw
            if raw.company == definition.identifier { raw.company = name }
            return raw
        }
    }

    /// Normalises on every core: sanitising and skill extraction are most of a run's work.
    /// The results keep the postings' order.
    static func normalize(_ raws: [RawPosting]) async -> [Result<NormalizedPosting, PostingRejection>] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let size = max(1, (raws.count + workers - 1) / workers)
        let slices = stride(from: 0, to: raws.count, by: size).map { raws[$0..<min($0 + size, raws.count)] }
        return await withTaskGroup(of: (Int, [Result<NormalizedPosting, PostingRejection>]).self) { group in
            for (index, slice) in slices.enumerated() {
                group.addTask { (index, slice.map { raw in Result { () throws(PostingRejection) in try PostingNormalizer.normalize(raw) } }) }
            }
            var parts = [[Result<NormalizedPosting, PostingRejection>]](repeating: [], count: slices.count)
            for await (index, part) in group { parts[index] = part }
            return parts.flatMap { $0 }
        }
    }

    /// After a 304, every job the source lists is unchanged; and it is still listed, so its
    /// links count as seen now (a later full run must not close them as missing).
    private func listedCount(_ sourceID: Int) async throws -> Int {
        try await database.writeTransaction { transaction in
            try await transaction.sql.raw(
                """
                UPDATE job_sources SET last_seen_at = \(bind: Date()) WHERE source_id = \(bind: sourceID) AND missing_since IS NULL RETURNING id
                """
            ).all().count
        }
    }

    /// Fills in the full text of postings whose listing has none (SmartRecruiters), for those
    /// not already stored with one, two requests at a time, at most `maxDetailFetches` a run.
    /// A failed detail request leaves that posting without its text; the run goes on.
    /// `complete`: every text that was wanted was read.
    private func withDetails(_ raws: [RawPosting], definition: SourceDefinition, sourceID: Int) async -> (postings: [RawPosting], complete: Bool) {
        guard let first = raws.first, definition.detailURL(for: first) != nil else { return (raws, true) }
        let described =
            (try? await database.sql.raw(
                """
                SELECT js.external_id FROM job_sources js JOIN jobs j ON j.id = js.job_id
                WHERE js.source_id = \(bind: sourceID) AND j.description IS NOT NULL AND j.description <> ''
                """
            ).all().map { try $0.decode(column: "external_id", as: String.self) }) ?? []
        let known = Set(described)
        let allWanted = raws.indices.filter { raws[$0].descriptionHTML == nil && !known.contains(raws[$0].externalID) }
        let wanted = allWanted.prefix(maxDetailFetches)
        var result = raws
        var complete = wanted.count == allWanted.count
        await withTaskGroup(of: (Int, String?).self) { group in
            var pending = wanted.makeIterator()
            func addNext() {
                guard let index = pending.next(), let url = definition.detailURL(for: raws[index]) else { return }
                let fetcher = self.fetcher, logger = self.logger
                group.addTask {
                    do {
                        var posting = raws[index]
                        try definition.readDetail(try await fetcher.get(url, headers: definition.requestHeaders, logger: logger).body, into: &posting)
                        return (index, posting.descriptionHTML)
                    } catch {
                        logger.info(
                            "Posting detail not read", metadata: ["url": .string(SourceCredentials.redact(url)), "error": .string(String(describing: error))])
                        return (index, nil)
                    }
                }
            }
            addNext()
            addNext()
            for await (index, description) in group {
                result[index].descriptionHTML = description
                if description == nil { complete = false }
                addNext()
            }
        }
        return (result, complete)
    }
}

extension SourceRunner {
    /// A runner with this process's fetcher, list totals and deduplication policy.
    init(_ services: AppServices, database: any Database, logger: Logger) {
        self.init(database: database, fetcher: services.fetcher, logger: logger, counts: services.jobCounts, policy: services.dedupPolicy)
    }
}
