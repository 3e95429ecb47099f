import CareerCopilotCore
import ConsoleKit
import Fluent
import Foundation
import SQLKit
import Vapor

/// `career-copilot bench-seed --jobs 100000`: fills the catalogue with realistic synthetic
/// jobs for benchmarks (about 1,500 companies, 30 locations, ~1 KB descriptions, posting
/// dates over 180 days, "kubernetes" in ~11 % of them). Deterministic for a given count.
struct BenchSeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "jobs", help: "How many jobs to create (default 100000)")
        var jobs: Int?

        @Option(name: "applications", help: "How many applications user 1 has, to the first jobs (default 0)")
        var applications: Int?

        init() {}
    }

    var help: String { "Fill the database with synthetic jobs for benchmarks" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let count = signature.jobs ?? 100_000
        let database = app.db.sql
        var generator = BenchJobGenerator(seed: 42)
        let start = Date()
        let batchSize = 400
        var created = 0
        let skillNames = BenchJobGenerator.skills
        let skillIDs = try await SkillService(database: app.db).ids(for: skillNames)
        let firstID = (try await Job.query(on: app.db).max(\.$id) ?? 0) + 1

        while created < count {
            let size = min(batchSize, count - created)
            let rows = (0..<size).map { _ in generator.next() }
            let batchFirstID = firstID + created
            try await app.db.transaction { transaction in
                let sql = transaction.sql
                var insert = sql.insert(into: Job.schema).columns(
                    "id", "title", "company", "company_key", "location", "source", "external_id", "url", "description",
                    "description_text", "remote", "employment_type", "salary_min", "salary_max", "salary_currency",
                    "salary_period", "posted_at", "scraped_at", "is_active", "created_at", "updated_at"
                )
                var links: [(Int, Int)] = []
                for (offset, job) in rows.enumerated() {
                    let id = batchFirstID + offset
                    insert = insert.values(
                        SQLBind(id), SQLBind(job.title), SQLBind(job.company), SQLBind(TextNormalizer.key(job.company)),
                        SQLBind(job.location), SQLBind("bench"), SQLBind("bench-\(id)"), SQLBind("https://jobs.example.com/\(id)"),
                        SQLBind(job.html), SQLBind(job.text), SQLBind(job.remote), SQLBind("full_time"),
                        SQLBind(job.salaryMin), SQLBind(job.salaryMax), SQLBind("USD"), SQLBind("year"),
                        SQLBind(job.postedAt), SQLBind(job.postedAt), SQLBind(true), SQLBind(job.postedAt), SQLBind(job.postedAt)
                    )
                    links += job.skillIndexes.map { (id, skillIDs[$0]) }
                }
                try await insert.run()
                var linkInsert = sql.insert(into: JobSkill.schema).columns("job_id", "skill_id")
                for (jobID, skillID) in links { linkInsert = linkInsert.values(SQLBind(jobID), SQLBind(skillID)) }
                try await linkInsert.run()
            }
            created += size
            if created % 10_000 == 0 || created == count {
                context.console.print("\(created) jobs (\(Int(Double(created) / Date().timeIntervalSince(start))) per second)")
            }
        }
        let applications = min(signature.applications ?? 0, count)
        if applications > 0 {
            try await seedApplications(applications, firstJobID: firstID, on: app.db)
            context.console.print("Seeded \(applications) applications for user 1")
        }
        if app.db.dialect == .postgres {
            try await database.raw("SELECT setval(pg_get_serial_sequence('jobs', 'id'), (SELECT MAX(id) FROM jobs))").run()
            // Visibility map and statistics, as autovacuum would set them after a while.
            try await database.raw("VACUUM ANALYZE jobs").run()
            try await database.raw("ANALYZE").run()
        } else {
            try await database.raw("ANALYZE").run()
        }
        context.console.print("Seeded \(count) jobs in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
    }
}

extension BenchSeedCommand {
    /// User 1's applications to the first jobs, spread over every status and over 90 days of
    /// changes, each with the timeline entry of its creation.
    func seedApplications(_ count: Int, firstJobID: Int, on database: any Database) async throws {
        let statuses = ApplicationStatus.allCases
        let now = Date()
        for batchStart in stride(from: 0, to: count, by: 200) {
            try await database.transaction { transaction in
                var insert = transaction.sql.insert(into: JobApplication.schema).columns("user_id", "job_id", "status", "notes", "created_at", "updated_at")
                for offset in batchStart..<min(batchStart + 200, count) {
                    let changed = now.addingTimeInterval(-Double(offset % 90) * 86_400 - Double(offset))
                    insert = insert.values(
                        SQLBind(1), SQLBind(firstJobID + offset), SQLBind(statuses[offset % statuses.count].rawValue),
                        SQLBind("Benchmark application \(offset)"), SQLBind(changed), SQLBind(changed)
                    )
                }
                try await insert.run()
            }
        }
        try await database.sql.raw(
            """
            INSERT INTO application_status_changes (application_id, from_status, to_status, changed_at)
            SELECT id, NULL, status, created_at FROM applications WHERE user_id = 1
            """
        ).run()
    }
}

/// Synthetic postings with the proportions the benchmark asks for.
struct BenchJobGenerator {
    struct Posting {
        let title, company, location, remote, html, text: String
        let salaryMin, salaryMax: Double
        let postedAt: Date
        let skillIndexes: [Int]
    }

