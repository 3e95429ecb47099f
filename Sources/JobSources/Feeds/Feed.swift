import CareerCopilotCore
import Foundation

/// An RSS 2.0, RSS 1.0 (RDF) or Atom job feed, by its URL: one page.
public struct Feed: JobSource {
    public let name = "rss"
    public let label = "RSS or Atom feed"
    public let identifierMeaning = "the feed's http(s) URL (RSS or Atom)"
    public let defaultBaseURL = ""

    public func identifierIssues(_ identifier: String) -> [String] {
        WebURL.isAbsoluteHTTP(identifier) ? [] : ["identifier must be \(identifierMeaning)"]
    }

    public func firstPageURL(_ board: SourceBoard) -> String { board.identifier }

    public func read(_ body: Data, page: FetchedPage, board: SourceBoard) throws(SourcePayloadError) -> SourcePage {
        SourcePage(postings: try Self.postings(in: body, feedURL: page.url))
    }

    /// Job feeds put the company in an element of
    /// their own (`<company>`, `<job:company>`), in the title ("Acme: Backend Engineer",
    /// "Backend Engineer at Acme"), or only in the author; the feed's own title is the last resort.
    public static func postings(in data: Data, feedURL: String) throws(SourcePayloadError) -> [RawPosting] {
        let document = MarkupElement.parse(String(decoding: data, as: UTF8.self))
        guard let root = document.children.first(where: { ["rss", "feed", "rdf"].contains($0.name) }) else {
            throw SourcePayloadError("not an RSS or Atom feed")
        }
        let channel = root.child("channel") ?? root
        let feedTitle = channel.child("title")?.text.nilIfEmpty
        return root.descendants(named: ["item", "entry"]).compactMap { item in
            let link = feedLink(item)
            guard let id = (item.child("guid")?.text.nilIfEmpty ?? item.child("id")?.text.nilIfEmpty ?? link).map({ Payload.scopedID($0, within: feedURL) })
            else { return nil }
            var posting = RawPosting(source: "rss", externalID: id)
            let title = item.child("title")?.text ?? ""
            let explicitCompany = ["company", "companyname", "company_name", "hiringorganization", "employer"].lazy.compactMap {
                item.child($0)?.text.nilIfEmpty
            }.first
            if let explicitCompany {
                (posting.title, posting.company) = (title, explicitCompany)
            } else if let split = splitCompanyFromTitle(title) {
                (posting.company, posting.title) = split
            } else {
                posting.title = title
                posting.company = item.child("author")?.child("name")?.text.nilIfEmpty ?? item.child("creator")?.text.nilIfEmpty ?? feedTitle
            }
            posting.location = ["location", "region", "joblocation", "city"].lazy.compactMap { item.child($0)?.text.nilIfEmpty }.first
            let categories = item.children("category").map { $0.text.nilIfEmpty ?? $0.attributes["term"] ?? "" }
            posting.remote = RemoteDetector.detect(posting.location, title, categories.joined(separator: " "))
            posting.descriptionHTML = ["encoded", "content", "description", "summary"].lazy.compactMap { item.child($0)?.text.nilIfEmpty }.first
            posting.url = link
            posting.salaryText = ["salary", "compensation", "pay"].lazy.compactMap { item.child($0)?.text.nilIfEmpty }.first
            posting.employmentType =
                (["jobtype", "job_type", "type", "employmenttype"].lazy.compactMap { item.child($0)?.text }.first).flatMap(Payload.employment)
                ?? categories.lazy.compactMap(Payload.employment).first
            posting.postedAt = ["pubdate", "published", "date", "updated"].lazy.compactMap { item.child($0)?.text }.compactMap(date).first
            return posting
        }
    }

    /// RSS `<link>text</link>`, or Atom's `<link rel="alternate" href="…"/>` (the first link
    /// when none says alternate).
    static func feedLink(_ item: MarkupElement) -> String? {
        let links = item.children("link")
        if let text = links.first(where: { !$0.text.isEmpty })?.text { return text }
        let alternate = links.first { ($0.attributes["rel"] ?? "alternate") == "alternate" } ?? links.first
        return alternate?.attributes["href"]?.nilIfEmpty ?? item.child("guid").flatMap { WebURL.isAbsoluteHTTP($0.text) ? $0.text : nil }
    }

    /// "Acme: Senior Engineer" and "Senior Engineer at Acme" → (company, title).
    static func splitCompanyFromTitle(_ title: String) -> (company: String, title: String)? {
        if let colon = title.range(of: ": ") {
            let company = title[..<colon.lowerBound].trimmingCharacters(in: .whitespaces)
            let role = title[colon.upperBound...].trimmingCharacters(in: .whitespaces)
            if !company.isEmpty, !role.isEmpty, company.split(separator: " ").count <= 6 { return (company, role) }
        }
        if let at = title.range(of: " at ", options: .backwards) {
            let role = title[..<at.lowerBound].trimmingCharacters(in: .whitespaces)
            let company = title[at.upperBound...].trimmingCharacters(in: .whitespaces)
            if !company.isEmpty, !role.isEmpty { return (company, role) }
        }
        return nil
    }

    /// RFC 822 dates of RSS ("Tue, 25 Nov 2025 20:49:51 +0000", "… GMT", "… EST"), else ISO 8601.
    public static func date(_ text: String) -> Date? {
        if let date = ISODate.parse(text) { return date }
        var parts = text.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        if let first = parts.first, first.first?.isLetter == true { parts.removeFirst() }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard parts.count >= 3, let day = Int(parts[0]), let monthIndex = months.firstIndex(of: String(parts[1].prefix(3)).lowercased()),
            var year = Int(parts[2])
        else { return nil }
        if year < 100 { year += year < 70 ? 2000 : 1900 }
        var time = parts.count > 3 ? parts[3] : "00:00:00"
        if time.split(separator: ":").count == 2 { time += ":00" }
        let zones = [
            "gmt": "+00:00", "ut": "+00:00", "utc": "+00:00", "z": "+00:00", "est": "-05:00", "edt": "-04:00",
            "cst": "-06:00", "cdt": "-05:00", "mst": "-07:00", "mdt": "-06:00", "pst": "-08:00", "pdt": "-07:00",
        ]
        let zoneText = parts.count > 4 ? parts[4] : "GMT"
        var offset = zones[zoneText.lowercased()]
        if offset == nil, zoneText.count == 5, let sign = zoneText.first, sign == "+" || sign == "-" {
            offset = "\(zoneText.prefix(3)):\(zoneText.suffix(2))"
        }
        guard let offset else { return nil }
        let iso = String(format: "%04d-%02d-%02dT", year, monthIndex + 1, day) + (time.count == 7 ? "0" + time : time) + offset
        return ISODate.parse(iso)
    }
}

extension SourceKind {
    public static let rss = SourceKind(Feed())
}
