import Foundation

/// A posting as a source gave it, before validation and normalisation: every field may be
/// missing or odd. Parsers fill what their payload has.
public struct RawPosting: Sendable, Equatable {
    public var source: String
    public var externalID: String
    public var title: String?
    public var company: String?
    /// As written; may hold several places ("Denver, CO; New York, NY").
    public var location: String?
    /// The source's own flag, when it has one.
    public var remote: RemoteType?
    public var descriptionHTML: String?
    public var url: String?
    public var salaryMin: Double?
    public var salaryMax: Double?
    public var salaryCurrency: String?
    public var salaryPeriod: SalaryPeriod?
    /// Pay as free text, when the source has no structured fields.
    public var salaryText: String?
    public var employmentType: EmploymentType?
    /// The payload's own date; never the time of the scrape.
    public var postedAt: Date?

    public init(source: String, externalID: String) {
        self.source = source
        self.externalID = externalID
    }
}

/// A posting ready to store: validated, tidied, sanitised, with its skills.
public struct NormalizedPosting: Sendable, Equatable {
    public var source: String
    public var externalID: String
    public var title: String
    public var company: String
    public var locations: [String]
    public var remote: RemoteType?
    public var description: HTMLSanitizer.Result
    public var url: String
    public var salaryMin: Double?
    public var salaryMax: Double?
    public var salaryCurrency: String?
    public var salaryPeriod: SalaryPeriod?
    public var employmentType: EmploymentType?
    public var postedAt: Date?
    public var skills: [String]

    /// The stored location: the places joined, as one line.
    public var location: String? { locations.isEmpty ? nil : locations.joined(separator: "; ") }
}

/// Why a posting was not taken; counted per run and logged.
public enum PostingRejection: Error, Sendable, Equatable {
    case missingTitle, missingCompany, missingURL, invalidURL(String)

    public var reason: String {
        switch self {
        case .missingTitle: "no title"
        case .missingCompany: "no company"
        case .missingURL: "no URL"
        case let .invalidURL(url): "URL is not http(s): \(url.prefix(100))"
        }
    }
}

/// Validates and normalises one posting. One bad posting never fails a run: it is rejected
/// with its reason.
public enum PostingNormalizer {
    public static func normalize(_ raw: RawPosting, taxonomy: SkillTaxonomy = .standard) throws(PostingRejection) -> NormalizedPosting {
        let title = TextNormalizer.collapsingWhitespace(HTMLEntities.decode(raw.title ?? ""))
        guard !title.isEmpty else { throw .missingTitle }
        let company = TextNormalizer.collapsingWhitespace(HTMLEntities.decode(raw.company ?? ""))
        guard !company.isEmpty else { throw .missingCompany }
        guard let rawURL = raw.url?.trimmingCharacters(in: .whitespacesAndNewlines), !rawURL.isEmpty else { throw .missingURL }
        guard rawURL.count <= 2_048, WebURL.isAbsoluteHTTP(rawURL) else { throw .invalidURL(rawURL) }
        let url = rawURL

        let locations = LocationNormalizer.split(raw.location.map(HTMLEntities.decode))
        let description = HTMLSanitizer.sanitizeDescription(decodedDescription(raw.descriptionHTML ?? ""))
        var salary = ParsedSalary(min: raw.salaryMin, max: raw.salaryMax, currency: raw.salaryCurrency?.uppercased(), period: raw.salaryPeriod)
        if salary.min == nil, salary.max == nil, let text = raw.salaryText, let parsed = SalaryParser.parse(text) {
            salary = parsed
        }
        if let min = salary.min, let max = salary.max, max < min { (salary.min, salary.max) = (max, min) }
        return NormalizedPosting(
            source: raw.source, externalID: raw.externalID, title: title, company: company, locations: locations,
            remote: raw.remote ?? RemoteDetector.detect(raw.location, title),
            description: description, url: url,
            salaryMin: salary.min, salaryMax: salary.max, salaryCurrency: salary.currency, salaryPeriod: salary.period,
            employmentType: raw.employmentType, postedAt: raw.postedAt,
            skills: taxonomy.extract(from: title, description.text)
        )
    }

    /// Greenhouse and others send HTML that is itself entity-encoded (`&lt;p&gt;`): decode it
    /// once when the text has escaped tags and no real ones.
    static func decodedDescription(_ text: String) -> String {
        if !text.contains("<"), text.contains("&lt;") { return HTMLEntities.decode(text) }
        return text
    }
}
