import CareerCopilotCore
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
    case missingTitle, missingCompany, missingURL, invalidURL(String), invalidID

    public var reason: String {
        switch self {
        case .invalidID: "no usable id (empty, or with control characters)"
        case .missingTitle: "no title"
        case .missingCompany: "no company"
        case .missingURL: "no URL"
        case let .invalidURL(url): "URL is not http(s): \(TextNormalizer.removingControlCharacters(String(url.prefix(100))))"
        }
    }
}

/// Validates and normalises one posting. One bad posting never fails a run: it is rejected
/// with its reason.
public enum PostingNormalizer {
    /// The limits of a job as the API takes it (`JobDraft`); a source's longer text is cut.
    static let maxTitle = 300, maxCompany = 200, maxLocation = 300, maxExternalID = 255
    /// Description markup read at most: ten times what a person may type, far above any real
    /// posting, and a bound on the work one hostile posting costs.
    static let maxDescriptionInput = 1_000_000

    public static func normalize(_ raw: RawPosting, taxonomy: SkillTaxonomy = .standard, now: Date = Date()) throws(PostingRejection) -> NormalizedPosting {
        let title = TextNormalizer.truncated(line(raw.title), to: maxTitle)
        guard !title.isEmpty else { throw .missingTitle }
        let company = TextNormalizer.truncated(line(raw.company), to: maxCompany)
        guard !company.isEmpty else { throw .missingCompany }
        // An id is compared, not read: one with control characters is refused rather than
        // changed into another posting's id.
        let externalID = raw.externalID.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !externalID.isEmpty, !externalID.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { throw .invalidID }
        guard let rawURL = raw.url?.trimmingCharacters(in: .whitespacesAndNewlines), !rawURL.isEmpty else { throw .missingURL }
        guard rawURL.count <= 2_048, WebURL.isAbsoluteHTTP(rawURL), !rawURL.unicodeScalars.contains(where: TextNormalizer.isUnwantedControl) else {
            throw .invalidURL(rawURL)
        }
        let url = rawURL

        let location = raw.location.map { TextNormalizer.truncated(TextNormalizer.removingControlCharacters(HTMLEntities.decode($0)), to: maxLocation) }
        let locations = LocationNormalizer.split(location)
        var markup = raw.descriptionHTML ?? ""
        if markup.utf8.count > maxDescriptionInput { markup = String(decoding: markup.utf8.prefix(maxDescriptionInput), as: UTF8.self) }
        markup = TextNormalizer.removingControlCharacters(markup)
        let description = HTMLSanitizer.sanitizeDescription(decodedDescription(markup))
        var salary = ParsedSalary(min: raw.salaryMin, max: raw.salaryMax, currency: currencyCode(raw.salaryCurrency), period: raw.salaryPeriod)
        if salary.min == nil, salary.max == nil, let text = raw.salaryText, let parsed = SalaryParser.parse(String(text.prefix(500))) {
            salary = parsed
        }
        // Pay the API would refuse (negative, not finite, over a billion) is a broken field: dropped.
        salary.min = salary.min.flatMap(plausibleAmount)
        salary.max = salary.max.flatMap(plausibleAmount)
        if let min = salary.min, let max = salary.max, max < min { (salary.min, salary.max) = (max, min) }
        return NormalizedPosting(
            source: raw.source, externalID: TextNormalizer.truncated(externalID, to: maxExternalID), title: title, company: company, locations: locations,
            remote: raw.remote ?? RemoteDetector.detect(location, title),
            description: description, url: url,
            salaryMin: salary.min, salaryMax: salary.max, salaryCurrency: salary.currency, salaryPeriod: salary.period,
            employmentType: raw.employmentType, postedAt: ISODate.plausiblePostingDate(raw.postedAt, now: now),
            skills: taxonomy.extract(from: title, description.text)
        )
    }

    /// One line of text: entities decoded, control characters gone, white space collapsed.
    private static func line(_ text: String?) -> String {
        TextNormalizer.collapsingWhitespace(TextNormalizer.removingControlCharacters(HTMLEntities.decode(text ?? "")))
    }

    private static func plausibleAmount(_ amount: Double) -> Double? {
        amount.isFinite && amount >= 0 && amount <= JobDraft.maxSalary ? amount : nil
    }

    /// A three-letter code, upper-cased; anything else is not a currency.
    private static func currencyCode(_ text: String?) -> String? {
        guard let code = text?.trimmingCharacters(in: .whitespaces).uppercased(), JobDraft.isCurrencyCode(code) else { return nil }
        return code
    }

    /// Greenhouse and others send HTML that is itself entity-encoded (`&lt;p&gt;`): decode it
    /// once when the text has escaped tags and no real ones.
    static func decodedDescription(_ text: String) -> String {
        if !text.contains("<"), text.contains("&lt;") { return HTMLEntities.decode(text) }
        return text
    }
}
