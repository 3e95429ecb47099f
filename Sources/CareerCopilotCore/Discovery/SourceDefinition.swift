import Foundation

/// The kinds of source the product reads, and how each names its board.
public enum SourceKind: String, CaseIterable, Codable, Sendable {
    case greenhouse, lever, leverEU = "lever_eu", ashby, smartrecruiters, workable, recruitee, remoteok, remotive, arbeitnow
    case hn, rss, jsonLD = "jsonld", adzuna, usajobs

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
        case .hn: "empty (the newest \"Who is hiring?\" thread), or a thread's item id"
        case .rss: "the feed's http(s) URL (RSS or Atom)"
        case .jsonLD: "the careers page URL (with schema.org JobPosting, JSON-LD or microdata)"
        case .adzuna: "a query: country=gb&what=swift developer&where=London"
        case .usajobs: "a query: Keyword=software&LocationName=Denver, Colorado"
        }
    }

    /// Sources that send the operator's keys (from the environment) with every request.
    public var needsKeys: Bool { self == .adzuna || self == .usajobs }

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
        case .hn: "https://hn.algolia.com"
        case .rss, .jsonLD: ""
        case .adzuna: "https://api.adzuna.com"
        case .usajobs: "https://data.usajobs.gov"
        }
    }
}

/// One configured source: its kind, its board (or URL), and where its API lives (tests and
/// mirrors point `baseURL` elsewhere). Builds the request URLs and reads the payloads.
public struct SourceDefinition: Sendable, Equatable {
    public var kind: SourceKind
    public var identifier: String
    public var baseURL: String?
    /// Keys for the sources that need them (Adzuna, USAJOBS).
    public var credentials: SourceCredentials

