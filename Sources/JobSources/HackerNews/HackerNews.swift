import CareerCopilotCore
import Foundation

/// Hacker News "Ask HN: Who is hiring?" through the Algolia HN API: the newest thread by
/// `whoishiring` (or a given story id), then its top-level comments, each a posting in free
/// text, conventionally `Company | Role | Location | REMOTE | salary` on the first line.
public struct HackerNews: JobSource {
    public let name = "hn"
    public let label = "Hacker News “Who is hiring?”"
    public let identifierMeaning = "empty (the newest \"Who is hiring?\" thread), or a thread's item id"
    public let defaultBaseURL = "https://hn.algolia.com"

    public func identifierIssues(_ identifier: String) -> [String] {
        identifier.isEmpty || (identifier.count <= 12 && identifier.allSatisfy(\.isASCII) && identifier.allSatisfy(\.isNumber))
            ? [] : ["identifier must be \(identifierMeaning)"]
    }

    public func firstPageURL(_ board: SourceBoard) -> String {
        board.identifier.isEmpty
            ? "\(board.base)/api/v1/search_by_date?tags=story,author_whoishiring&hitsPerPage=30"
            : "\(board.base)/api/v1/items/\(board.encodedIdentifier)"
    }

    /// The newest thread first (when no id was given), then the thread's comments.
    public func read(_ body: Data, page: FetchedPage, board: SourceBoard) throws(SourcePayloadError) -> SourcePage {
        if board.identifier.isEmpty, page.number == 1 {
            guard let thread = try Self.latestThread(body) else { throw SourcePayloadError("no \"Who is hiring?\" thread found") }
            return SourcePage(postings: [], next: "\(board.base)/api/v1/items/\(thread)")
        }
        return SourcePage(postings: try Self.postings(body))
    }

    /// The newest "Who is hiring?" story in a `search_by_date` answer.
    public static func latestThread(_ data: Data) throws(SourcePayloadError) -> String? {
        guard let hits = try Payload.json(data)["hits"]?.arrayValue else { throw SourcePayloadError("no hits array") }
        let threads = hits.filter { ($0["title"]?.stringValue ?? "").lowercased().contains("who is hiring") }
        let newest = threads.max { ($0["created_at_i"]?.numberValue ?? 0) < ($1["created_at_i"]?.numberValue ?? 0) }
        return newest?["objectID"].flatMap(Payload.identifier) ?? newest?["story_id"].flatMap(Payload.identifier)
    }

    /// The postings of an `items/{id}` answer: its direct children that still have text.
    public static func postings(_ data: Data) throws(SourcePayloadError) -> [RawPosting] {
        let story = try Payload.json(data)
        guard let children = story["children"]?.arrayValue else { throw SourcePayloadError("no children array") }
        return children.compactMap { comment in
            guard let id = comment["id"].flatMap(Payload.identifier), let html = comment["text"]?.stringValue, !html.isEmpty else { return nil }
            var posting = parse(html, id: id)
            posting.postedAt =
                comment["created_at"]?.stringValue.flatMap(ISODate.parse)
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
        var posting = RawPosting(source: "hn", externalID: id)
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
            if let type = Payload.employment(lower), lower.split(separator: " ").count <= 3 {
                posting.employmentType = posting.employmentType ?? type
                return true
            }
            let isWorkplaceOnly =
                RemoteDetector.detect(segment) != nil
                && lower.split { !$0.isLetter }.allSatisfy {
                    [
                        "remote", "onsite", "on", "site", "hybrid", "only", "ok", "friendly", "first", "partial", "full", "or", "and", "in", "office", "us",
                        "eu", "uk",
                    ].contains(String($0))
                }
            let isLink = lower.hasPrefix("http") || (lower.contains(".") && !lower.contains(" ") && lower.count < 60)
            return isWorkplaceOnly || isLink
        }
        let roleIndex =
            rest.firstIndex { segment in
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

extension SourceKind {
    public static let hn = SourceKind(HackerNews())
}
