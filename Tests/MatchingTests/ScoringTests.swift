import CareerCopilotCore
import Foundation
import Testing

@testable import Matching

@Suite("Matching: scores")
struct ScoringTests {
    @Test func theCloserProfile_ranksHigher_forTheSameJob() {
        let facts = JobFacts(Samples.backendJob())
        let backend = Matcher(profile: Samples.backendProfile).match(facts)
        let frontend = Matcher(profile: Samples.frontendProfile).match(facts)
        #expect(backend.score > frontend.score + 30, "\(backend.score) vs \(frontend.score)")
        // One more required skill is a higher score, all else equal.
        var fewer = Samples.backendProfile
        fewer.skills.removeAll { $0.name == "Docker" }
        #expect(Matcher(profile: fewer).match(facts).score < backend.score)
    }

    @Test func jobsForOneProfile_comeOutInTheExpectedOrder() {
        let matcher = Matcher(profile: Samples.backendProfile)
        let jobs: [(name: String, job: MatchJob)] = [
            ("the same role, a place and pay that fit", Samples.backendJob()),
            ("the same role on-site in Munich", Samples.backendJob(location: "Munich, Germany", remote: .onsite)),
            (
                "a backend role asking for Java and Spring",
                Samples.backendJob(
                    title: "Backend Engineer", salary: nil,
                    description: "Requirements:\n- Java and Spring Boot\n- Oracle and SOAP\n- Jenkins\nNice to have: Go")
            ),
            (
                "a frontend role",
                Samples.backendJob(
                    title: "Frontend Engineer", remote: .remote, description: "Requirements:\n- React and TypeScript\n- CSS and HTML")
            ),
            (
                "a junior data analyst role, paid less",
                Samples.backendJob(
                    title: "Junior Data Analyst", location: "Paris, France", remote: .onsite, salary: (30_000, 35_000),
                    description: "Requirements:\n- SQL, Tableau and Excel\n- Python is a plus")
            ),
        ]
        let scores = jobs.map { matcher.match($0.job).score }
        let order = jobs.indices.sorted { scores[$0] > scores[$1] }.map { jobs[$0].name }
        #expect(order == jobs.map(\.name), "scores: \(scores)")
    }

    @Test func aJobWithoutSkills_isScoredOnWhatIsKnown_neitherZeroNorFull() {
        let matcher = Matcher(profile: Samples.backendProfile)
        let bare = matcher.match(MatchJob(title: "Backend Engineer", descriptionText: "Join us!"))
        #expect(bare.requirements.isEmpty)
        #expect(bare.skillPoints == Match.Weight.skills / 2)
        #expect((40...80).contains(bare.score), "\(bare.score)")
        let nothing = Matcher(profile: MatchProfile()).match(MatchJob(title: "", descriptionText: ""))
        #expect((30...70).contains(nothing.score), "\(nothing.score)")
        #expect(nothing.fits.first { $0.kind == .title }?.verdict == .unknown)
    }

    @Test func aPerfectFit_scoresHigh_andTheParts_addUpToTheScore() {
        let profile = MatchProfile(
            skills: ["Go", "PostgreSQL", "Kubernetes"].map { .init(name: $0, evidence: ["Skills"]) }, targetTitles: ["Backend Engineer"],
            pastTitles: ["Senior Backend Engineer"], yearsOfExperience: 8, locations: ["Berlin"], remote: [.hybrid], minSalary: 70_000,
            salaryCurrency: "EUR")
        let match = Matcher(profile: profile).match(
            Samples.backendJob(description: "Requirements:\n- 5+ years of experience\n- Go, PostgreSQL and Kubernetes"))
        #expect(match.score >= 90, "\(match.score): \(match.summary)")
        #expect(match.score == match.skillPoints + match.fits.map(\.points).reduce(0, +))
        #expect(match.fits.allSatisfy { $0.verdict == .good }, "\(match.fits.map(\.detail))")
        #expect(match.summary.hasPrefix("Strong match: you have 3 of 3 required skills."), "\(match.summary)")
    }

    @Test(
        arguments: [
            ("Senior Backend Engineer", 7.0, Match.Verdict.good), ("Staff Backend Engineer", 7, .partial), ("Backend Engineer II", 7, .partial),
            ("Junior Backend Engineer", 7, .poor), ("Backend Engineer Intern", 7, .poor), ("Principal Backend Engineer", 2, .poor),
            ("Junior Backend Engineer", 1, .good),
        ] as [(String, Double, Match.Verdict)])
    func seniority_comparesTheLevelAsked_withThePersons(title: String, years: Double, expected: Match.Verdict) {
        var profile = Samples.backendProfile
        profile.yearsOfExperience = years
        profile.pastTitles = years > 5 ? ["Senior Engineer"] : ["Engineer"]
        let match = Matcher(profile: profile).match(MatchJob(title: title, descriptionText: ""))
        let fit = match.fits.first { $0.kind == .seniority }
        #expect(fit?.verdict == expected, "\(title): \(fit?.detail ?? "")")
    }

    @Test func yearsAsked_beyondThePersons_lowerSeniority() {
        var profile = Samples.backendProfile
        profile.pastTitles = []
        profile.yearsOfExperience = 2
        let match = Matcher(profile: profile).match(MatchJob(title: "Backend Engineer", descriptionText: "Requirements: 8+ years of experience"))
        let fit = match.fits.first { $0.kind == .seniority }
        #expect(fit?.verdict == .poor)
        #expect(fit?.detail == "It asks for 8+ years; you have about 2.")
    }

