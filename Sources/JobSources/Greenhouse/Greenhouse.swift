import CareerCopilotCore
import Foundation

/// Greenhouse Job Board API: `GET /v1/boards/{token}/jobs?content=true` answers
/// `{"jobs": [...], "meta": {"total": n}}`, every job in one page; the board's own name is at
/// `GET /v1/boards/{token}`, for boards whose jobs do not carry a company.
public struct Greenhouse: JobSource {
    public let name = "greenhouse"
    public let label = "Greenhouse board"
    public let identifierMeaning = "the board token (boards.greenhouse.io/<token>)"
    public let defaultBaseURL = "https://boards-api.greenhouse.io"

    public func firstPageURL(_ board: SourceBoard) -> String {
        "\(board.base)/v1/boards/\(board.encodedIdentifier)/jobs?content=true"
    }

    public func read(_ body: Data, page: FetchedPage, board: SourceBoard) throws(SourcePayloadError) -> SourcePage {
        SourcePage(postings: try Self.postings(in: body, board: board.identifier))
    }

    public func boardNameURL(_ board: SourceBoard) -> String? {
        "\(board.base)/v1/boards/\(board.encodedIdentifier)"
    }

    /// A Greenhouse board's own name, if it gives a usable one.
    public func boardName(in body: Data) -> String? {
        guard let name = (try? Payload.json(body))?["name"]?.stringValue else { return nil }
        let tidy = TextNormalizer.collapsingWhitespace(TextNormalizer.removingControlCharacters(name))
        return tidy.isEmpty || tidy.count > 200 ? nil : tidy
    }

    public func boardIdentifier(at address: WebAddress) -> String? {
        switch address.host {
        case "boards.greenhouse.io", "job-boards.greenhouse.io", "job-boards.eu.greenhouse.io":
            // "/embed/job_board?for=acme" is the embedded board's address.
            if address.path.first == "embed", let board = WebAddress.name(address.query("for")) { return board }
            return WebAddress.name(address.path.first)
        case "boards-api.greenhouse.io":
            let path = address.path
            return path.count >= 3 && path[0] == "v1" && path[1] == "boards" ? WebAddress.name(path[2]) : nil
        default:
            return nil
        }
    }

    /// "boards.greenhouse.io/{board}/jobs/{id}".
    public func job(at address: WebAddress) -> JobAddress? {
        guard ["boards.greenhouse.io", "job-boards.greenhouse.io", "job-boards.eu.greenhouse.io"].contains(address.host) else { return nil }
        let path = address.path
        guard path.count >= 3, path[1] == "jobs", let board = WebAddress.name(path[0]), let id = WebAddress.name(path[2]) else { return nil }
        return JobAddress(board: board, id: id)
    }

    public func jobURL(_ job: JobAddress) -> String {
        "\(defaultBaseURL)/v1/boards/\(job.board)/jobs/\(job.id)?content=true"
    }

    public func readJob(_ body: Data, _ job: JobAddress) throws(SourcePayloadError) -> RawPosting? {
        Self.posting(try Payload.json(body), board: job.board)
    }

    public static func postings(in data: Data, board: String) throws(SourcePayloadError) -> [RawPosting] {
        guard let jobs = try Payload.json(data)["jobs"]?.arrayValue else { throw SourcePayloadError("no jobs array") }
        return jobs.compactMap { posting($0, board: board) }
    }

    /// One Greenhouse job object (a board's item, or `…/jobs/{id}`).
    public static func posting(_ job: JSONValue, board: String) -> RawPosting? {
        guard let id = job["id"].flatMap(Payload.identifier) else { return nil }
        var posting = RawPosting(source: "greenhouse", externalID: id)
        posting.title = job["title"]?.stringValue
        posting.company = job["company_name"]?.stringValue ?? board
        posting.location = job["location"]?["name"]?.stringValue
        posting.descriptionHTML = job["content"]?.stringValue
        posting.url = job["absolute_url"]?.stringValue
        posting.postedAt = (job["first_published"]?.stringValue ?? job["updated_at"]?.stringValue).flatMap(ISODate.parse)
        for item in job["metadata"]?.arrayValue ?? [] {
            let name = item["name"]?.stringValue?.lowercased() ?? ""
            if item["value_type"]?.stringValue == "currency_range", let range = item["value"] {
                posting.salaryMin = Payload.number(range["min_value"])
                posting.salaryMax = Payload.number(range["max_value"])
                posting.salaryCurrency = range["unit"]?.stringValue
            } else if name.contains("workplace") || name.contains("remote") {
                posting.remote = RemoteDetector.detect(item["value"]?.stringValue)
            }
        }
        return posting
    }
}

extension SourceKind {
    public static let greenhouse = SourceKind(Greenhouse())
}
