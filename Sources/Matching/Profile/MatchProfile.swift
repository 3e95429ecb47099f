import CareerCopilotCore

/// What matching needs to know of a person: their skills and where the profile shows them,
/// the titles they want and have held, and what they accept.
public struct MatchProfile: Sendable, Equatable {
    public struct Skill: Sendable, Equatable {
        /// Canonical (`SkillTaxonomy`) where known; the matcher canonicalises it again anyway.
        public var name: String
        public var years: Double?
        public var level: String?
        /// Where the profile shows it: "Skills", "Senior Engineer at Acme (2019–2023)",
        /// "Project: Ledger".
        public var evidence: [String]

        public init(name: String, years: Double? = nil, level: String? = nil, evidence: [String] = []) {
            self.name = name
            self.years = years
            self.level = level
            self.evidence = evidence
        }
    }

    public var skills: [Skill]
    public var targetTitles: [String]
    /// Work positions, most recent first.
    public var pastTitles: [String]
    public var yearsOfExperience: Double?
    /// Places the person accepts ("Berlin", "Germany", "London, UK"); empty is anywhere.
    public var locations: [String]
    /// Kinds of workplace accepted; empty is any.
    public var remote: Set<RemoteType>
    /// Yearly.
    public var minSalary: Double?
    public var salaryCurrency: String?
    public var hardFilters: Set<PreferenceKind>
    /// Everything the resume says, for the ATS keyword report.
    public var resumeText: String

    public init(
        skills: [Skill] = [], targetTitles: [String] = [], pastTitles: [String] = [], yearsOfExperience: Double? = nil, locations: [String] = [],
        remote: Set<RemoteType> = [], minSalary: Double? = nil, salaryCurrency: String? = nil, hardFilters: Set<PreferenceKind> = [],
        resumeText: String = ""
    ) {
        self.skills = skills
        self.targetTitles = targetTitles
        self.pastTitles = pastTitles
        self.yearsOfExperience = yearsOfExperience
        self.locations = locations
        self.remote = remote
        self.minSalary = minSalary
        self.salaryCurrency = salaryCurrency
        self.hardFilters = hardFilters
        self.resumeText = resumeText
    }
}
