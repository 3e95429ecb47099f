import CareerCopilotCore
import JobSources

/// Everything about a job that does not depend on who is looking: what it requires and
/// what would be nice, the seniority and years it asks, its place, workplace and yearly pay,
/// and the terms an applicant tracking system would look for. Read once, matched against
/// any number of profiles.
public struct JobFacts: Sendable, Equatable {
    /// How the posting speaks of a skill.
    public enum Importance: String, Sendable, Codable, CaseIterable {
        /// In the title, in a requirements section, or in a line that says it is needed.
        case required
        /// In a nice-to-have section, or in a line that says it is a plus.
        case niceToHave = "nice_to_have"
        /// Only elsewhere: the stack, the product, the skills the source listed.
        case mentioned
    }

    public struct Requirement: Sendable, Equatable {
        public var skill: String
        public var importance: Importance
        /// Whether it counts as required. A mentioned skill does when nothing in the posting
        /// is marked required: then what it names is all we know of what it asks. When the
        /// posting does say what it requires, a skill it only mentions is nice to have.
        public var required: Bool
        var taxonomyIndex: Int?
    }

    /// A term of the posting an applicant tracking system would look for.
    public struct Keyword: Sendable, Equatable {
        public var term: String
        public var isSkill: Bool
        /// The hashes of its words, plurals made singular, for finding it in a resume.
        var stems: [UInt64]
    }

    public let job: MatchJob
    /// Required skills first, then the nice-to-have ones, then those only mentioned, each
    /// group in the order the posting names them.
    public let requirements: [Requirement]
    /// Whether any stretch of the posting is marked required.
    public let statesRequirements: Bool
    /// The years of experience it asks, the most any requirement asks ("5+ years").
    public let yearsAsked: Int?
    /// Remote, hybrid or on-site: the job's own value, else what its location or title says.
    public let remote: RemoteType?
    public let pay: YearlyPay?
    /// Most important first: its skills, required before nice to have, then its salient words.
    public let keywords: [Keyword]

    let title: TitleShape
    let places: [Place]

    /// A posting lists a handful of skills; more than this many given ones are noise.
    static let givenSkillLimit = 100
    static let salientTermLimit = 10

    public init(_ job: MatchJob, taxonomy: SkillTaxonomy = .standard) {
        self.job = job
        let lexicon = Lexicon.of(taxonomy)
        let posting = PostingReader.read(job.descriptionText, lexicon: lexicon)
        let list = posting.list
        var collector = RequirementCollector()
        let titleWords = WordList(job.title.prefix(300), lexicon: lexicon)
        lexicon.skills(in: titleWords, 0..<titleWords.count) { collector.note(lexicon.skillNames[$0], .required, skill: $0) }
        let given = GivenSkills(job.skills.prefix(Self.givenSkillLimit), lexicon: lexicon)
        var years: Int?
        var terms = TermCounter()
        let marked = posting.units.contains { $0.marking != .neutral }
        for unit in posting.units {
            let importance = unit.marking.importance
            lexicon.skills(in: list, unit.range) { collector.note(lexicon.skillNames[$0], importance, skill: $0) }
            given.unknown(in: list, unit.range) { collector.note($0, importance) }
            if unit.marking != .niceToHave, let asked = YearsAsked.read(list, unit.range, lexicon: lexicon) { years = max(years ?? 0, asked) }
            terms.add(list, unit.range, lexicon: lexicon, marking: unit.marking, candidate: !marked || unit.marking != .neutral)
        }
        for (name, skill) in given.names { collector.note(name, .mentioned, skill: skill) }
        statesRequirements = posting.units.contains { $0.marking == .required }
        requirements = collector.requirements(statesRequirements: statesRequirements)
        yearsAsked = years
        remote = job.remote ?? RemoteDetector.detect(job.location.map { String($0.prefix(300)) }, String(job.title.prefix(300)))
        pay = YearlyPay(min: job.salaryMin, max: job.salaryMax, currency: job.salaryCurrency, period: job.salaryPeriod)
        title = TitleShape(String(job.title.prefix(300)))
        places = Place.all(in: job.location)
        keywords = Self.keywords(requirements, terms, list: list, lexicon: lexicon)
    }

    private static func keywords(_ requirements: [Requirement], _ terms: TermCounter, list: WordList, lexicon: Lexicon) -> [Keyword] {
        var keywords = requirements.map { requirement in
            Keyword(
                term: requirement.skill, isSkill: true,
                stems: requirement.taxonomyIndex.map { lexicon.skillStems[$0] } ?? WordList.stemHashes(of: requirement.skill))
        }
        let skillStems = Set(keywords.flatMap(\.stems))
        for stat in terms.best(salientTermLimit, excluding: { $0.stems.allSatisfy(skillStems.contains) }) {
            let term = (stat.first..<(stat.first + stat.stems.count)).map(list.lower).joined(separator: " ")
            keywords.append(Keyword(term: term, isSkill: false, stems: stat.stems))
        }
        return keywords
    }
}

extension Marking {
    fileprivate var importance: JobFacts.Importance {
        switch self {
        case .required: .required
        case .niceToHave: .niceToHave
        case .neutral: .mentioned
        }
    }
}
