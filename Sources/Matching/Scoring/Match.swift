/// How well a job fits a profile, 0–100, and why: the requirements met and missing, how the
/// title, seniority, place, workplace and pay fit, the keywords the resume lacks, and a
/// summary a person reads. Deterministic: the same inputs give the same match.
public struct Match: Sendable, Equatable, Codable {
    /// The points each part can add; they sum to 100.
    public enum Weight: Sendable, Equatable {
        public static let skills = 55
        public static let title = 20
        public static let seniority = 10
        public static let location = 5
        public static let remote = 5
        public static let salary = 5
    }

    public struct Requirement: Sendable, Equatable, Codable {
        public var skill: String
        public var required: Bool
        public var met: Bool
        /// Where the profile shows the skill, when met.
        public var evidence: [String]

        public init(skill: String, required: Bool, met: Bool, evidence: [String]) {
            self.skill = skill
            self.required = required
            self.met = met
            self.evidence = evidence
        }
    }

    public enum FitKind: String, Sendable, Codable, CaseIterable, Equatable {
        case title, seniority, location, remote, salary
    }

    public enum Verdict: String, Sendable, Codable, CaseIterable, Equatable {
        case good, partial, poor, unknown
    }

    public struct Fit: Sendable, Equatable, Codable {
        public var kind: FitKind
        public var verdict: Verdict
        /// The person made this a hard preference.
        public var hard: Bool
        /// A sentence a person reads.
        public var detail: String
        /// What it added to the score.
        public var points: Int
        public var maxPoints: Int

        public init(kind: FitKind, verdict: Verdict, hard: Bool, detail: String, points: Int, maxPoints: Int) {
            self.kind = kind
            self.verdict = verdict
            self.hard = hard
            self.detail = detail
            self.points = points
            self.maxPoints = maxPoints
        }

        enum CodingKeys: String, CodingKey {
            case kind, verdict, hard, detail, points
            case maxPoints = "max_points"
        }
    }

    /// The posting's important terms the resume has and lacks.
    public struct KeywordReport: Sendable, Equatable, Codable {
        public var present: [String]
        /// At most 15, most important first.
        public var missing: [String]

        public init(present: [String], missing: [String]) {
            self.present = present
            self.missing = missing
        }
    }

    public var score: Int
    /// False when a hard preference rules the job out.
    public var passes: Bool
    public var filteredBy: [PreferenceKind]
    /// Required first.
    public var requirements: [Requirement]
    public var matchedSkills: [String]
    public var missingSkills: [String]
    /// What the skills added to the score, of `Weight.skills`.
    public var skillPoints: Int
    public var fits: [Fit]
    public var keywords: KeywordReport
    /// One or two sentences: why this score.
    public var summary: String

    public init(
        score: Int, passes: Bool, filteredBy: [PreferenceKind], requirements: [Requirement], matchedSkills: [String], missingSkills: [String],
        skillPoints: Int, fits: [Fit], keywords: KeywordReport, summary: String
    ) {
        self.score = score
        self.passes = passes
        self.filteredBy = filteredBy
        self.requirements = requirements
        self.matchedSkills = matchedSkills
        self.missingSkills = missingSkills
        self.skillPoints = skillPoints
        self.fits = fits
        self.keywords = keywords
        self.summary = summary
    }

    enum CodingKeys: String, CodingKey {
        case score, passes, requirements, fits, keywords, summary
        case filteredBy = "filtered_by"
        case matchedSkills = "matched_skills"
        case missingSkills = "missing_skills"
        case skillPoints = "skill_points"
    }
}
