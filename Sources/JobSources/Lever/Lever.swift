import CareerCopilotCore
import Foundation

/// Lever Postings API: `GET /v0/postings/{site}?mode=json&skip=&limit=` answers a bare array;
/// the site name is the company. Lever hosts EU sites apart (api.eu.lever.co), registered as a
/// kind of their own so a configured source says which it is.
public struct Lever: JobSource {
    /// Lever's EU hosting.
    public var eu = false

    public var name: String { eu ? "lever_eu" : "lever" }
    public var label: String { eu ? "Lever site (EU)" : "Lever site" }
    public let identifierMeaning = "the site name (jobs.lever.co/<site>)"
    public var defaultBaseURL: String { eu ? "https://api.eu.lever.co" : "https://api.lever.co" }
    private var boardHost: String { eu ? "jobs.eu.lever.co" : "jobs.lever.co" }
    private var apiHost: String { eu ? "api.eu.lever.co" : "api.lever.co" }

    public static let pageSize = 100

    public func firstPageURL(_ board: SourceBoard) -> String {
        pageURL(board, skip: 0)
    }

    private func pageURL(_ board: SourceBoard, skip: Int) -> String {
        "\(board.base)/v0/postings/\(board.encodedIdentifier)?mode=json&skip=\(skip)&limit=\(Self.pageSize)"
    }

    public func read(_ body: Data, page: FetchedPage, board: SourceBoard) throws(SourcePayloadError) -> SourcePage {
        let postings = try Self.postings(in: body, site: board.identifier)
        let next = postings.count == Self.pageSize ? pageURL(board, skip: page.number * Self.pageSize) : nil
        return SourcePage(
            postings: postings.map {
                var posting = $0; posting.source = name; return posting
            }, next: next)
    }

    public func boardIdentifier(at address: WebAddress) -> String? {
        switch address.host {
        case boardHost: WebAddress.name(address.path.first)
        case apiHost: WebAddress.name(address.path.dropFirst(2).first)
        default: nil
        }
    }

    /// "jobs.lever.co/{site}/{id}".
    public func job(at address: WebAddress) -> JobAddress? {
        guard address.host == boardHost, address.path.count >= 2,
            let site = WebAddress.name(address.path[0]), let id = WebAddress.name(address.path[1])
        else { return nil }
        return JobAddress(board: site, id: id)
    }

    public func jobURL(_ job: JobAddress) -> String {
        "\(defaultBaseURL)/v0/postings/\(job.board)/\(job.id)?mode=json"
    }

    public func readJob(_ body: Data, _ job: JobAddress) throws(SourcePayloadError) -> RawPosting? {
        Self.posting(try Payload.json(body), site: job.board)
    }

    public static func postings(in data: Data, site: String) throws(SourcePayloadError) -> [RawPosting] {
        guard let postings = try Payload.json(data).arrayValue else { throw SourcePayloadError("not an array of postings") }
        return postings.compactMap { posting($0, site: site) }
    }

    /// One Lever posting (a list's item, or `…/postings/{site}/{id}`).
    public static func posting(_ item: JSONValue, site: String) -> RawPosting? {
        guard let id = item["id"].flatMap(Payload.identifier) else { return nil }
        var posting = RawPosting(source: "lever", externalID: id)
        posting.title = item["text"]?.stringValue
        posting.company = site
        let categories = item["categories"]
        posting.location =
            categories?["allLocations"]?.arrayValue?.compactMap(\.stringValue).joined(separator: "; ")
            .nilIfEmpty ?? categories?["location"]?.stringValue
        posting.remote = RemoteDetector.fromFlag(item["workplaceType"]?.stringValue)
        let lists = (item["lists"]?.arrayValue ?? []).map { list in
            "<h3>\(HTMLEscaping.text(list["text"]?.stringValue ?? ""))</h3><ul>\(list["content"]?.stringValue ?? "")</ul>"
        }.joined()
        posting.descriptionHTML = [item["description"]?.stringValue, lists, item["additional"]?.stringValue].compactMap { $0 }.joined()
        posting.url = item["hostedUrl"]?.stringValue ?? item["applyUrl"]?.stringValue
        if let range = item["salaryRange"] {
            posting.salaryMin = Payload.number(range["min"])
            posting.salaryMax = Payload.number(range["max"])
            posting.salaryCurrency = range["currency"]?.stringValue
            posting.salaryPeriod = Payload.period(range["interval"]?.stringValue)
        }
        posting.salaryText = item["salaryDescriptionPlain"]?.stringValue
        posting.employmentType = Payload.employment(categories?["commitment"]?.stringValue)
        posting.postedAt = ISODate.fromUnixSeconds(Payload.number(item["createdAt"]).map { $0 / 1000 })
        return posting
    }
}

extension SourceKind {
    public static let lever = SourceKind(Lever())
    public static let leverEU = SourceKind(Lever(eu: true))
}
