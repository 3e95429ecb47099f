import CareerCopilotCore
import Matching

/// Postings and profiles shared by the matching tests.
enum Samples {
    static let backendPosting = """
        About the role
        We are looking for a Senior Backend Engineer to join our payments team. You will build distributed systems \
        in Go, with Kafka for events. Our stack: Go, gRPC, Kafka, PostgreSQL, Redis, Kubernetes on AWS.

        What you'll need:
        - 5+ years of experience building backend services
        - Strong knowledge of Go and PostgreSQL
        - Experience with Kubernetes and Docker
        - Solid understanding of distributed systems and event-driven architecture
        - Terraform is a plus

        Nice to have:
        - Kafka or other streaming platforms
        - GraphQL
        - Go is a must for this team, even here

        What we offer
        - Hybrid office in Berlin, learning budget, and a team that likes Python scripts.
        """

    static func backendJob(
        title: String = "Senior Backend Engineer", location: String? = "Berlin, Germany", remote: RemoteType? = .hybrid,
        salary: (Double, Double)? = (80_000, 100_000), currency: String? = "EUR", period: SalaryPeriod? = .year, description: String = backendPosting
    ) -> MatchJob {
        MatchJob(
            title: title, company: "Acme", location: location, remote: remote, salaryMin: salary?.0, salaryMax: salary?.1, salaryCurrency: currency,
            salaryPeriod: period, descriptionText: description, skills: [])
    }

    static let backendProfile = MatchProfile(
        skills: [
            .init(name: "Go", years: 6, evidence: ["Skills", "Senior Engineer at Globex (2019–2024)"]),
            .init(name: "Postgres", evidence: ["Project: Ledger"]),
            .init(name: "k8s", evidence: ["Senior Engineer at Globex (2019–2024)"]),
            .init(name: "Docker", evidence: ["Skills"]),
            .init(name: "Kafka", evidence: ["Skills"]),
        ],
        targetTitles: ["Backend Engineer"], pastTitles: ["Senior Software Engineer", "Software Engineer"], yearsOfExperience: 7,
        locations: ["Berlin"], remote: [.remote, .hybrid], minSalary: 75_000, salaryCurrency: "EUR",
        resumeText: "Senior engineer. Go, Postgres, Kubernetes, Docker and Kafka. Built distributed systems for payments.")

    static let frontendProfile = MatchProfile(
        skills: [.init(name: "React", evidence: ["Skills"]), .init(name: "TypeScript", evidence: ["Skills"]), .init(name: "CSS", evidence: ["Skills"])],
        targetTitles: ["Frontend Engineer"], pastTitles: ["Frontend Developer"], yearsOfExperience: 3, locations: ["Lisbon"], remote: [.remote],
        minSalary: 60_000, salaryCurrency: "EUR", resumeText: "Frontend developer: React, TypeScript, CSS.")
}
