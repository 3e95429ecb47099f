import CareerCopilotCore
import Fluent
import Foundation
import Vapor

/// Imports the job behind a pasted URL: from the board's API when the URL belongs to a known
/// board, else from the page's schema.org JSON-LD; stored (or matched) like a discovered job.
struct JobImporter {
    let database: any Database
    let fetcher: SourceFetcher
    let logger: Logger
    var counts: CountCache?
    var policy = Deduplicator.Policy()

    func importJob(from url: String) async throws -> (jobID: Int, outcome: IngestionService.Outcome) {
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
        let (outcome, jobID) = try await IngestionService(database: database, counts: counts, policy: policy).store(normalized, sourceID: nil, now: Date())
        counts?.invalidate()
        return (jobID, outcome)
    }
}
