import Foundation

/// A small, made-up job search that shows a newcomer the product working: jobs from several
/// companies and an application at most stages. Every demo job has the source `demo`, which
/// marks it (and the applications that track it) on every page and lets one action remove it.
public enum DemoDataset {
    public static let source = "demo"

    public struct DemoJob: Sendable {
        public let externalID: String
        public let title: String
        public let company: String
        public let location: String
        public let remote: RemoteType
        public let employmentType: EmploymentType
        public let salary: (min: Double, max: Double, currency: String)?
        public let daysAgo: Int
        public let description: String
        public let skills: [String]
        /// The application the demo user has for it, if any, and the statuses it went through.
        public let pipeline: [ApplicationStatus]
        public let notes: String?
    }

    public static let jobs: [DemoJob] = [
        DemoJob(
            externalID: "demo-1", title: "Senior Backend Engineer", company: "Northwind Labs", location: "Berlin, Germany",
            remote: .hybrid, employmentType: .fullTime, salary: (75_000, 95_000, "EUR"), daysAgo: 2,
            description:
                "<p>Northwind Labs builds logistics software for 4,000 warehouses.</p><h3>What you will do</h3><ul><li>Design and run Swift and Go services on PostgreSQL</li><li>Own reliability: SLOs, on-call, post-mortems</li></ul><h3>What we look for</h3><ul><li>5+ years of backend work</li><li>Experience with Kubernetes and observability</li></ul>",
            skills: ["Swift", "Go", "PostgreSQL", "Kubernetes"], pipeline: [.saved, .applied, .screening, .interviewing],
            notes: "Second interview on Thursday with the platform team. Prepare the system design story about the queue migration."
        ),
        DemoJob(
            externalID: "demo-2", title: "iOS Engineer", company: "Fjord Health", location: "Oslo, Norway",
            remote: .remote, employmentType: .fullTime, salary: (700_000, 850_000, "NOK"), daysAgo: 5,
            description:
                "<p>Help patients manage chronic conditions from their phones.</p><ul><li>SwiftUI, Combine, async/await</li><li>Accessibility is part of every feature</li></ul>",
            skills: ["Swift", "SwiftUI", "iOS"], pipeline: [.saved, .applied],
            notes: "Applied through the careers page; referral from Ingrid."
        ),
        DemoJob(
            externalID: "demo-3", title: "Platform Engineer", company: "Cobalt Payments", location: "London, UK",
            remote: .hybrid, employmentType: .fullTime, salary: (85_000, 110_000, "GBP"), daysAgo: 1,
            description:
                "<p>Cobalt moves money for 20,000 small businesses.</p><h3>The role</h3><ul><li>Terraform, AWS, Kubernetes</li><li>Developer tooling and CI</li></ul>",
            skills: ["AWS", "Terraform", "Kubernetes"], pipeline: [.saved], notes: nil
        ),
        DemoJob(
            externalID: "demo-4", title: "Staff Software Engineer, Search", company: "Quill & Ink", location: "Remote (EU)",
            remote: .remote, employmentType: .fullTime, salary: (110_000, 140_000, "EUR"), daysAgo: 9,
            description:
                "<p>Quill &amp; Ink is a writing platform for 3 million authors.</p><p>You will lead search relevance: ranking, query understanding, and evaluation.</p>",
            skills: ["Python", "Elasticsearch", "Machine Learning"], pipeline: [.saved, .applied, .screening, .interviewing, .offer],
            notes: "Offer received: 125k + equity. Decide by Friday."
        ),
        DemoJob(
            externalID: "demo-5", title: "Full-Stack Developer", company: "Meadow Energy", location: "Amsterdam, Netherlands",
            remote: .onsite, employmentType: .fullTime, salary: (60_000, 75_000, "EUR"), daysAgo: 14,
            description: "<p>Build the dashboards that balance a city's solar grid.</p><ul><li>TypeScript and React</li><li>Node.js services</li></ul>",
            skills: ["TypeScript", "React", "Node.js"], pipeline: [.saved, .applied, .rejected],
            notes: "Rejected after the take-home: they wanted more frontend testing experience."
        ),
        DemoJob(
            externalID: "demo-6", title: "Data Engineer", company: "Atlas Freight", location: "Hamburg, Germany",
            remote: .hybrid, employmentType: .contract, salary: nil, daysAgo: 3,
            description: "<p>Six-month contract to rebuild our data pipelines.</p><ul><li>Python, Airflow, dbt</li><li>Snowflake</li></ul>",
            skills: ["Python", "Airflow", "dbt"], pipeline: [], notes: nil
        ),
        DemoJob(
            externalID: "demo-7", title: "Site Reliability Engineer", company: "Harbor Cloud", location: "Dublin, Ireland",
            remote: .remote, employmentType: .fullTime, salary: (90_000, 120_000, "EUR"), daysAgo: 4,
            description: "<p>Keep 200 regions of object storage fast and boring.</p><ul><li>Linux, networking, Go</li><li>Incident command</li></ul>",
            skills: ["Go", "Linux", "Prometheus"], pipeline: [], notes: nil
        ),
        DemoJob(
            externalID: "demo-8", title: "Engineering Manager, Mobile", company: "Lumen Travel", location: "Lisbon, Portugal",
            remote: .hybrid, employmentType: .fullTime, salary: (80_000, 100_000, "EUR"), daysAgo: 20,
            description: "<p>Lead two mobile teams (iOS and Android) of five engineers each.</p>",
            skills: ["Leadership", "iOS", "Android"], pipeline: [.saved, .withdrawn],
            notes: "Withdrew: the role moved to full-time on-site."
        ),
    ]
}
