import CareerCopilotCore

/// A job as matching reads it: the stored columns, its text, and the canonical skill names
/// already extracted from it.
public struct MatchJob: Sendable, Equatable {
    public var title: String
    public var company: String
    public var location: String?
    public var remote: RemoteType?
    public var salaryMin: Double?
    public var salaryMax: Double?
    public var salaryCurrency: String?
    public var salaryPeriod: SalaryPeriod?
    public var descriptionText: String
    public var skills: [String]

    public init(
        title: String, company: String = "", location: String? = nil, remote: RemoteType? = nil, salaryMin: Double? = nil, salaryMax: Double? = nil,
        salaryCurrency: String? = nil, salaryPeriod: SalaryPeriod? = nil, descriptionText: String = "", skills: [String] = []
    ) {
        self.title = title
        self.company = company
        self.location = location
        self.remote = remote
        self.salaryMin = salaryMin
        self.salaryMax = salaryMax
        self.salaryCurrency = salaryCurrency
        self.salaryPeriod = salaryPeriod
        self.descriptionText = descriptionText
        self.skills = skills
    }
}
