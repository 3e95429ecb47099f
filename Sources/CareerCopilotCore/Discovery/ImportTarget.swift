import Foundation

/// Where to read a pasted job URL from: the board's API when the URL belongs to a known
/// board (Greenhouse, Lever, Ashby, SmartRecruiters, Workable), else the page itself (its
/// schema.org JSON-LD or microdata).
public enum ImportTarget: Sendable, Equatable {
    case greenhouse(board: String, id: String)
    case lever(site: String, id: String, eu: Bool)
    case ashby(board: String, id: String)
    case smartRecruiters(company: String, id: String)
    case workable(account: String, shortcode: String)
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
        case "jobs.smartrecruiters.com":
            // /{Company}/{id}-{slug}: the id is the leading digits.
            let id = parts.count >= 2 ? String(parts[1].prefix { $0.isASCII && $0.isNumber }) : ""
            if safe(parts.first ?? ""), !id.isEmpty { return .smartRecruiters(company: parts[0], id: id) }
        case "apply.workable.com":
            if parts.count >= 3, parts[1] == "j", safe(parts[0]), safe(parts[2]) { return .workable(account: parts[0], shortcode: parts[2]) }
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
        case let .smartRecruiters(company, id): "https://api.smartrecruiters.com/v1/companies/\(company)/postings/\(id)"
        case let .workable(account, _): "https://apply.workable.com/api/v1/widget/accounts/\(account)?details=true"
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
        case let .smartRecruiters(company, _):
            return SourceParsers.smartRecruitersPosting(try SourceParsers.json(body), company: company)
        case let .workable(account, shortcode):
            return try SourceParsers.workable(body, account: account).first { $0.externalID.caseInsensitiveCompare(shortcode) == .orderedSame }
        case .page:
            let postings = SourceParsers.schemaOrg(html: String(decoding: body, as: UTF8.self), pageURL: pageURL)
            return postings.first { $0.url == pageURL } ?? postings.first
        }
    }
}
