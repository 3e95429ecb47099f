import CareerCopilotCore
import Foundation

/// Arbeitnow: `GET /api/job-board-api?page=n` answers `{"data": [...], "links": {"next": …}}`;
/// `created_at` in Unix seconds. The identifier is empty: it is one board.
public struct Arbeitnow: JobSource {
    public let name = "arbeitnow"
    public let label = "Arbeitnow"
    public let identifierMeaning = "empty (the whole board)"
    public let defaultBaseURL = "https://www.arbeitnow.com"

    public func identifierIssues(_ identifier: String) -> [String] {
        identifier.isEmpty ? [] : ["identifier must be empty for arbeitnow"]
    }

    public func firstPageURL(_ board: SourceBoard) -> String {
        "\(board.base)/api/job-board-api?page=1"
    }

    public func read(_ body: Data, page: FetchedPage, board: SourceBoard) throws(SourcePayloadError) -> SourcePage {
        let (postings, next) = try Self.postings(in: body)
        // Follow the board's own link, but only on the same host as the first page.
        let sameHost = next.flatMap { URLComponents(string: $0)?.host } == URLComponents(string: board.base)?.host
        return SourcePage(postings: postings, next: sameHost ? next : next.flatMap(board.rebase))
    }

    public static func postings(in data: Data) throws(SourcePayloadError) -> (postings: [RawPosting], next: String?) {
        let body = try Payload.json(data)
        guard let items = body["data"]?.arrayValue else { throw SourcePayloadError("no data array") }
        let postings = items.compactMap { item -> RawPosting? in
            guard let id = item["slug"].flatMap(Payload.identifier) else { return nil }
            var posting = RawPosting(source: "arbeitnow", externalID: id)
            posting.title = item["title"]?.stringValue
            posting.company = item["company_name"]?.stringValue
            posting.location = item["location"]?.stringValue
            if let remote = item["remote"]?.boolValue { posting.remote = remote ? .remote : nil }
            posting.descriptionHTML = item["description"]?.stringValue
            posting.url = item["url"]?.stringValue
            posting.employmentType = (item["job_types"]?.arrayValue ?? []).compactMap { Payload.employment($0.stringValue) }.first
            posting.postedAt = ISODate.fromUnixSeconds(Payload.number(item["created_at"]))
            return posting
        }
        return (postings, body["links"]?["next"]?.stringValue)
    }
}

extension SourceKind {
    public static let arbeitnow = SourceKind(Arbeitnow())
}
