import CareerCopilotCore
import Testing

@testable import Matching

@Suite("Matching: ATS keywords")
struct KeywordTests {
    @Test func theReport_listsThePostingsTerms_theResumeLacks_mostImportantFirst() {
        let match = Matcher(profile: Samples.backendProfile).match(Samples.backendJob())
        // Nice-to-haves before skills only mentioned, skills before salient words.
        #expect(Array(match.keywords.missing.prefix(3)) == ["Terraform", "GraphQL", "gRPC"], "\(match.keywords)")
        #expect(match.keywords.missing.firstIndex(of: "Python")! < match.keywords.missing.firstIndex(of: "backend services")!)
        #expect(match.keywords.missing.contains("backend services"), "\(match.keywords.missing)")
        #expect(match.keywords.present.contains("Distributed Systems"), "a skill the resume shows: \(match.keywords.present)")
        #expect(!match.keywords.missing.contains { ["team", "experience", "work", "role", "company", "strong"].contains($0) })
    }

    @Test func aliases_inTheResume_coverTheSkill() {
        let profile = MatchProfile(resumeText: "Five years of Postgres and k8s; golang.")
        let match = Matcher(profile: profile).match(MatchJob(title: "Engineer", descriptionText: "Requirements: PostgreSQL, Kubernetes, Go and Redis"))
        #expect(match.keywords.present == ["PostgreSQL", "Kubernetes", "Go"])
        #expect(match.keywords.missing == ["Redis"])
    }

    @Test func terms_areFoundAsWholeWords_inAnyCase_andPlural() {
        let profile = MatchProfile(resumeText: "Designed MICROSERVICES; led code review. Observability-minded. Javascripting.")
        let posting = "Requirements:\n- Microservice design and code reviews\n- Observability\n- Scripting in Java"
        let match = Matcher(profile: profile).match(MatchJob(title: "Engineer", descriptionText: posting))
        #expect(match.keywords.present.contains("observability"), "\(match.keywords)")
        #expect(match.keywords.present.contains("code reviews"), "\(match.keywords)")
        #expect(match.keywords.missing.contains("Java"), "\"Javascripting\" is not Java: \(match.keywords)")
    }

    @Test func missingTerms_areAtMostFifteen() {
        let skills = SkillTaxonomy.standard.skills.prefix(40).map(\.name).joined(separator: ", ")
        let match = Matcher(profile: MatchProfile()).match(MatchJob(title: "Engineer", descriptionText: "Requirements: \(skills)"))
        #expect(match.keywords.missing.count == 15)
        #expect(match.keywords.missing.first == "JavaScript")
    }
}
