import Foundation

extension SourceParsers {
    /// An RSS 2.0, RSS 1.0 (RDF) or Atom job feed. Job feeds put the company in an element of
    /// their own (`<company>`, `<job:company>`), in the title ("Acme: Backend Engineer",
    /// "Backend Engineer at Acme"), or only in the author; the feed's own title is the last resort.
    public static func feed(_ data: Data, feedURL: String) throws(SourcePayloadError) -> [RawPosting] {
        let document = MarkupElement.parse(String(decoding: data, as: UTF8.self))
        guard let root = document.children.first(where: { ["rss", "feed", "rdf"].contains($0.name) }) else {
            throw SourcePayloadError(message: "not an RSS or Atom feed")
        }
        let channel = root.child("channel") ?? root
        let feedTitle = channel.child("title")?.text.nilIfEmpty
        return root.descendants(named: ["item", "entry"]).compactMap { item in
            let link = feedLink(item)
            guard let id = (item.child("guid")?.text.nilIfEmpty ?? item.child("id")?.text.nilIfEmpty ?? link).map({ scopedID($0, within: feedURL) }) else { return nil }
            var posting = RawPosting(source: SourceKind.rss.rawValue, externalID: id)
            let title = item.child("title")?.text ?? ""
            let explicitCompany = ["company", "companyname", "company_name", "hiringorganization", "employer"].lazy.compactMap { item.child($0)?.text.nilIfEmpty }.first
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
            posting.employmentType = (["jobtype", "job_type", "type", "employmenttype"].lazy.compactMap { item.child($0)?.text }.first).flatMap(employment)
                ?? categories.lazy.compactMap(employment).first
            posting.postedAt = ["pubdate", "published", "date", "updated"].lazy.compactMap { item.child($0)?.text }.compactMap(feedDate).first
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
    public static func feedDate(_ text: String) -> Date? {
        if let date = ISODate.parse(text) { return date }
        var parts = text.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        if let first = parts.first, first.first?.isLetter == true { parts.removeFirst() }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard parts.count >= 3, let day = Int(parts[0]), let monthIndex = months.firstIndex(of: String(parts[1].prefix(3)).lowercased()),
              var year = Int(parts[2]) else { return nil }
        if year < 100 { year += year < 70 ? 2000 : 1900 }
        var time = parts.count > 3 ? parts[3] : "00:00:00"
        if time.split(separator: ":").count == 2 { time += ":00" }
        let zones = ["gmt": "+00:00", "ut": "+00:00", "utc": "+00:00", "z": "+00:00", "est": "-05:00", "edt": "-04:00",
                     "cst": "-06:00", "cdt": "-05:00", "mst": "-07:00", "mdt": "-06:00", "pst": "-08:00", "pdt": "-07:00"]
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

/// Hacker News "Ask HN: Who is hiring?" through the Algolia HN API: the newest thread by
/// `whoishiring` (or a given story id), then its top-level comments, each a posting in free
/// text, conventionally `Company | Role | Location | REMOTE | salary` on the first line.
public enum HackerNewsHiring {
    /// The newest "Who is hiring?" story in a `search_by_date` answer.
    public static func latestThread(_ data: Data) throws(SourcePayloadError) -> String? {
        guard let hits = try SourceParsers.json(data)["hits"]?.arrayValue else { throw SourcePayloadError(message: "no hits array") }
        let threads = hits.filter { ($0["title"]?.stringValue ?? "").lowercased().contains("who is hiring") }
        let newest = threads.max { ($0["created_at_i"]?.numberValue ?? 0) < ($1["created_at_i"]?.numberValue ?? 0) }
        return newest?["objectID"].flatMap(SourceParsers.identifier) ?? newest?["story_id"].flatMap(SourceParsers.identifier)
    }

    /// The postings of an `items/{id}` answer: its direct children that still have text.
    public static func postings(_ data: Data) throws(SourcePayloadError) -> [RawPosting] {
        let story = try SourceParsers.json(data)
        guard let children = story["children"]?.arrayValue else { throw SourcePayloadError(message: "no children array") }
        return children.compactMap { comment in
            guard let id = comment["id"].flatMap(SourceParsers.identifier), let html = comment["text"]?.stringValue, !html.isEmpty else { return nil }
            var posting = parse(html, id: id)
            posting.postedAt = comment["created_at"]?.stringValue.flatMap(ISODate.parse)
                ?? ISODate.fromUnixSeconds(comment["created_at_i"]?.numberValue)
            return posting
        }
    }

    static let roleWords: Set<String> = [
        "engineer", "engineers", "developer", "developers", "designer", "manager", "scientist", "lead", "head", "director",
        "analyst", "architect", "sre", "devops", "founding", "intern", "internship", "researcher", "recruiter", "cto",
        "vp", "programmer", "consultant", "specialist", "administrator", "technician", "writer", "marketer", "product",
        "engineering", "staff", "principal", "senior", "junior", "backend", "frontend", "full-stack", "fullstack", "ml", "ai",
    ]

    /// One comment: the first line split on `|`; the company first, then the role (the part
    /// that reads as a role, else the second), the place, pay, workplace and type in any order.
    /// The posting's URL is the comment itself: links in it go to the company, not the job,
    /// and two roles of one company must not share a URL.
    public static func parse(_ html: String, id: String) -> RawPosting {
        var posting = RawPosting(source: SourceKind.hn.rawValue, externalID: id)
        posting.url = "https://news.ycombinator.com/item?id=\(id)"
        posting.descriptionHTML = html
        let firstLine = html.components(separatedBy: "<p>").first ?? html
        let header = TextNormalizer.collapsingWhitespace(HTMLSanitizer.sanitize(firstLine).text)
        let segments = header.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard segments.count >= 2 else { return posting }  // not the conventional form: rejected as untitled
        posting.company = companyName(segments[0])
        var rest = Array(segments.dropFirst())
        posting.remote = RemoteDetector.detect(header)
        if let index = rest.firstIndex(where: { SalaryParser.parse($0) != nil }) {
            posting.salaryText = rest.remove(at: index)
        }
        rest.removeAll { segment in
            let lower = segment.lowercased()
            if let type = SourceParsers.employment(lower), lower.split(separator: " ").count <= 3 {
                posting.employmentType = posting.employmentType ?? type
                return true
            }
            let isWorkplaceOnly = RemoteDetector.detect(segment) != nil && lower.split { !$0.isLetter }.allSatisfy { ["remote", "onsite", "on", "site", "hybrid", "only", "ok", "friendly", "first", "partial", "full", "or", "and", "in", "office", "us", "eu", "uk"].contains(String($0)) }
            let isLink = lower.hasPrefix("http") || (lower.contains(".") && !lower.contains(" ") && lower.count < 60)
            return isWorkplaceOnly || isLink
        }
        let roleIndex = rest.firstIndex { segment in
            segment.lowercased().split { !$0.isLetter && $0 != "-" }.contains { roleWords.contains(String($0)) }
        } ?? rest.indices.first
        if let roleIndex {
            posting.title = rest.remove(at: roleIndex)
        }
        posting.location = rest.first { $0.contains(",") } ?? rest.first { !$0.contains(where: \.isNumber) }
        return posting
    }

    /// "Acme (YC S21)" and "Acme (https://acme.com)" → "Acme".
    static func companyName(_ segment: String) -> String {
        guard let open = segment.firstIndex(of: "("), open > segment.startIndex else { return segment }
        return segment[..<open].trimmingCharacters(in: .whitespaces)
    }
}