    @Test(
        arguments: [
            ("Backend Engineer", "Senior Back-end Developer", Match.Verdict.good), ("Backend Engineer", "Software Engineer, Backend", .good),
            ("Backend Engineer", "Frontend Engineer", .poor), ("Backend Engineer", "Engineering Manager, Backend", .partial),
            ("Data Scientist", "Senior Data Scientist (ML)", .good), ("Product Manager", "Product Designer", .poor),
            ("Machine Learning Engineer", "ML Engineer", .good), ("Backend Engineer", "Software Engineer", .partial),
        ] as [(String, String, Match.Verdict)])
    func titles_fitByTheirWords(target: String, title: String, expected: Match.Verdict) {
        let match = Matcher(profile: MatchProfile(targetTitles: [target])).match(MatchJob(title: title))
        #expect(match.fits.first { $0.kind == .title }?.verdict == expected, "\(target) / \(title)")
    }

    /// Varied and odd inputs: every score is within 0…100, and the same inputs give the same
    /// match, encoded to the same bytes.
    @Test func scores_areWithinBounds_andDeterministic() throws {
        let descriptions = [
            Samples.backendPosting, "", "Requirements:", String(repeating: "Go ", count: 300), "Nice to have: Rust\nBonus: Go\n## Qualifications\nPython",
            "💥\u{0}\u{202E}Requirements\r\n- C++ - C# - .NET\u{2028}Nice to have: Ruby on Rails",
        ]
        let salaries: [(Double?, Double?)] = [(nil, nil), (-5, .nan), (.infinity, 1e300), (100, 50), (0, 0), (90_000, nil), (nil, 20)]
        let profiles = [
            Samples.backendProfile, Samples.frontendProfile, MatchProfile(),
            MatchProfile(
                skills: [.init(name: ""), .init(name: "Go"), .init(name: "go"), .init(name: "GO", years: .nan)], targetTitles: ["", "   "],
                yearsOfExperience: -3, locations: ["", ","], remote: [.onsite], minSalary: .nan, salaryCurrency: "", hardFilters: Set(PreferenceKind.allCases)),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for description in descriptions {
            for (low, high) in salaries {
                let job = MatchJob(
                    title: "Senior Go Engineer", company: "Acme", location: "Remote (EU)", remote: nil, salaryMin: low, salaryMax: high,
                    salaryCurrency: "EUR", salaryPeriod: nil, descriptionText: description, skills: ["Go", "Go", ""])
                for profile in profiles {
                    let first = Matcher(profile: profile).match(job)
                    let second = Matcher(profile: profile).match(JobFacts(job))
                    #expect((0...100).contains(first.score))
                    #expect(first == second)
                    #expect(try encoder.encode(first) == encoder.encode(second))
                    #expect(first.fits.allSatisfy { (0...$0.maxPoints).contains($0.points) && !$0.detail.isEmpty })
                    #expect(!first.summary.isEmpty)
                }
            }
        }
    }

    @Test func theMatch_encodesWithSnakeCaseKeys() throws {
        let match = Matcher(profile: Samples.backendProfile).match(Samples.backendJob())
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(match)) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "score", "passes", "filtered_by", "requirements", "matched_skills", "missing_skills", "skill_points", "fits", "keywords", "summary",
            ])
        let fit = try #require((object["fits"] as? [[String: Any]])?.first)
        #expect(Set(fit.keys) == ["kind", "verdict", "hard", "detail", "points", "max_points"])
        #expect(try JSONDecoder().decode(Match.self, from: JSONEncoder().encode(match)) == match)
    }

    @Test func requirements_carryTheirEvidence_andAliasesMeetThem() throws {
        let match = Matcher(profile: Samples.backendProfile).match(Samples.backendJob())
        let postgres = try #require(match.requirements.first { $0.skill == "PostgreSQL" })
        #expect(postgres.met && postgres.required)
        #expect(postgres.evidence == ["Project: Ledger"], "the profile says Postgres; the posting PostgreSQL")
        #expect(match.requirements.first { $0.skill == "Kubernetes" }?.evidence == ["Senior Engineer at Globex (2019–2024)"])
        #expect(match.requirements.first { $0.skill == "Go" }?.evidence == ["Skills", "Senior Engineer at Globex (2019–2024)"])
        #expect(match.requirements.first { $0.skill == "Terraform" }.map { !$0.met && $0.evidence.isEmpty } == true)
        #expect(match.matchedSkills == match.requirements.filter(\.met).map(\.skill))
        #expect(match.missingSkills.contains("Terraform") && !match.missingSkills.contains("Go"))
    }

    @Test func duplicateProfileSkills_mergeTheirEvidence() throws {
        let profile = MatchProfile(skills: [.init(name: "Postgres", evidence: ["Skills"]), .init(name: "PostgreSQL", evidence: ["Skills", "Project: Ledger"])])
        let match = Matcher(profile: profile).match(MatchJob(title: "DBA", descriptionText: "Requirements: PostgreSQL"))
        #expect(match.requirements.first?.evidence == ["Skills", "Project: Ledger"])
    }
}
