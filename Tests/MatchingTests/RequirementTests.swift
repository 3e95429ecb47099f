import CareerCopilotCore
import Testing

@testable import Matching

@Suite("Matching: what a posting requires")
struct RequirementTests {
    static func importance(of skill: String, in description: String, title: String = "Engineer") -> JobFacts.Importance? {
        JobFacts(MatchJob(title: title, descriptionText: description)).requirements.first { $0.skill == skill }?.importance
    }

    @Test(
        arguments: [
            // Section headings, in the ways postings write them.
            ("Requirements\n- Go\n- Rust", "Rust", JobFacts.Importance.required),
            ("What you'll need:\n• Go and Kafka", "Kafka", .required),
            ("## Must have\n* Kubernetes", "Kubernetes", .required),
            ("**Qualifications**\n- Python", "Python", .required),
            ("You have:\n- Docker", "Docker", .required),
            ("Nice to have\n- Rust", "Rust", .niceToHave),
            ("Bonus points:\n- GraphQL", "GraphQL", .niceToHave),
            ("Preferred Qualifications\n- Terraform", "Terraform", .niceToHave),
            ("Pluses\n- Elixir", "Elixir", .niceToHave),
            // A lead-in before a colon heads the rest of its line.
            ("Nice to have: Rust, Scala", "Scala", .niceToHave),
            ("Requirements: Go, Kafka", "Kafka", .required),
            // A line's own wording wins over its section.
            ("Requirements\n- Go\n- Kafka is a plus", "Kafka", .niceToHave),
            ("Requirements\n- Experience with Redis would be great", "Redis", .niceToHave),
            ("Requirements\n- Ideally some Scala", "Scala", .niceToHave),
            ("Nice to have\n- Go is a must", "Go", .required),
            ("We use Python; experience with Docker is required.", "Docker", .required),
            // A neutral section after a requirements section ends it.
            ("Requirements\n- Go\n\nOur stack\n- Redis", "Redis", .mentioned),
            ("What you'll do\n- Build services in Java\nRequirements\n- Go", "Java", .mentioned),
            // Two sentences of one line are marked apart.
            ("Requirements\n- Go is essential. Rust would be nice.", "Rust", .niceToHave),
            ("Requirements\n- Go is essential. Rust would be nice.", "Go", .required),
            // A bullet is never a heading without a colon.
            ("Nice to have\n- Strong skills\n- Haskell", "Haskell", .niceToHave),
        ] as [(String, String, JobFacts.Importance)])
    func aSkill_isMarkedByItsSectionOrItsLine(description: String, skill: String, expected: JobFacts.Importance) {
        #expect(Self.importance(of: skill, in: description) == expected, "\(skill) in \(description.debugDescription)")
    }

    @Test func aSkillInTheTitle_isRequired() {
        #expect(Self.importance(of: "iOS", in: "Nice to have: iOS", title: "Senior iOS Engineer") == .required)
        #expect(Self.importance(of: "Swift", in: "", title: "Swift Developer") == .required)
    }

    @Test func mentionedSkills_countAsRequired_onlyWhenNothingIsMarkedRequired() throws {
        let free = JobFacts(MatchJob(title: "Engineer", descriptionText: "We build our platform with Go and PostgreSQL."))
        #expect(!free.statesRequirements)
        #expect(free.requirements.allSatisfy { $0.importance == .mentioned && $0.required })
        let structured = JobFacts(MatchJob(title: "Engineer", descriptionText: "Our stack: Redis\nRequirements:\n- Go"))
        #expect(structured.statesRequirements)
        let redis = try #require(structured.requirements.first { $0.skill == "Redis" })
        #expect(redis.importance == .mentioned && !redis.required)
    }

