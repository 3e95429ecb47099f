import CareerCopilotCore

/// Scores jobs for one profile. Everything about the profile that matching needs is read
/// here once (canonical skills, title words, places, the resume's words), so that matching a
/// job costs only lookups.
///
/// The score is the sum of six parts (`Match.Weight`): skills 55, title 20, seniority 10,
/// place 5, workplace 5, pay 5. What cannot be compared (the posting gives no pay, the
/// profile no target titles) is neutral: half its points, so that a job is never scored
/// 0 or 100 for what is unknown. What the person has no preference on is a good fit.
public struct Matcher: Sendable, Equatable {
    public let profile: MatchProfile
    let taxonomy: SkillTaxonomy
    let lexicon: Lexicon
    /// The profile's skills by lowercased canonical name, duplicates merged.
    let skills: [String: MatchProfile.Skill]
    let targets: [TitleShape]
    let past: [TitleShape]
    let years: Double?
    /// The person's seniority: their most recent title's level, else what their years suggest.
    let rank: Int?
    let places: [Place]
    let resume: ResumeTerms
    let minSalary: Double?
    let currency: String?

    public init(profile: MatchProfile, taxonomy: SkillTaxonomy = .standard) {
        self.profile = profile
        self.taxonomy = taxonomy
        let lexicon = Lexicon.of(taxonomy)
        self.lexicon = lexicon
        var skills: [String: MatchProfile.Skill] = [:]
        var evidence: [String: Set<String>] = [:]
        for skill in profile.skills where skill.name.utf8.count <= 200 {
            let written = TextNormalizer.collapsingWhitespace(skill.name)
            guard !written.isEmpty else { continue }
            let name = lexicon.canonicalName(written) ?? written
            let key = name.lowercased()
            var merged = skills[key] ?? MatchProfile.Skill(name: name)
            for place in skill.evidence where evidence[key, default: []].insert(place).inserted { merged.evidence.append(place) }
            if let years = skill.years, years.isFinite, years > (merged.years ?? 0) { merged.years = years }
            merged.level = merged.level ?? skill.level
            skills[key] = merged
        }
        self.skills = skills
        targets = profile.targetTitles.prefix(50).map { TitleShape(String($0.prefix(300))) }.filter { !$0.words.isEmpty }
        past = profile.pastTitles.prefix(50).map { TitleShape(String($0.prefix(300))) }.filter { !$0.words.isEmpty || $0.rank != nil }
        let years = profile.yearsOfExperience.flatMap { $0.isFinite && $0 >= 0 && $0 < 80 ? $0 : nil }
        self.years = years
        rank = past.first?.rank ?? years.map(Self.rank(forYears:))
        places = profile.locations.prefix(50).map(Place.init).filter { !$0.parts.isEmpty }
        resume = ResumeTerms(TextNormalizer.truncated(profile.resumeText, to: 300_000), lexicon: lexicon)
        minSalary = profile.minSalary.flatMap { $0.isFinite && $0 > 0 && $0 < 1e9 ? $0 : nil }
        currency = profile.salaryCurrency.map { TextNormalizer.collapsingWhitespace($0).uppercased() }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Years of work suggest a level; never beyond staff, which takes more than time.
    static func rank(forYears years: Double) -> Int {
        switch years {
        case ..<3: 1
        case ..<5: 2
        case ..<9: 3
        default: 4
        }
    }

    public func match(_ job: MatchJob) -> Match {
        match(JobFacts(job, taxonomy: taxonomy))
    }

    public func match(_ facts: JobFacts) -> Match {
        let skillPart = skillPart(facts)
        let title = titleFit(facts)
        let seniority = seniorityFit(facts)
        let (location, remote) = placeFits(facts)
        let salary = salaryFit(facts)
        let fits = [title, seniority, location, remote, salary]
        let filteredBy = PreferenceKind.allCases.filter { kind in fits.contains { $0.failed == kind } }
        let score = min(100, max(0, skillPart.points + fits.reduce(0) { $0 + $1.fit.points }))
        return Match(
            score: score, passes: filteredBy.isEmpty, filteredBy: filteredBy, requirements: skillPart.requirements,
            matchedSkills: skillPart.requirements.filter(\.met).map(\.skill), missingSkills: skillPart.requirements.filter { !$0.met }.map(\.skill),
            skillPoints: skillPart.points, fits: fits.map(\.fit), keywords: keywordReport(facts),
            summary: summary(score: score, skills: skillPart, fits: fits, filteredBy: filteredBy))
    }

    public static func == (lhs: Matcher, rhs: Matcher) -> Bool {
        lhs.profile == rhs.profile && lhs.taxonomy.skills == rhs.taxonomy.skills
    }

    /// A fit, and the hard preference it fails, if it fails one.
    struct Judged {
        var fit: Match.Fit
        var failed: PreferenceKind?
    }

    func judged(
        _ kind: Match.FitKind, _ verdict: Match.Verdict, _ detail: String, points: Int? = nil, max maxPoints: Int, preference: PreferenceKind? = nil,
        fails: Bool = false
    ) -> Judged {
        let hard = preference.map(profile.hardFilters.contains) ?? false
        let points =
            points
            ?? {
                switch verdict {
                case .good: maxPoints
                case .partial, .unknown: maxPoints / 2
                case .poor: 0
                }
            }()
        return Judged(
            fit: Match.Fit(kind: kind, verdict: verdict, hard: hard, detail: detail, points: min(maxPoints, max(0, points)), maxPoints: maxPoints),
            failed: hard && fails ? preference : nil)
    }

    static func verdict(_ share: Double) -> Match.Verdict {
        share >= 0.75 ? .good : share >= 0.45 ? .partial : .poor
    }

    static func points(_ share: Double, of maxPoints: Int) -> Int {
        Int((Double(maxPoints) * min(1, max(0, share))).rounded())
    }
}
