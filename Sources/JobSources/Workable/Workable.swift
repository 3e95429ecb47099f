import CareerCopilotCore
import Foundation

/// Workable widget API: `GET /api/v1/widget/accounts/{account}?details=true` answers
/// `{"name": company, "jobs": [...]}`, every job in one page; `telecommuting` for remote.
public struct Workable: JobSource {
    public let name = "workable"
    public let label = "Workable account"
    public let identifierMeaning = "the account (apply.workable.com/<account>)"
    public let defaultBaseURL = "https://apply.workable.com"

    public func firstPageURL(_ board: SourceBoard) -> String {
        "\(board.base)/api/v1/widget/accounts/\(board.encodedIdentifier)?details=true"
    }

    public func read(_ body: Data, page: FetchedPage, board: SourceBoard) throws(SourcePayloadError) -> SourcePage {
        SourcePage(postings: try Self.postings(in: body, account: board.identifier))
    }

    public func boardIdentifier(at address: WebAddress) -> String? {
        address.host == "apply.workable.com" ? WebAddress.name(address.path.first) : nil
    }

    /// "apply.workable.com/{account}/j/{shortcode}": read from the account's list.
    public func job(at address: WebAddress) -> JobAddress? {
        let path = address.path
        guard address.host == "apply.workable.com", path.count >= 3, path[1] == "j",
            let account = WebAddress.name(path[0]), let shortcode = WebAddress.name(path[2])
        else { return nil }
        return JobAddress(board: account, id: shortcode)
    }

    public func jobURL(_ job: JobAddress) -> String {
        "\(defaultBaseURL)/api/v1/widget/accounts/\(job.board)?details=true"
    }

    public func readJob(_ body: Data, _ job: JobAddress) throws(SourcePayloadError) -> RawPosting? {
        try Self.postings(in: body, account: job.board).first { $0.externalID.caseInsensitiveCompare(job.id) == .orderedSame }
    }

    public static func postings(in data: Data, account: String) throws(SourcePayloadError) -> [RawPosting] {
        let body = try Payload.json(data)
        guard let jobs = body["jobs"]?.arrayValue else { throw SourcePayloadError("no jobs array") }
        return jobs.compactMap { job in
            guard let id = (job["shortcode"] ?? job["code"]).flatMap(Payload.identifier) else { return nil }
            var posting = RawPosting(source: "workable", externalID: id)
            posting.title = job["title"]?.stringValue
            posting.company = body["name"]?.stringValue ?? account
            let places = (job["locations"]?.arrayValue ?? []).compactMap { place in
                [place["city"]?.stringValue, place["region"]?.stringValue, place["country"]?.stringValue].compactMap { $0?.nilIfEmpty }.joined(separator: ", ")
                    .nilIfEmpty
            }
            posting.location =
                places.isEmpty
                ? [job["city"]?.stringValue, job["state"]?.stringValue, job["country"]?.stringValue].compactMap { $0?.nilIfEmpty }.joined(separator: ", ")
                    .nilIfEmpty
                : places.joined(separator: "; ")
            if job["telecommuting"]?.boolValue == true { posting.remote = .remote }
            posting.descriptionHTML = job["description"]?.stringValue
            posting.url = job["url"]?.stringValue ?? job["shortlink"]?.stringValue ?? job["application_url"]?.stringValue
            posting.employmentType = Payload.employment(job["employment_type"]?.stringValue)
            posting.postedAt = (job["published_on"]?.stringValue ?? job["created_at"]?.stringValue).flatMap(ISODate.parse)
            return posting
        }
    }
}

extension SourceKind {
    public static let workable = SourceKind(Workable())
}