    @Test func requiredAnywhere_staysRequired_andRequiredComeFirst() {
        let facts = JobFacts(Samples.backendJob())
        // Go is a requirement, and also named under "Nice to have": it stays required.
        #expect(facts.requirements.first { $0.skill == "Go" }?.required == true)
        let ranks = facts.requirements.map { $0.required ? 0 : $0.importance == .niceToHave ? 1 : 2 }
        #expect(ranks == ranks.sorted(), "required, then nice to have, then mentioned: \(facts.requirements.map(\.skill))")
        #expect(
            Set(facts.requirements.map(\.skill)) == [
                "Go", "PostgreSQL", "Kubernetes", "Docker", "Terraform", "Kafka", "GraphQL", "gRPC", "Redis", "AWS", "Python", "Distributed Systems",
            ])
        #expect(facts.requirements.first { $0.skill == "Terraform" }?.required == false)
    }

    @Test func givenSkills_joinTheTextsOwn_asCanonicalNames_andUnknownOnesAreFoundInTheText() throws {
        let job = MatchJob(
            title: "Engineer", descriptionText: "Requirements:\n- Event sourcing and Go\nAbout us: we like Postgres",
            skills: ["postgres", "Event Sourcing", "Go", "Go", "  ", String(repeating: "x", count: 500)])
        let facts = JobFacts(job)
        #expect(facts.requirements.map(\.skill).filter { $0 == "Go" }.count == 1)
        #expect(facts.requirements.first { $0.skill == "PostgreSQL" }?.importance == .mentioned)
        #expect(facts.requirements.first { $0.skill == "Event Sourcing" }?.importance == .required)
    }

    @Test(
        arguments: [
            ("5+ years of experience with Go", 5), ("At least 3 years in backend development", 3), ("3-5 years' experience", 3),
            ("five or more years working on distributed systems", 5), ("Minimum 2 years professional experience", 2),
            ("Founded 12 years ago", nil), ("Over 20 years in business", nil), ("We have 4 offices", nil), ("In 2 years you will lead", nil),
        ] as [(String, Int?)])
    func yearsAsked_areReadFromTheText(text: String, expected: Int?) {
        #expect(JobFacts(MatchJob(title: "Engineer", descriptionText: text)).yearsAsked == expected, "\(text)")
    }

    @Test func yearsInANiceToHaveLine_areNotAsked() {
        #expect(JobFacts(MatchJob(title: "Engineer", descriptionText: "Requirements: 3+ years of Go\nIdeally 8+ years of experience")).yearsAsked == 3)
    }

    /// The reader finds skills as `SkillTaxonomy.extract` does: the same words, aliases and
    /// exact-case rules, read faster.
    @Test(
        arguments: [
            "We use Go, Postgres and k8s. You know C++ or C#, Node.js, .NET and REST APIs; CI/CD with GitHub Actions. Machine learning is a plus.",
            "Let's go! You react quickly, work with a swift team, rest well, and spark ideas in the spring. The rest is history.",
            "Golang/Python3 · ReactJS · Vue.js... AWS (EKS), GCP; Apache Kafka, Google Cloud Platform, objective c",
            "Überall: Python, naïve Bayes, 日本語 and Swift. SwiftUI/UIKit. HTML5 + CSS3 + Tailwind, ..NET and .net",
            "", "...", "Go.", "C#.", "React Native and React-Native", "ci cd, continuous integration, Large Language Models and LLMs",
        ])
    func theReader_findsTheTaxonomysSkills(text: String) {
        let lexicon = Lexicon.standard
        let list = WordList(text, lexicon: lexicon)
        var found = Set<Int>()
        lexicon.skills(in: list, 0..<list.count) { found.insert($0) }
        #expect(found.sorted().map { lexicon.skillNames[$0] } == SkillTaxonomy.standard.extract(from: text), "\(text)")
    }

    @Test(arguments: ["JS", "k8s", "Postgres", "golang", "Google Cloud Platform", "basket weaving", "Go", "go", "node.js", "ci/cd", "", "C++"])
    func canonicalNames_areTheTaxonomys(spelling: String) {
        #expect(Lexicon.standard.canonicalName(spelling) == SkillTaxonomy.standard.canonicalName(spelling), "\(spelling)")
    }
}
