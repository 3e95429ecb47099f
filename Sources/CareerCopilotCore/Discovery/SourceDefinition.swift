import Foundation

/// The kinds of source the product reads, and how each names its board.
public enum SourceKind: String, CaseIterable, Codable, Sendable {
    case greenhouse, lever, leverEU = "lever_eu", ashby, smartrecruiters, workable, recruitee, remoteok, remotive, arbeitnow, careers

    /// What `identifier` is for this kind, for forms and error messages.
    public var identifierMeaning: String {
        switch self {
        case .greenhouse: "the board token (boards.greenhouse.io/<token>)"
        case .lever, .leverEU: "the site name (jobs.lever.co/<site>)"
        case .ashby: "the job board name (jobs.ashbyhq.com/<name>)"
        case .smartrecruiters: "the company identifier (jobs.smartrecruiters.com/<company>)"
        case .workable: "the account (apply.workable.com/<account>)"
        case .recruitee: "the company (<company>.recruitee.com)"
        case .remotive: "search words, or empty for every job"
        case .remoteok: "a tag to filter by, or empty for every job"
        case .arbeitnow: "empty (the whole board)"
        case .careers: "the careers page URL (with schema.org JobPosting)"
        }
    }

    public var defaultBaseURL: String {
        switch self {
        case .greenhouse: "https://boards-api.greenhouse.io"
        case .lever: "https://api.lever.co"
        case .leverEU: "https://api.eu.lever.co"
        case .ashby: "https://api.ashbyhq.com"
        case .smartrecruiters: "https://api.smartrecruiters.com"
        case .workable: "https://apply.workable.com"
        case .recruitee: ""  // https://<company>.recruitee.com
        case .remotive: "https://remotive.com"
        case .remoteok: "https://remoteok.com"
        case .arbeitnow: "https://www.arbeitnow.com"
        case .careers: ""
        }
    }
}

/// One configured source: its kind, its board (or URL), and where its API lives (tests and
/// mirrors point `baseURL` elsewhere). Builds the request URLs and reads the payloads.
public struct SourceDefinition: Sendable, Equatable {
    public var kind: SourceKind
    public var identifier: String
    public var baseURL: String?

    public init(kind: SourceKind, identifier: String, baseURL: String? = nil) {
        self.kind = kind
        self.identifier = identifier
        self.baseURL = baseURL
    }

