import Foundation

/// What a job list asks for: the filters of `GET /api/v1/jobs`.
public struct JobFilter: Sendable, Hashable {
    /// Keywords, matched as word prefixes in title, company, location and description, and
    /// skills written with signs ("C++"). Present but empty (a query of only emoji) matches
    /// nothing: every job is not what such a search means.
    public var keywords: SearchTerms?
    /// Company name prefix, case-insensitive ("acme" finds "Acme Corp").
    public var company: String?
    /// Words of the location, as word prefixes ("york" finds "New York, NY").
    public var location: SearchTerms?
    public var remote: [RemoteType]?
    public var source: String?
    public var isActive: Bool?
    public var postedAfter: Date?
    /// Jobs whose pay can reach this amount (their maximum, or minimum when no maximum).
    public var salaryMin: Double?
    /// A skill the job asks for, by name, case-insensitive.
    public var skill: String?
    /// Jobs whose stored match score for the viewer's profile is at least this (0–100).
    public var matchMin: Int?
    /// Company keys the viewer has hidden (their blocklist); not a query parameter.
    public var hiddenCompanies: [String] = []
    /// The user whose private jobs the list includes besides the shared catalogue; not a
    /// query parameter. Nil lists the shared catalogue alone.
    public var viewer: Int?

    public init() {}

    /// True when only full-text conditions (keywords, location) are set: the full-text index
    /// alone can count the matches.
    public var isTextOnly: Bool {
        keywords?.skills.isEmpty != false && keywords?.isEmpty != true
            && company == nil && hiddenCompanies.isEmpty && remote == nil && source == nil && isActive == nil && postedAfter == nil && salaryMin == nil
            && skill == nil && matchMin == nil
    }

    public enum SortField: String, CaseIterable, Sendable {
        case postedAt = "posted_at"
        case scrapedAt = "scraped_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case title, company
        case salaryMin = "salary_min"
        case salaryMax = "salary_max"
        case id
        /// The viewer's stored match score (jobs not scored yet last).
        case match
    }

    public static let defaultSort = Sorting(field: SortField.postedAt, descending: true)

    /// Parses the query of a job list; throws `badRequest` listing every bad parameter.
    public static func parse(_ items: [(name: String, value: String)]) throws(DomainError) -> (JobFilter, Sorting<SortField>, Paging) {
        var reader = QueryReader(items: items)
        var filter = JobFilter()
        if let q = reader.string("q") {
            filter.keywords = SearchTerms(q)
        }
        filter.readFilters(&reader)
        let sort = reader.sort(default: defaultSort)
        let page = reader.page()
        try reader.validate()
        return (filter, sort, page)
    }

    /// Every parameter but `q`, sorting and paging: what a list and a ranked search share.
    mutating func readFilters(_ reader: inout QueryReader) {
        company = reader.string("company").map(TextNormalizer.key)
        if let text = reader.string("location") {
            let terms = SearchTerms(text)
            location = terms.isEmpty ? nil : terms
        }
        remote = reader.enumerationList("remote", RemoteType.self)
        source = reader.string("source", maxLength: 50)?.lowercased()
        isActive = reader.bool("is_active")
        postedAfter = reader.date("posted_after")
        salaryMin = reader.number("salary_min", min: 0)
        skill = reader.string("skill", maxLength: 100).map(TextNormalizer.key)
        matchMin = reader.integer("match_min", min: 0, max: 100)
    }
}

/// How a ranked search finds jobs: by meaning (`semantic`), by words (`keyword`), or both,
/// fused (`hybrid`, the default).
public enum SearchMode: String, CaseIterable, Sendable {
    case hybrid, semantic, keyword
}

/// `GET /api/v1/jobs/search` and the search box of `/jobs`: the text, the mode, the list's
/// filters (without `q`, which the text replaces) and the page.
public struct JobSearchRequest: Sendable {
    public var text: String
    public var mode: SearchMode
    public var filter: JobFilter
    public var page: Paging

    public static let maxLength = 500

    public init(text: String, mode: SearchMode = .hybrid, filter: JobFilter = JobFilter(), page: Paging = Paging(page: 1, pageSize: 20)) {
        self.text = text
        self.mode = mode
        self.filter = filter
        self.page = page
    }

    public static func parse(_ items: [(name: String, value: String)]) throws(DomainError) -> JobSearchRequest {
        var reader = QueryReader(items: items)
        let text = reader.string("q", maxLength: maxLength)
        if reader.parameters["q"]?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true {
            reader.problem("q is required: the text to search for")
        }
        let mode = reader.enumerationList("mode", SearchMode.self)?.last ?? .hybrid
        var filter = JobFilter()
        filter.readFilters(&reader)
        let page = reader.page()
        try reader.validate()
        return JobSearchRequest(text: text ?? "", mode: mode, filter: filter, page: page)
    }
}
