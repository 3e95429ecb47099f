import CareerCopilotCore
import Foundation

/// Ashby Posting API: `GET /posting-api/job-board/{board}?includeCompensation=true` answers
/// `{"jobs": [...]}`, every job in one page; the board is the company; unlisted jobs are skipped.
public struct Ashby: JobSource {
    public let name = "ashby"
    public let label = "Ashby board"
    public let identifierMeaning = "the job board name (jobs.ashbyhq.com/<name>)"
    public let defaultBaseURL = "https://api.ashbyhq.com"

    public func firstPageURL(_ board: SourceBoard) -> String {
        "\(board.base)/posting-api/job-board/\(board.encodedIdentifier)?includeCompensation=true"
    }

    public func read(_ body: Data, page: FetchedPage, board: SourceBoard) throws(SourcePayloadError) -> SourcePage {
        SourcePage(postings: try Self.postings(in: body, board: board.identifier))
    }

    public func boardIdentifier(at address: WebAddress) -> String? {
        address.host == "jobs.ashbyhq.com" ? WebAddress.name(address.path.first) : nil
    }

    /// "jobs.ashbyhq.com/{board}/{id}": read from the board's list, which has every job.
    public func job(at address: WebAddress) -> JobAddress? {
        guard address.host == "jobs.ashbyhq.com", address.path.count >= 2,
            let board = WebAddress.name(address.path[0]), let id = WebAddress.name(address.path[1])
        else { return nil }
        return JobAddress(board: board, id: id)
    }

    public func jobURL(_ job: JobAddress) -> String {
        "\(defaultBaseURL)/posting-api/job-board/\(job.board)?includeCompensation=true"
    }

    public func readJob(_ body: Data, _ job: JobAddress) throws(SourcePayloadError) -> RawPosting? {
        try Self.postings(in: body, board: job.board).first { $0.externalID == job.id }
    }

    public static func postings(in data: Data, board: String) throws(SourcePayloadError) -> [RawPosting] {
        guard let jobs = try Payload.json(data)["jobs"]?.arrayValue else { throw SourcePayloadError("no jobs array") }
        return jobs.compactMap { job in
            guard let id = job["id"].flatMap(Payload.identifier), job["isListed"]?.boolValue != false else { return nil }
            var posting = RawPosting(source: "ashby", externalID: id)
            posting.title = job["title"]?.stringValue
            posting.company = board
            let secondary = (job["secondaryLocations"]?.arrayValue ?? []).compactMap { $0["location"]?.stringValue }
            posting.location = ([job["location"]?.stringValue].compactMap { $0 } + secondary).joined(separator: "; ").nilIfEmpty
            posting.remote = RemoteDetector.fromFlag(job["workplaceType"]?.stringValue) ?? (job["isRemote"]?.boolValue == true ? .remote : nil)
            posting.descriptionHTML = job["descriptionHtml"]?.stringValue ?? job["descriptionPlain"]?.stringValue
            posting.url = job["jobUrl"]?.stringValue ?? job["applyUrl"]?.stringValue
            posting.postedAt = job["publishedAt"]?.stringValue.flatMap(ISODate.parse)
            posting.employmentType = Payload.employment(job["employmentType"]?.stringValue)
            let components = (job["compensation"]?["compensationTiers"]?.arrayValue ?? []).flatMap { $0["components"]?.arrayValue ?? [] }
            if let salary = components.first(where: { $0["compensationType"]?.stringValue?.lowercased() == "salary" }) {
                posting.salaryMin = Payload.number(salary["minValue"])
                posting.salaryMax = Payload.number(salary["maxValue"])
                posting.salaryCurrency = salary["currencyCode"]?.stringValue
                posting.salaryPeriod = Payload.period(salary["interval"]?.stringValue)
            } else {
                posting.salaryText = job["compensation"]?["compensationTierSummary"]?.stringValue
            }
            return posting
        }
    }
}

extension SourceKind {
    public static let ashby = SourceKind(Ashby())
}