    /// Checks a definition as an admin submits it; one message per problem.
    public func issues() -> [String] {
        var issues: [String] = []
        let id = identifier.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .greenhouse, .lever, .leverEU, .ashby, .smartrecruiters, .workable, .recruitee:
            if id.isEmpty || id.count > 100 || !id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) {
                issues.append("identifier must be \(kind.identifierMeaning): letters, digits, '-', '_' or '.'")
            }
        case .remotive:
            if id.count > 100 { issues.append("identifier must be at most 100 characters of search words") }
        case .remoteok:
            if id.count > 50 || !id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) { issues.append("identifier must be a tag of letters, digits and '-', or empty") }
        case .arbeitnow:
            if !id.isEmpty { issues.append("identifier must be empty for arbeitnow") }
        case .careers:
            if !WebURL.isAbsoluteHTTP(id) { issues.append("identifier must be the careers page's http(s) URL") }
        }
        if let baseURL, !WebURL.isAbsoluteHTTP(baseURL) { issues.append("base_url must be an http(s) URL") }
        return issues
    }

    private var base: String {
        var base = baseURL?.isEmpty == false ? baseURL! : kind == .recruitee ? "https://\(encodedIdentifier).recruitee.com" : kind.defaultBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    private var encodedIdentifier: String {
        identifier.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? identifier
    }

    /// The first request of a run; `nextPage` gives the following ones.
    public var firstPageURL: String {
        switch kind {
        case .greenhouse: "\(base)/v1/boards/\(encodedIdentifier)/jobs?content=true"
        case .lever, .leverEU: "\(base)/v0/postings/\(encodedIdentifier)?mode=json&skip=0&limit=\(Self.leverPageSize)"
        case .ashby: "\(base)/posting-api/job-board/\(encodedIdentifier)?includeCompensation=true"
        case .smartrecruiters: "\(base)/v1/companies/\(encodedIdentifier)/postings?limit=\(Self.smartRecruitersPageSize)&offset=0"
        case .workable: "\(base)/api/v1/widget/accounts/\(encodedIdentifier)?details=true"
        case .recruitee: "\(base)/api/offers/"
        case .remotive: identifier.isEmpty ? "\(base)/api/remote-jobs" : "\(base)/api/remote-jobs?search=\(identifier.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        case .remoteok: identifier.isEmpty ? "\(base)/api" : "\(base)/api?tags=\(encodedIdentifier)"
        case .arbeitnow: "\(base)/api/job-board-api?page=1"
        case .careers: identifier
        }
    }

    public static let leverPageSize = 100
    /// SmartRecruiters caps `limit` at 100, silently.
    public static let smartRecruitersPageSize = 100

    /// One page of a run, read.
    public struct Page: Sendable {
        public var postings: [RawPosting]
        /// The next page to fetch, when the listing goes on.
        public var next: String?
    }

    /// Reads one response. `pageURL` is the URL it answered; `pageNumber` counts from 1.
    public func read(_ body: Data, pageURL: String, pageNumber: Int) throws(SourcePayloadError) -> Page {
        switch kind {
        case .greenhouse:
            return Page(postings: try SourceParsers.greenhouse(body, board: identifier))
        case .lever, .leverEU:
            let postings = try SourceParsers.lever(body, site: identifier)
            let next = postings.count == Self.leverPageSize
                ? "\(base)/v0/postings/\(encodedIdentifier)?mode=json&skip=\(pageNumber * Self.leverPageSize)&limit=\(Self.leverPageSize)" : nil
            return Page(postings: postings.map { var posting = $0; posting.source = kind.rawValue; return posting }, next: next)
        case .ashby:
            return Page(postings: try SourceParsers.ashby(body, board: identifier))
        case .smartrecruiters:
            let (postings, total) = try SourceParsers.smartRecruiters(body, company: identifier)
            let seen = (pageNumber - 1) * Self.smartRecruitersPageSize + postings.count
            let next = !postings.isEmpty && seen < total
                ? "\(base)/v1/companies/\(encodedIdentifier)/postings?limit=\(Self.smartRecruitersPageSize)&offset=\(seen)" : nil
            return Page(postings: postings, next: next)
        case .workable:
            return Page(postings: try SourceParsers.workable(body, account: identifier))
        case .recruitee:
            return Page(postings: try SourceParsers.recruitee(body, company: identifier))
        case .remotive:
            return Page(postings: try SourceParsers.remotive(body))
        case .remoteok:
            return Page(postings: try SourceParsers.remoteOK(body))
        case .arbeitnow:
            let (postings, next) = try SourceParsers.arbeitnow(body)
            // Follow the board's own link, but only on the same host as the first page.
            let sameHost = next.flatMap { URLComponents(string: $0)?.host } == URLComponents(string: base)?.host
            return Page(postings: postings, next: sameHost ? next : next.flatMap { rebase($0) })
        case .careers:
            return Page(postings: SourceParsers.jsonLD(html: String(decoding: body, as: UTF8.self), pageURL: pageURL))
        }
    }

    /// A next-page link of the public host, moved onto the configured base (tests, mirrors).
    private func rebase(_ link: String) -> String? {
        guard let components = URLComponents(string: link) else { return nil }
        return base + components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
    }
}

extension SourcePayloadError {
    public init(_ message: String) {
        self.message = message
    }
}

extension SourceDefinition.Page {
    public init(postings: [RawPosting]) {
        self.init(postings: postings, next: nil)
    }
}
