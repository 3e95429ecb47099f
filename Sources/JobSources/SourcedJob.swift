import CareerCopilotCore
import Foundation

/// The columns of a job that a source writes, as values: what a new posting becomes, and what
/// a posting listed again changes. Ingestion compares them and writes only what changed.
public struct SourcedJob: Sendable, Equatable {
    public var title: String
    public var company: String
    public var location: String?
    public var url: String?
    public var description: String
    public var descriptionText: String
    public var remote: RemoteType?
    public var employmentType: EmploymentType?
    public var salaryMin: Double?
    public var salaryMax: Double?
    public var salaryCurrency: String?
    public var salaryPeriod: SalaryPeriod?
    public var postedAt: Date?
    public var isActive: Bool

    public init(
        title: String, company: String, location: String?, url: String?, description: String, descriptionText: String,
        remote: RemoteType?, employmentType: EmploymentType?, salaryMin: Double?, salaryMax: Double?, salaryCurrency: String?,
        salaryPeriod: SalaryPeriod?, postedAt: Date?, isActive: Bool
    ) {
        self.title = title
        self.company = company
        self.location = location
        self.url = url
        self.description = description
        self.descriptionText = descriptionText
        self.remote = remote
        self.employmentType = employmentType
        self.salaryMin = salaryMin
        self.salaryMax = salaryMax
        self.salaryCurrency = salaryCurrency
        self.salaryPeriod = salaryPeriod
        self.postedAt = postedAt
        self.isActive = isActive
    }

    /// The job a new posting becomes.
    public init(_ posting: NormalizedPosting) {
        self.init(
            title: String(posting.title.prefix(300)), company: String(posting.company.prefix(200)),
            location: posting.location.map { String($0.prefix(300)) }, url: posting.url,
            description: posting.description.html, descriptionText: posting.description.text,
            remote: posting.remote, employmentType: posting.employmentType, salaryMin: posting.salaryMin, salaryMax: posting.salaryMax,
            salaryCurrency: posting.salaryCurrency, salaryPeriod: posting.salaryPeriod, postedAt: posting.postedAt, isActive: true
        )
    }

    /// The job with the posting's values, or nil when nothing would change. A source that stops
    /// giving a date does not erase the one it gave; nor does a listing without text
    /// (SmartRecruiters) erase the text its detail gave. A listed job is active.
    public func applying(_ posting: NormalizedPosting) -> SourcedJob? {
        var next = SourcedJob(posting)
        next.postedAt = posting.postedAt ?? postedAt
        if posting.description.html.isEmpty {
            next.description = description
            next.descriptionText = descriptionText
        }
        return next == self ? nil : next
    }

    /// Skills of the stored text (when the posting brought none of its own).
    public var skills: [String] { SkillTaxonomy.standard.extract(from: title, descriptionText) }
}

/// A posting's link: its source and its id there.
public struct PostingKey: Hashable, Sendable {
    public let source: String
    public let externalID: String

    public init(source: String, externalID: String) {
        self.source = source
        self.externalID = externalID
    }

    public init(_ posting: NormalizedPosting) {
        self.init(source: posting.source, externalID: posting.externalID)
    }
}
