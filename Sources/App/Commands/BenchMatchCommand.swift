import CareerCopilotCore
import Fluent
import Foundation
import Logging
import Matching
import Profiles
import SQLKit
import Vapor

/// `career-copilot bench-match`: matching's speed on the jobs already stored (fill them with
/// `bench-seed`). Gives user 1 a backend engineer's profile, then prints: pure scoring in
/// memory (jobs/s on one core: posting facts read and matched, and matched alone), the
/// background refresh end to end (read, score, store every job), and the latency of the first
/// page of recommendations (p50/p99 over repeated requests).
struct BenchMatchCommand: AsyncCommand {
    let services: AppServices

    struct Signature: CommandSignature {
        @Option(name: "requests", help: "Recommendation pages to time (default 200)")
        var requests: Int?
    }

    var help: String { "Benchmarks matching and recommendations on the stored jobs" }

    static let profile: JSONValue = [
        "basics": ["name": "Bench Person", "label": "Senior Backend Engineer"],
        "work": [
            [
                "name": "Acme", "position": "Senior Backend Engineer", "startDate": "2016-01",
                "highlights": ["Built payment services in Go and PostgreSQL on Kubernetes", "Ran Kafka pipelines on AWS"],
            ],
            ["name": "Initech", "position": "Software Engineer", "startDate": "2012-06", "endDate": "2015-12", "highlights": ["Python and Django"]],
        ],
        "skills": [["name": "Go"], ["name": "PostgreSQL"], ["name": "Kubernetes"], ["name": "Python"], ["name": "Docker"], ["name": "AWS"]],
        "preferences": ["target_titles": ["Backend Engineer", "Platform Engineer"], "remote": ["remote", "hybrid"], "min_salary": 90000],
    ]

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let database = app.db
        let user = CurrentUser(id: 1, isAdmin: true)
        _ = try await ProfileService(database: database, user: user).replace(with: Self.profile, ifMatch: nil)
        try await database.sql.raw("DELETE FROM tasks WHERE kind = \(bind: MatchRefreshHandler.kind)").run()
        let jobCount = try await database.sql.raw("SELECT count(*) AS count FROM jobs").first()?.decode(column: "count", as: Int.self) ?? 0
        guard jobCount > 0 else { throw ScrapeError(description: "no jobs: run bench-seed first") }
        let now = Date()
        guard let scorer = try await MatchScorer.load(for: user, on: database, now: now) else { return }

        // In memory: every job read once, then scored.
        var inputs: [MatchJob] = []
        var after = 0
        while true {
            let rows = try await database.sql.raw(
                """
                SELECT \(SQLList(JobRecord.columns.map { SQLColumn($0, table: "jobs") })) FROM jobs WHERE id > \(bind: after) ORDER BY id LIMIT 2000
                """
            ).all()
            let records = try rows.map(JobRecord.init(row:))
            guard let last = records.last else { break }
            let skills = try await JobReader(database: database, viewer: nil).skillNames(of: records.map(\.id))
            inputs += records.map { MatchInputs.job($0, skills: skills[$0.id] ?? []) }
            after = last.id
        }
        let factsStart = Date()
        let facts = inputs.map { JobFacts($0) }
        let factsSeconds = Date().timeIntervalSince(factsStart)
        let matchStart = Date()
        var checksum = 0
        for fact in facts { checksum &+= scorer.matcher.match(fact).score }
        let matchSeconds = Date().timeIntervalSince(matchStart)
        context.console.print("| measure | jobs | seconds | jobs/s |")
        context.console.print("|---|---|---|---|")
        context.console.print(Self.row("read posting facts + match (one core)", inputs.count, factsSeconds + matchSeconds))
        context.console.print(Self.row("match alone, facts known (one core)", inputs.count, matchSeconds))

        // End to end: the refresh task, from a profile change to every score stored.
        try await database.sql.raw("DELETE FROM job_matches WHERE user_id = 1").run()
        let refreshStart = Date()
        let queue = TaskQueue(database: database)
        guard let id = try await queue.enqueue(MatchRefreshHandler.request(for: 1)), let record = try await queue.find(id) else {
            throw ScrapeError(description: "the refresh task was not queued")
        }
        let handler = MatchRefreshHandler(time: services.time)
        _ = try await handler.run(TaskContext(task: record, payload: ["user_id": 1], database: database, logger: Logger(label: "bench-match")))
        context.console.print(Self.row("refresh task: read, score, store (SQL included)", jobCount, Date().timeIntervalSince(refreshStart)))

        // Per request: the profile read into a matcher (a job's page and recommendations do it),
        // and the first page of recommendations.
        let requests = signature.requests ?? 200
        let load = try await Self.timed(requests) { _ = try await MatchScorer.load(for: user, on: database, now: now) }
        let page = try await Self.timed(requests) {
            _ = try await Recommendations(database: database, user: user, now: now).page(Paging(page: 1, pageSize: 20), showApplied: false)
        }
        context.console.print("")
        context.console.print(String(format: "Profile read into a matcher: p50 %.2f ms, p99 %.2f ms (%d times)", load.p50, load.p99, requests))
        context.console.print(
            String(format: "Recommendations at %d jobs, first page of 20: p50 %.1f ms, p99 %.1f ms (%d requests)", jobCount, page.p50, page.p99, requests))
        context.console.print("(checksum \(checksum))")
    }

    /// Milliseconds of `count` runs: the median and the 99th percentile.
    static func timed(_ count: Int, _ body: () async throws -> Void) async throws -> (p50: Double, p99: Double) {
        var timings: [Double] = []
        for _ in 0..<max(count, 1) {
            let start = Date()
            try await body()
            timings.append(Date().timeIntervalSince(start) * 1000)
        }
        timings.sort()
        return (timings[timings.count / 2], timings[min(timings.count - 1, Int(Double(timings.count) * 0.99))])
    }

    static func row(_ name: String, _ count: Int, _ seconds: Double) -> String {
        String(format: "| %@ | %d | %.2f | %.0f |", name, count, seconds, Double(count) / max(seconds, 1e-9))
    }
}
