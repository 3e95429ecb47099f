import CareerCopilotCore
import Fluent
import Foundation
import Logging
import SQLKit
import Testing
import Vapor

@testable import App

/// Scores end to end: a saved profile queues a refresh, a worker stores the scores, lists sort
/// and filter by them, a job's match explains itself, and recommendations leave out what the
/// person hides, what a hard preference rules out, and what they applied to — also when the
/// same role was reposted on another board.
@Suite("Matching and recommendations")
struct MatchingAPITests {
    static let profile: JSONValue = [
        "basics": ["name": "Ada Lovelace", "label": "Backend engineer"],
        "work": [
            [
                "name": "Analytical Engines", "position": "Senior Backend Engineer", "startDate": "2017-03",
                "highlights": ["Built the payments API in Go on PostgreSQL", "Ran it on Kubernetes"],
            ]
        ],
        "skills": [["name": "Go", "years": 7], ["name": "Postgres"], ["name": "Kubernetes"], ["name": "Docker"]],
        "projects": [["name": "Ledger", "description": "Double-entry bookkeeping in Go, with Kafka streams"]],
        "preferences": ["target_titles": ["Backend Engineer"], "remote": ["remote"], "hard_filters": ["remote"]],
    ]

    static func job(
        _ server: TestServer, _ title: String, company: String = "Acme", remote: String? = "remote", description: String, url: String? = nil
    ) async throws -> Int {
        var body: [String: JSONValue] = ["title": .string(title), "company": .string(company), "description": .string(description)]
        if let remote { body["remote"] = .string(remote) }
        if let url { body["url"] = .string(url) }
        return try #require(try await server.post("/api/v1/jobs", .object(body)).data["id"]?.intValue)
    }

    /// Runs the queued match refreshes to their end with a worker of this server's handlers.
    static func refreshMatches(_ server: TestServer) async throws {
        try await server.runQueuedTasks(kind: MatchRefreshHandler.kind)
    }

