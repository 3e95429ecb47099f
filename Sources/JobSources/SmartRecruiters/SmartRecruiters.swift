import CareerCopilotCore
import Foundation

/// SmartRecruiters Posting API: `GET /v1/companies/{company}/postings?limit=&offset=` answers
/// `{"content": [...], "totalFound": n}`. The list has no description: each posting's detail
/// (`…/postings/{id}`) has it, in `jobAd.sections`. An unknown company answers an empty list.
public struct SmartRecruiters: JobSource {
    public let name = "smartrecruiters"
    public let label = "SmartRecruiters company"
    public let identifierMeaning = "the company identifier (jobs.smartrecruiters.com/<company>)"
    public let defaultBaseURL = "https://api.smartrecruiters.com"

    /// SmartRecruiters caps `limit` at 100, silently.
    public static let pageSize = 100

    public func firstPageURL(_ board: SourceBoard) -> String {
        pageURL(board, offset: 0)
    }

    private func pageURL(_ board: SourceBoard, offset: Int) -> String {
        "\(board.base)/v1/companies/\(board.encodedIdentifier)/postings?limit=\(Self.pageSize)&offset=\(offset)"
    }

    public func read(_ body: Data, page: FetchedPage, board: SourceBoard) throws(SourcePayloadError) -> SourcePage {
        let (postings, total) = try Self.postings(in: body, company: board.identifier)
        let seen = (page.number - 1) * Self.pageSize + postings.count
        return SourcePage(postings: postings, next: !postings.isEmpty && seen < total ? pageURL(board, offset: seen) : nil)
    }

    public func detailURL(for posting: RawPosting, board: SourceBoard) -> String? {
        let id = posting.externalID.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? posting.externalID
        return "\(board.base)/v1/companies/\(board.encodedIdentifier)/postings/\(id)"
    }

    public func readDetail(_ body: Data, into posting: inout RawPosting) throws(SourcePayloadError) {
        posting.descriptionHTML = try Self.description(body)
    }

    public func boardIdentifier(at address: WebAddress) -> String? {
        ["jobs.smartrecruiters.com", "careers.smartrecruiters.com"].contains(address.host) ? WebAddress.name(address.path.first) : nil
    }

    /// "jobs.smartrecruiters.com/{Company}/{id}-{slug}": the id is the leading digits.
    public func job(at address: WebAddress) -> JobAddress? {
        guard address.host == "jobs.smartrecruiters.com", let company = WebAddress.name(address.path.first) else { return nil }
        let id = address.path.count >= 2 ? String(address.path[1].prefix { $0.isASCII && $0.isNumber }) : ""
        return id.isEmpty ? nil : JobAddress(board: company, id: id)
    }

    public func jobURL(_ job: JobAddress) -> String {
        "\(defaultBaseURL)/v1/companies/\(job.board)/postings/\(job.id)"
    }

    public func readJob(_ body: Data, _ job: JobAddress) throws(SourcePayloadError) -> RawPosting? {
        Self.posting(try Payload.json(body), company: job.board)
    }

    public static func postings(in data: Data, company: String) throws(SourcePayloadError) -> (postings: [RawPosting], total: Int) {
        let body = try Payload.json(data)
        guard let items = body["content"]?.arrayValue else { throw SourcePayloadError("no content array") }
        let postings = items.compactMap { posting($0, company: company) }
        return (postings, body["totalFound"]?.intValue ?? postings.count)
    }

    /// One SmartRecruiters posting: a list's item, or the detail answer (which adds `jobAd`).
    public static func posting(_ item: JSONValue, company: String) -> RawPosting? {
        guard let id = item["id"].flatMap(Payload.identifier) else { return nil }
        var posting = RawPosting(source: "smartrecruiters", externalID: id)
        posting.title = item["name"]?.stringValue
        posting.company = item["company"]?["name"]?.stringValue ?? company
        let location = item["location"]
        posting.location =
            location?["fullLocation"]?.stringValue
            ?? [location?["city"]?.stringValue, location?["region"]?.stringValue, location?["country"]?.stringValue?.uppercased()].compactMap { $0 }.joined(
                separator: ", "
            ).nilIfEmpty
        if location?["remote"]?.boolValue == true { posting.remote = .remote } else if location?["hybrid"]?.boolValue == true { posting.remote = .hybrid }
        posting.url = item["postingUrl"]?.stringValue ?? "https://jobs.smartrecruiters.com/\(company)/\(id)"
        posting.employmentType = Payload.employment(item["typeOfEmployment"]?["label"]?.stringValue ?? item["typeOfEmployment"]?["id"]?.stringValue)
        posting.postedAt = item["releasedDate"]?.stringValue.flatMap(ISODate.parse)
        posting.descriptionHTML = sections(item)
        return posting
    }

    /// A posting detail's description: `jobAd.sections`, each with a title and HTML text.
    public static func description(_ data: Data) throws(SourcePayloadError) -> String? {
        sections(try Payload.json(data))
    }

    static func sections(_ posting: JSONValue) -> String? {
        let sections = posting["jobAd"]?["sections"]
        let order = ["companyDescription", "jobDescription", "qualifications", "additionalInformation"]
        return order.compactMap { key -> String? in
            guard let section = sections?[key], let text = section["text"]?.stringValue, !text.isEmpty else { return nil }
            let title = section["title"]?.stringValue.map { "<h3>\(HTMLEscaping.text($0))</h3>" } ?? ""
            return title + text
        }.joined().nilIfEmpty
    }
}

extension SourceKind {
    public static let smartrecruiters = SourceKind(SmartRecruiters())
}