    public init(kind: SourceKind, identifier: String, baseURL: String? = nil, credentials: SourceCredentials = SourceCredentials()) {
        self.kind = kind
        self.identifier = identifier
        self.baseURL = baseURL
        self.credentials = credentials
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
        case .rss, .jsonLD:
            if !WebURL.isAbsoluteHTTP(id) { issues.append("identifier must be \(kind.identifierMeaning)") }
        case .hn:
            if !id.isEmpty, !(id.count <= 12 && id.allSatisfy(\.isASCII) && id.allSatisfy(\.isNumber)) { issues.append("identifier must be \(kind.identifierMeaning)") }
        case .adzuna:
            let query = SearchQuery(id)
            let allowed: Set<String> = ["country", "what", "where", "what_or", "what_exclude", "category", "distance", "max_days_old", "salary_min", "full_time", "permanent", "contract", "sort_by"]
            if query["country"].map({ $0.count == 2 && $0.allSatisfy(\.isLetter) }) != true { issues.append("identifier must name a two-letter country: \(kind.identifierMeaning)") }
            if let unknown = query.parameters.first(where: { !allowed.contains($0.name) }) { issues.append("identifier has an unknown Adzuna parameter '\(unknown.name)'") }
        case .usajobs:
            let allowed: Set<String> = ["Keyword", "LocationName", "PositionTitle", "Organization", "RemoteIndicator", "JobCategoryCode", "PayGradeLow", "PayGradeHigh", "DatePosted", "Radius", "PositionScheduleTypeCode", "SortField"]
            if id.isEmpty { issues.append("identifier must be \(kind.identifierMeaning)") }
            if let unknown = SearchQuery(id).parameters.first(where: { !allowed.contains($0.name) }) { issues.append("identifier has an unknown USAJOBS parameter '\(unknown.name)'") }
        }
        if id.count > 2_048 { issues.append("identifier must be at most 2048 characters") }
        if let missing = credentials.missing(for: kind) { issues.append(missing) }
        if let baseURL, !WebURL.isAbsoluteHTTP(baseURL) { issues.append("base_url must be an http(s) URL") }
        if let problem = keyHostProblem { issues.append(problem) }
        return issues
    }

    /// Why this source's keys may not go where its base URL points; nil when they may.
    public var keyHostProblem: String? {
        guard kind.needsKeys, !credentials.mayReceiveKeys(kind, url: base) else { return nil }
        let own = URLComponents(string: kind.defaultBaseURL)?.host ?? kind.defaultBaseURL
        return "base_url of a \(kind.rawValue) source must be on \(own): its keys go to no other host unless CC_SOURCE_KEY_HOSTS lists it"
    }

    /// Keys ride along only to a host allowed to receive them.
    private var keysAllowed: Bool { keyHostProblem == nil }

    private var base: String {
        var base = baseURL?.isEmpty == false ? baseURL! : kind == .recruitee ? "https://\(encodedIdentifier).recruitee.com" : kind.defaultBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    private var encodedIdentifier: String {
        identifier.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? identifier
    }

    /// Where the board's own name is, for boards whose postings may not carry the company
    /// (Greenhouse: `GET /v1/boards/{token}` → `{"name": "Acme Inc"}`); nil for the others.
    public var boardNameURL: String? {
        kind == .greenhouse ? "\(base)/v1/boards/\(encodedIdentifier)" : nil
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
        case .hn: identifier.isEmpty ? "\(base)/api/v1/search_by_date?tags=story,author_whoishiring&hitsPerPage=30" : "\(base)/api/v1/items/\(encodedIdentifier)"
        case .rss, .jsonLD: identifier
        case .adzuna: adzunaPageURL(1)
        case .usajobs: "\(base)/api/search?\(SearchQuery(identifier).encoded())&ResultsPerPage=\(Self.usajobsPageSize)&Page=1"
        }
    }

    private func adzunaPageURL(_ page: Int) -> String {
        let query = SearchQuery(identifier)
        let country = (query["country"] ?? "gb").lowercased()
        let keys = keysAllowed ? "app_id=\(SearchQuery.encode(credentials.adzunaAppID ?? ""))&app_key=\(SearchQuery.encode(credentials.adzunaAppKey ?? ""))&" : ""
        return "\(base)/v1/api/jobs/\(country)/search/\(page)?\(keys)results_per_page=\(Self.adzunaPageSize)&\(query.encoded(excluding: ["country"]))"
    }

    /// Headers this source's requests carry besides the fetcher's own (USAJOBS: its key, and
    /// the e-mail address it wants as User-Agent).
    public var requestHeaders: [(name: String, value: String)] {
        guard kind == .usajobs, keysAllowed else { return [] }
        return [("Authorization-Key", credentials.usajobsAPIKey ?? ""), ("User-Agent", credentials.usajobsEmail ?? "")]
    }

    /// Most pages one run reads: the general safety cap, lower where the source's rate limit is
    /// tight (Adzuna allows 25 calls a minute and 250 a day).
    public var maximumPages: Int {
        switch kind {
        case .adzuna: 5
        case .usajobs: 10
        default: 50
        }
    }

    /// Where a posting's full text lives when the listing does not carry it (SmartRecruiters).
    public func detailURL(for posting: RawPosting) -> String? {
        guard kind == .smartrecruiters else { return nil }
        let id = posting.externalID.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? posting.externalID
        return "\(base)/v1/companies/\(encodedIdentifier)/postings/\(id)"
    }

    /// Completes a posting from its detail answer.
    public func readDetail(_ body: Data, into posting: inout RawPosting) throws(SourcePayloadError) {
        if kind == .smartrecruiters { posting.descriptionHTML = try SourceParsers.smartRecruitersDescription(body) }
    }

    public static let leverPageSize = 100
    /// SmartRecruiters caps `limit` at 100, silently.
    public static let smartRecruitersPageSize = 100
    public static let adzunaPageSize = 50
    public static let usajobsPageSize = 250

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
        case .jsonLD:
            return Page(postings: SourceParsers.schemaOrg(html: String(decoding: body, as: UTF8.self), pageURL: pageURL))
        case .rss:
            return Page(postings: try SourceParsers.feed(body, feedURL: pageURL))
        case .hn:
            // The newest thread first (when no id was given), then the thread's comments.
            if identifier.isEmpty, pageNumber == 1 {
                guard let thread = try HackerNewsHiring.latestThread(body) else { throw SourcePayloadError(message: "no \"Who is hiring?\" thread found") }
                return Page(postings: [], next: "\(base)/api/v1/items/\(thread)")
            }
            return Page(postings: try HackerNewsHiring.postings(body))
        case .adzuna:
            let (postings, total) = try SourceParsers.adzuna(body, currency: SourceParsers.adzunaCurrency(country: SearchQuery(identifier)["country"] ?? ""))
            let more = !postings.isEmpty && pageNumber * Self.adzunaPageSize < total
            return Page(postings: postings, next: more ? adzunaPageURL(pageNumber + 1) : nil)
        case .usajobs:
            let (postings, pages) = try SourceParsers.usajobs(body)
            let next = pageNumber < pages && !postings.isEmpty
                ? "\(base)/api/search?\(SearchQuery(identifier).encoded())&ResultsPerPage=\(Self.usajobsPageSize)&Page=\(pageNumber + 1)" : nil
            return Page(postings: postings, next: next)
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