    static let adjectives = [
        "Blue", "Bright", "Brave", "Clear", "Swift", "Bold", "Calm", "Deep", "Early", "Fair", "Fine", "Grand", "Green", "Happy", "Iron", "Keen", "Kind",
        "Lucky", "Mighty", "Noble", "North", "Open", "Prime", "Quick", "Rapid", "Red", "Silver", "Smart", "Solid", "South", "Stellar", "Summit", "True",
        "Urban", "Vivid", "Wise", "Young", "Zen", "Atlas", "Polar", "Cedar", "Maple", "Oak", "Pine", "River", "Stone", "Sun", "Star", "Wave", "Wild",
    ]
    static let nouns = [
        "Labs", "Systems", "Analytics", "Robotics", "Health", "Finance", "Logistics", "Energy", "Media", "Foods", "Networks", "Software", "Bio", "Capital",
        "Games", "Motors", "Retail", "Security", "Cloud", "Data", "Devices", "Education", "Farms", "Insurance", "Materials", "Mobility", "Payments", "Studios",
        "Travel", "Works",
    ]
    static let locations = [
        "New York, NY", "San Francisco, CA", "Austin, TX", "Seattle, WA", "Boston, MA", "Chicago, IL", "Denver, CO", "Los Angeles, CA", "Atlanta, GA",
        "Miami, FL", "Toronto, Canada", "Vancouver, Canada", "London, United Kingdom", "Manchester, United Kingdom", "Dublin, Ireland", "Berlin, Germany",
        "Munich, Germany", "Hamburg, Germany", "Amsterdam, Netherlands", "Paris, France", "Lyon, France", "Madrid, Spain", "Barcelona, Spain",
        "Lisbon, Portugal", "Stockholm, Sweden", "Copenhagen, Denmark", "Zurich, Switzerland", "Warsaw, Poland", "Singapore", "Sydney, Australia",
    ]
    static let titles = [
        "Software Engineer", "Senior Software Engineer", "Backend Engineer", "Frontend Engineer", "Full Stack Developer", "Data Scientist", "Data Engineer",
        "Machine Learning Engineer", "Product Manager", "Product Designer", "DevOps Engineer", "Site Reliability Engineer", "Security Engineer", "QA Engineer",
        "Mobile Developer", "iOS Engineer", "Android Engineer", "Engineering Manager", "Technical Writer", "Solutions Architect", "Sales Engineer",
        "Customer Success Manager", "Marketing Manager", "Account Executive", "Data Analyst", "Business Analyst", "Platform Engineer", "Staff Engineer",
        "Principal Engineer", "Support Engineer",
    ]
    static let skills = [
        "Swift", "Python", "Go", "Rust", "Java", "TypeScript", "React", "PostgreSQL", "AWS", "Terraform", "Docker", "GraphQL", "Kafka", "Spark", "SQL", "Figma",
        "Linux", "Redis", "Node.js", "Scala",
    ]
    static let filler = [
        "collaborate", "design", "build", "ship", "maintain", "improve", "scale", "measure", "customers", "platform", "services", "reliable", "product",
        "teams", "mentor", "roadmap", "quality", "performance", "growth", "mission", "impact", "ownership", "remote-friendly", "benefits", "equity", "learning",
        "budget", "healthcare", "architecture", "testing", "observability", "security", "APIs", "pipelines", "dashboards", "experiments", "stakeholders",
        "deliver", "iterate", "operate",
    ]

    private var state: UInt64
    private let now = Date(timeIntervalSince1970: 1_764_000_000)

    init(seed: UInt64) {
        state = seed
    }

    /// SplitMix64: fast, deterministic, good enough for synthetic data.
    private mutating func random() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int(random() % UInt64(items.count))] }
    private mutating func chance(_ probability: Double) -> Bool { Double(random() % 10_000) / 10_000 < probability }

    mutating func next() -> Posting {
        let company = "\(pick(Self.adjectives)) \(pick(Self.nouns))"
        let title = pick(Self.titles)
        let location = pick(Self.locations)
        let skillIndexes = Array(Set((0..<3).map { _ in Int(random() % UInt64(Self.skills.count)) })).sorted()
        var paragraphs: [String] = []
        paragraphs.append("\(company) is hiring a \(title) in \(location).")
        while paragraphs.joined().utf8.count < 900 {
            paragraphs.append((0..<14).map { _ in pick(Self.filler) }.joined(separator: " ").capitalizedFirst + ".")
        }
        if chance(0.11) { paragraphs.append("You will run our services on Kubernetes.") }
        paragraphs.append("Skills: " + skillIndexes.map { Self.skills[$0] }.joined(separator: ", ") + ".")
        let html = paragraphs.map { "<p>\(HTMLEscaping.text($0))</p>" }.joined()
        let salaryMin = Double(60 + random() % 120) * 1000
        return Posting(
            title: title, company: company, location: location,
            remote: pick(["onsite", "hybrid", "remote"]), html: html, text: paragraphs.joined(separator: "\n\n"),
            salaryMin: salaryMin, salaryMax: salaryMin + Double(10 + random() % 60) * 1000,
            postedAt: now.addingTimeInterval(-Double(random() % (180 * 86_400))),
            skillIndexes: skillIndexes
        )
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