    @Test(arguments: TestDatabase.all)
    func scores_areStored_sorted_filtered_andExplained(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let close = try await Self.job(
                server, "Backend Engineer",
                description:
                    "<h3>Requirements</h3><ul><li>5+ years of Go</li><li>PostgreSQL</li><li>Kubernetes</li></ul><h3>Nice to have</h3><ul><li>Kafka</li></ul>")
            let far = try await Self.job(server, "Frontend Developer", description: "<p>Requirements: React, TypeScript and CSS. Figma is a plus.</p>")
            let middle = try await Self.job(server, "Software Engineer", description: "<p>You have experience with Python, PostgreSQL and Docker.</p>")

            #expect(try await server.get("/api/v1/jobs/\(close)/match").status == .conflict, "no profile yet: the answer says what to do")
            #expect(try await server.put("/api/v1/profile", Self.profile).status == .ok)
            try await Self.refreshMatches(server)

            let sorted = try #require(try await server.get("/api/v1/jobs?sort=-match").data["items"]?.arrayValue)
            #expect(sorted.compactMap { $0["id"]?.intValue } == [close, middle, far], "\(sorted.map { ($0["title"], $0["match_score"]) })")
            let scores = sorted.compactMap { $0["match_score"]?.intValue }
            #expect(scores.count == 3 && scores == scores.sorted(by: >))
            let minimum = (scores[0] + scores[1]) / 2 + 1
            let filtered = try await server.get("/api/v1/jobs?match_min=\(minimum)").data
            #expect(filtered["items"]?.arrayValue?.compactMap { $0["id"]?.intValue } == [close])
            #expect(try await server.get("/api/v1/jobs?match_min=101").status == .badRequest)

            let match = try await server.get("/api/v1/jobs/\(close)/match").data
            #expect(match["score"]?.intValue == scores[0])
            let matched = match["matched_skills"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(Set(["Go", "PostgreSQL", "Kubernetes"]).isSubset(of: Set(matched)), "\(matched)")
            let requirements = try #require(match["requirements"]?.arrayValue)
            let kafka = try #require(requirements.first { $0["skill"] == "Kafka" })
            #expect(kafka["required"] == false, "Kafka is under “Nice to have”")
            #expect(kafka["met"] == true)
            #expect(kafka["evidence"]?.arrayValue?.contains("Project: Ledger") == true, "\(kafka)")
            let postgres = try #require(requirements.first { $0["skill"] == "PostgreSQL" })
            #expect(postgres["required"] == true)
            #expect(match["summary"]?.stringValue?.isEmpty == false)
            #expect(match["fits"]?.arrayValue?.count == 5)
            let farMatch = try await server.get("/api/v1/jobs/\(far)/match").data
            #expect(farMatch["missing_skills"]?.arrayValue?.contains("React") == true)
            #expect(farMatch["keywords"]?["missing"]?.arrayValue?.isEmpty == false, "the ATS report names what the resume lacks")

            // A changed job is scored again.
            _ = try await server.put("/api/v1/jobs/\(far)", ["title": "Backend Engineer", "description": "Requirements: Go, PostgreSQL, Kubernetes"])
            try await Self.refreshMatches(server)
            let after = try await server.get("/api/v1/jobs?sort=-match").data["items"]?.arrayValue ?? []
            let farScore = after.first { $0["id"]?.intValue == far }?["match_score"]?.intValue ?? 0
            #expect(farScore > scores[2], "the job now fits: \(farScore)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func recommendations_leaveOutHiddenRuledOutAndAppliedJobs_evenReposted(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let requirements = "<p>Requirements: Go, PostgreSQL and Kubernetes.</p>"
            let best = try await Self.job(server, "Backend Engineer", company: "Globex", description: requirements)
            let hidden = try await Self.job(server, "Backend Engineer", company: "Initech", description: requirements)
            let onsite = try await Self.job(server, "Backend Engineer", company: "Umbrella", remote: "onsite", description: requirements)
            let applied = try await Self.job(
                server, "Senior Backend Engineer", company: "Hooli Inc.", description: requirements, url: "https://boards.example.com/hooli/1")
            let repost = try await Self.job(
                server, "Sr. Backend Engineer", company: "HOOLI", description: requirements, url: "https://jobs.example.org/hooli-backend")
            let weaker = try await Self.job(server, "Data Analyst", company: "Soylent", description: "<p>Requirements: Excel, Tableau.</p>")
            _ = try await server.post("/api/v1/users/me/blocklist", ["company": "Initech"])
            _ = try await server.post("/api/v1/applications", ["job_id": .number(Double(applied)), "status": "applied"])

            #expect(try await server.get("/api/v1/jobs/recommendations").status == .conflict, "no profile yet")
            _ = try await server.put("/api/v1/profile", Self.profile)
            try await Self.refreshMatches(server)

            let page = try await server.get("/api/v1/jobs/recommendations").data
            let ids = page["items"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
            #expect(ids.first == best, "\(ids)")
            #expect(!ids.contains(hidden), "a hidden company never appears")
            #expect(!ids.contains(onsite), "a hard remote-only preference rules out an on-site job")
            #expect(!ids.contains(applied), "a job applied to is left out")
            #expect(!ids.contains(repost), "so is the same role reposted on another board")
            #expect(ids.contains(weaker))
            let first = try #require(page["items"]?[0])
            #expect(first["match"]?["score"]?.intValue != nil)
            #expect(first["match"]?["matched_skills"]?.arrayValue?.isEmpty == false)

            let marked = try await server.get("/api/v1/jobs/recommendations?applied=show").data["items"]?.arrayValue ?? []
            let repostItem = try #require(marked.first { $0["id"]?.intValue == repost })
            #expect(repostItem["applied"]?["job_id"]?.intValue == applied, "the repost is marked with the application's job")
            #expect(marked.contains { $0["id"]?.intValue == applied })
            #expect(try await server.get("/api/v1/jobs/recommendations?applied=maybe").status == .badRequest)

            // They are the best few, not every job: counted and paged up to the limit.
            var capped = Recommendations(database: server.app.db, user: CurrentUser(id: 1, isAdmin: true), now: Date(), limit: 2)
            let (firstPage, total) = try #require(try await capped.page(Paging(page: 1, pageSize: 1), showApplied: true))
            #expect(total == 2 && firstPage.map(\.job.id) == [marked[0]["id"]?.intValue])
            #expect(try await capped.page(Paging(page: 2, pageSize: 1), showApplied: true)?.jobs.count == 1)
            #expect(try await capped.page(Paging(page: 3, pageSize: 1), showApplied: true)?.jobs.isEmpty == true)
            capped.limit = 100
            #expect(try await capped.page(Paging(page: 1, pageSize: 1), showApplied: true)?.total == marked.count)
        }
    }

    @Test(arguments: [TestDatabase.sqlite])
    func aProfileChange_rescoresEveryJob_inTheBackground(database: TestDatabase) async throws {
        try await withServer(database) { server in
            for index in 0..<30 { _ = try await Self.job(server, "Engineer \(index)", description: "Requirements: Go and PostgreSQL") }
            _ = try await server.put("/api/v1/profile", Self.profile)
            try await Self.refreshMatches(server)
            #expect(try await TaskQueueTests.count(server, "SELECT count(*) AS count FROM job_matches") == 30)
            let before = try await TaskQueueTests.count(server, "SELECT sum(score) AS count FROM job_matches")
            _ = try await server.put("/api/v1/profile", ["skills": [["name": "Cobol"]]])
            let stale = try await TaskQueueTests.count(
                server, "SELECT count(*) AS count FROM job_matches m JOIN profiles p ON p.user_id = m.user_id WHERE m.profile_version <> p.version")
            #expect(stale == 30, "the old scores stay, marked stale, until the refresh replaces them")
            try await Self.refreshMatches(server)
            #expect(try await TaskQueueTests.count(server, "SELECT sum(score) AS count FROM job_matches") < before)
        }
    }
}
