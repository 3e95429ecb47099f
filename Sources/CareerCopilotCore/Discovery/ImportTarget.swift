import Foundation

/// Where to read a pasted job URL from: the board's API when the URL belongs to a known
/// board (Greenhouse, Lever, Ashby), else the page itself (its schema.org JSON-LD).
public enum ImportTarget: Sendable, Equatable {
    case greenhouse(board: String, id: String)
    case lever(site: String, id: String, eu: Bool)
    case ashby(board: String, id: String)
    case page(String)

    public static func resolve(_ url: String) -> ImportTarget {
        guard let components = URLComponents(string: url), let host = components.host?.lowercased() else { return .page(url) }
        let parts = components.path.split(separator: "/").map(String.init)
        func safe(_ text: String) -> Bool { !text.isEmpty && text.count <= 100 && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." } }
        switch host {
        case "boards.greenhouse.io", "job-boards.greenhouse.io", "job-boards.eu.greenhouse.io":
            if parts.count >= 3, parts[1] == "jobs", safe(parts[0]), safe(parts[2]) { return .greenhouse(board: parts[0], id: parts[2]) }
        case "jobs.lever.co", "jobs.eu.lever.co":
            if parts.count >= 2, safe(parts[0]), safe(parts[1]) { return .lever(site: parts[0], id: parts[1], eu: host.contains(".eu.")) }
        case "jobs.ashbyhq.com":
            if parts.count >= 2, safe(parts[0]), safe(parts[1]) { return .ashby(board: parts[0], id: parts[1]) }
        default:
            break
        }
        return .page(url)
    }

    /// The URL to fetch.
    public var fetchURL: String {
        switch self {
        case let .greenhouse(board, id): "https://boards-api.greenhouse.io/v1/boards/\(board)/jobs/\(id)?content=true"
        case let .lever(site, id, eu): "https://api.\(eu ? "eu." : "")lever.co/v0/postings/\(site)/\(id)?mode=json"
        case let .ashby(board, _): "https://api.ashbyhq.com/posting-api/job-board/\(board)?includeCompensation=true"
        case let .page(url): url
        }
    }

    /// The posting in a fetched body: the board's job, or the page's JobPosting (the one whose
    /// URL is the page's when there are several).
    public func posting(in body: Data, pageURL: String) throws(SourcePayloadError) -> RawPosting? {
        switch self {
        case let .greenhouse(board, _):
            return SourceParsers.greenhousePosting(try SourceParsers.json(body), board: board)
        case let .lever(site, _, _):
            return SourceParsers.leverPosting(try SourceParsers.json(body), site: site)
        case let .ashby(board, id):
            return try SourceParsers.ashby(body, board: board).first { $0.externalID == id }
        case .page:
            let postings = SourceParsers.schemaOrg(html: String(decoding: body, as: UTF8.self), pageURL: pageURL)
            return postings.first { $0.url == pageURL } ?? postings.first
        }
    }
}
