import CareerCopilotCore
import Foundation

/// Remotive: `GET /api/remote-jobs[?search=]` answers `{"jobs": [...]}`, all in one page; every
/// job is remote; pay is free text.
public struct Remotive: JobSource {
    public let name = "remotive"
    public let label = "Remotive"
    public let identifierMeaning = "search words, or empty for every job"
    public let defaultBaseURL = "https://remotive.com"

    public func identifierIssues(_ identifier: String) -> [String] {
        identifier.count > 100 ? ["identifier must be at most 100 characters of search words"] : []
    }

    public func firstPageURL(_ board: SourceBoard) -> String {
        board.identifier.isEmpty
            ? "\(board.base)/api/remote-jobs"
            : "\(board.base)/api/remote-jobs?search=\(board.identifier.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
    }

    public func read(_ body: Data, page: FetchedPage, board: SourceBoard) throws(SourcePayloadError) -> SourcePage {
        SourcePage(postings: try Self.postings(in: body))
    }

    public static func postings(in data: Data) throws(SourcePayloadError) -> [RawPosting] {
        guard let jobs = try Payload.json(data)["jobs"]?.arrayValue else { throw SourcePayloadError("no jobs array") }
        return jobs.compactMap { job in
            guard let id = job["id"].flatMap(Payload.identifier) else { return nil }
            var posting = RawPosting(source: "remotive", externalID: id)
            posting.title = job["title"]?.stringValue
            posting.company = job["company_name"]?.stringValue
            posting.location = job["candidate_required_location"]?.stringValue
            posting.remote = .remote
            posting.descriptionHTML = job["description"]?.stringValue
            posting.url = job["url"]?.stringValue
            posting.salaryText = job["salary"]?.stringValue?.nilIfEmpty
            posting.employmentType = Payload.employment(job["job_type"]?.stringValue)
            posting.postedAt = job["publication_date"]?.stringValue.flatMap(ISODate.parse)
            return posting
        }
    }
}

extension SourceKind {
    public static let remotive = SourceKind(Remotive())
}
