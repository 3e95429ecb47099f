import CareerCopilotCore
import Fluent
import Foundation
import JobSources
import Vapor

/// Imports the job behind a pasted URL: from the board's API when the URL belongs to a known
/// board, else from the page's schema.org JSON-LD; stored (or matched) like a discovered job.
struct JobImporter {
    let database: any Database
    let fetcher: SourceFetcher
    let logger: Logger
    var counts: CountCache?
    var policy = Deduplicator.Policy()

    /// Reads the posting at `url` and stores it for `user`. A posting that matches a job the
    /// user may not edit answers that job, unchanged: a page of one's own that names another
    /// job's id or apply URL must not rewrite it.
    func importJob(from url: String, by user: CurrentUser) async throws -> (jobID: Int, outcome: IngestionService.Outcome) {
        guard url.count <= 2_048, WebURL.isAbsoluteHTTP(url) else {
            throw DomainError.validation(["url must be an http(s) URL"])
        }
        let target = ImportTarget.resolve(url)
        let fetched: SourceFetcher.Fetched
        do {
            fetched = try await fetcher.get(target.fetchURL, logger: logger)
        } catch let error as SourceFetcher.FetchError {
            throw DomainError.validation(["url could not be read: \(error.description)"])
        }
        let raw: RawPosting?
        do {
            raw = try target.posting(in: fetched.body, pageURL: fetched.url)
        } catch {
            throw DomainError.validation(["url did not answer with a job posting (\(error.description))"])
        }
        guard var posting = raw else {
            throw DomainError.validation(["url has no job posting: the page carries no schema.org JobPosting"])
        }
        if case .page = target { posting.source = "import" }
        let normalized: NormalizedPosting
        do {
            normalized = try PostingNormalizer.normalize(posting)
        } catch {
            throw DomainError.validation(["the job posting at url has \(error.reason)"])
        }
        let ingestion = IngestionService(database: database, counts: counts, policy: policy)
        let importer = IngestionService.Importer(user: user)
        let (outcome, jobID): (IngestionService.Outcome, Int)
        do {
            (outcome, jobID) = try await ingestion.store(normalized, sourceID: nil, now: Date(), importer: importer)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // The same posting imported twice at once: the other import stored it first, and a
            // second try finds it.
            (outcome, jobID) = try await ingestion.store(normalized, sourceID: nil, now: Date(), importer: importer)
        }
        counts?.invalidate()
        return (jobID, outcome)
    }
}

extension JobImporter {
    /// An importer with this process's fetcher, list totals and deduplication policy.
    init(_ services: AppServices, database: any Database, logger: Logger) {
        self.init(database: database, fetcher: services.fetcher, logger: logger, counts: services.jobCounts, policy: services.dedupPolicy)
    }
}
