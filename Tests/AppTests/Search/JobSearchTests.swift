import CareerCopilotCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import App

/// `GET /api/v1/jobs/search` end to end, with the real offline model (`CC_TEST_MODEL_DIR`):
/// jobs are embedded by the background task, found by meaning, by words and both, within the
/// list's filters and the viewer's privacy, and kept consistent as jobs change.
@Suite("Semantic and hybrid search")
struct JobSearchTests {
    static var modelDirectory: String? {
        ProcessInfo.processInfo.environment["CC_TEST_MODEL_DIR"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func withModel(_ config: inout AppConfiguration) {
        config.embeddings = .local(directory: modelDirectory ?? "/nonexistent")
    }

    static let postings: [(title: String, company: String, remote: String, description: String)] = [
        (
            "Software Engineer, Money Movement", "Ledgerly", "remote",
            "You will own the services that move funds between our customers: ledgers, settlement files, card authorisations and payouts. Our stack is Go and PostgreSQL on Kubernetes."
        ),
        (
            "Pastry Chef", "Maison Claire", "onsite",
            "Bake croissants, tarts and entremets every morning in our Lyon kitchen; manage the dessert menu and two commis."
        ),
        (
            "Registered Nurse, Medical-Surgical (Nights)", "St. Mary Hospital", "onsite",
            "Care for adult patients after surgery during the night shift: assessments, medication, wound care, charting."
        ),
        (
            "Frontend Developer", "Pixel Farm", "remote",
            "Build accessible interfaces in React and TypeScript with our designers; own the component library and its tests."
        ),
        (
            "Primary School Teacher", "Greenfield Academy", "onsite",
            "Teach a class of seven-year-olds reading, writing and arithmetic; plan lessons and meet parents every term."
        ),
    ]

    /// Adds the postings through the API and embeds them.
    static func seed(_ server: TestServer, headers: [(String, String)] = []) async throws -> [Int] {
        var ids: [Int] = []
        for posting in postings {
            let body: JSONValue = [
                "title": .string(posting.title), "company": .string(posting.company), "remote": .string(posting.remote),
                "description": .string(posting.description), "is_private": false,
            ]
            let created = try await server.request(.POST, "/api/v1/jobs", json: body, headers: headers)
            #expect(created.status == .created, "\(created.text)")
            ids.append(try #require(try created.data["id"]?.intValue))
        }
        try await server.runQueuedTasks(kind: EmbeddingRefreshHandler.kind)
        return ids
    }

    static func ranked(_ server: TestServer, _ query: String, headers: [(String, String)] = []) async throws -> (ids: [Int], data: JSONValue) {
        let response = try await server.request(.GET, "/api/v1/jobs/search?\(query)", headers: headers)
        #expect(response.status == .ok, "\(response.text)")
        let data = try response.data
        return (data["items"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? [], data)
    }

    @Test(arguments: TestDatabase.all)
    func aJob_isFoundByMeaning_thoughItSharesNoWordWithTheQuery(database: TestDatabase) async throws {
        try #require(Self.modelDirectory != nil, "set CC_TEST_MODEL_DIR (scripts/test does)")
        try await withServer(database, adjust: Self.withModel) { server in
            let ids = try await Self.seed(server)
            let health = try await server.get("/health")
            #expect(try health.json["semantic_search"]?["state"] == "ready")
            #expect(try health.json["semantic_search"]?["embedded"] == 5)

            let text = "q=fintech+platform+handling+transfers+for+clients"
            let semantic = try await Self.ranked(server, text + "&mode=semantic")
            #expect(semantic.ids.first == ids[0], "the payments job first: \(semantic.ids)")
            #expect(try semantic.data["mode"] == "semantic")
            let scores = semantic.data["items"]?.arrayValue?.compactMap { $0["score"]?.numberValue } ?? []
            #expect(scores == scores.sorted(by: >) && (scores.first ?? 0) > 0.3, "\(scores)")
            // No posting has those words: by words alone, nothing.
            #expect(try await Self.ranked(server, text + "&mode=keyword").ids.isEmpty)
            // Hybrid is the default and finds it too.
            let hybrid = try await Self.ranked(server, text)
            #expect(hybrid.ids.first == ids[0])
            #expect(try hybrid.data["mode"] == "hybrid")

            let night = try await Self.ranked(server, "q=looking+after+sick+people+overnight&mode=semantic")
            #expect(night.ids.first == ids[2])
            let kids = try await Self.ranked(server, "q=educating+young+children")
            #expect(kids.ids.first == ids[4])

            // Keywords rank by the words; a phrase must appear as written.
            #expect(try await Self.ranked(server, "q=croissants+kitchen&mode=keyword").ids == [ids[1]])
            #expect(try await Self.ranked(server, "q=%22component+library%22&mode=keyword").ids == [ids[3]])
            #expect(try await Self.ranked(server, "q=%22library+component%22&mode=keyword").ids.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func everyListFilter_andPrivacy_apply(database: TestDatabase) async throws {
        try #require(Self.modelDirectory != nil, "set CC_TEST_MODEL_DIR (scripts/test does)")
        try await withServer(
            database,
            adjust: {
                Self.withModel(&$0)
                HardeningTests.accounts(&$0)
            }
        ) { server in
            let ada = try await HardeningTests.account(server, "ada@example.com")
            let bob = try await HardeningTests.account(server, "bob@example.com")
            let ids = try await Self.seed(server, headers: ada.header)
            // Bob's own private job about payments: never Ada's to see.
            let secret = try await server.request(
                .POST, "/api/v1/jobs",
                json: ["title": "Payments Backend Engineer", "company": "Hush", "description": "Card payments and money transfers in Go.", "is_private": true],
                headers: bob.header)
            let secretID = try #require(try secret.data["id"]?.intValue)
            try await server.runQueuedTasks(kind: EmbeddingRefreshHandler.kind)
            for mode in SearchMode.allCases {
                let query = "q=payments+money+transfers+go&mode=\(mode.rawValue)"
                #expect(try await !Self.ranked(server, query, headers: ada.header).ids.contains(secretID), "\(mode)")
                #expect(try await Self.ranked(server, query, headers: bob.header).ids.contains(secretID), "\(mode)")
                // Filters: remote only leaves out the on-site kitchen; a company prefix keeps one.
                let remote = try await Self.ranked(server, "q=jobs+in+a+kitchen+or+a+hospital&mode=\(mode.rawValue)&remote=remote", headers: ada.header)
                #expect(Set(remote.ids).isSubset(of: [ids[0], ids[3]]), "\(mode): \(remote.ids)")
                let company = try await Self.ranked(server, "q=payments+money&mode=\(mode.rawValue)&company=ledg", headers: ada.header)
                #expect(company.ids == [ids[0]], "\(mode): \(company.ids)")
            }
            // A hidden company is hidden here too.
            let hidden = try await server.request(.POST, "/api/v1/users/me/blocklist", json: ["company": "Ledgerly"], headers: ada.header)
            #expect(hidden.status == .created || hidden.status == .ok, "\(hidden.text)")
            #expect(try await !Self.ranked(server, "q=payments+money+transfers", headers: ada.header).ids.contains(ids[0]))
        }
    }

    @Test(arguments: TestDatabase.all)
    func changedDeletedAndClosedJobs_areKeptConsistent(database: TestDatabase) async throws {
        try #require(Self.modelDirectory != nil, "set CC_TEST_MODEL_DIR (scripts/test does)")
        try await withServer(database, adjust: Self.withModel) { server in
            let ids = try await Self.seed(server)
            let query = "q=someone+to+bake+bread+and+cakes&mode=semantic"
            #expect(try await Self.ranked(server, query).ids.first == ids[1])
            // The chef's posting becomes a welder's: embedded again, it no longer answers.
            let changed = try await server.put(
                "/api/v1/jobs/\(ids[1])", ["title": "Welder", "description": "MIG and TIG welding of steel frames in a fabrication shop."])
            #expect(changed.status == .ok, "\(changed.text)")
            try await server.runQueuedTasks(kind: EmbeddingRefreshHandler.kind)
            #expect(try await Self.ranked(server, "q=joining+metal+parts+with+heat&mode=semantic").ids.first == ids[1])
            #expect(try await Self.ranked(server, query).ids.first != ids[1])
            // Closed: gone from a search of open jobs, there for all.
            #expect(try await server.put("/api/v1/jobs/\(ids[2])", ["is_active": false]).status == .ok)
            let nurse = "q=night+nurse&mode=semantic"
            #expect(try await !Self.ranked(server, nurse + "&is_active=true").ids.contains(ids[2]))
            #expect(try await Self.ranked(server, nurse).ids.first == ids[2])
            // Deleted: its vector goes with it, and no search returns it.
            #expect(try await server.delete("/api/v1/jobs/\(ids[2])").status.code < 300)
            for mode in SearchMode.allCases {
                #expect(try await !Self.ranked(server, "q=night+nurse+patients&mode=\(mode.rawValue)").ids.contains(ids[2]))
            }
            let vectors = try await TaskQueueTests.count(server, "SELECT count(*) AS count FROM job_embeddings WHERE job_id = \(bind: ids[2])")
            #expect(vectors == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func withoutTheModel_searchAnswersWithKeywords_andSaysSo(database: TestDatabase) async throws {
        try await withServer(database, adjust: { $0.embeddings = .local(directory: "/nonexistent/model") }) { server in
            _ = try await server.post("/api/v1/jobs", ["title": "Pastry Chef", "company": "Maison", "description": "Croissants every morning."])
            try await server.runQueuedTasks(kind: EmbeddingRefreshHandler.kind)
            let health = try await server.get("/health")
            #expect(health.status == .ok)
            #expect(try health.json["semantic_search"]?["state"] == "unavailable")
            #expect(try health.json["semantic_search"]?["message"]?.stringValue?.contains("models fetch") == true)
            for mode in ["semantic", "hybrid"] {
                let answer = try await Self.ranked(server, "q=croissants&mode=\(mode)")
                #expect(answer.ids.count == 1)
                #expect(try answer.data["mode"] == "keyword")
                #expect(try answer.data["notice"]?.stringValue?.contains("models fetch") == true)
            }
            let page = try await server.get("/jobs?q=croissants")
            #expect(page.text.contains("Pastry Chef") && page.text.contains("models fetch"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func badQueries_getClearErrors_andQuerySyntaxIsJustText(database: TestDatabase) async throws {
        try await withServer(database) { server in
            _ = try await server.post("/api/v1/jobs", ["title": "NEAR Engineer", "company": "AND Co", "description": "OR else: \"quoted\" * text"])
            for bad in ["", "q=", "q=%20%20", "q=x&mode=fuzzy", "q=x&q=y", "q=" + String(repeating: "a", count: 501), "q=x&page=0", "q=x%00y"] {
                let response = try await server.get("/api/v1/jobs/search?\(bad)")
                #expect(response.status == .badRequest, "\(bad): \(response.status)")
                #expect(try response.json["success"] == false)
                #expect(try response.json["error"]?["code"] != nil, "\(bad): the error envelope")
            }
            for hostile in [
                "NEAR(a b)", "\"unclosed", "AND OR NOT", "*", "a:*", "title:x", "{location}: y", "'); DROP TABLE jobs; --", "🙂", "c++ c# .net", "(((", "near",
            ] {
                let query = hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                for mode in SearchMode.allCases {
                    let response = try await server.get("/api/v1/jobs/search?q=\(query)&mode=\(mode.rawValue)")
                    #expect(response.status == .ok, "\(hostile) \(mode): \(response.text)")
                }
            }
            #expect(try await Self.ranked(server, "q=near&mode=keyword").ids.count == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func similarJobs_areOpenJobsAlikeInMeaning_andFollowChanges(database: TestDatabase) async throws {
        try #require(Self.modelDirectory != nil, "set CC_TEST_MODEL_DIR (scripts/test does)")
        try await withServer(database, adjust: Self.withModel) { server in
            let ids = try await Self.seed(server)
            let twin = try #require(
                try await server.post(
                    "/api/v1/jobs",
                    [
                        "title": "Backend Engineer, Payouts", "company": "Coinly", "is_private": false,
                        "description": "Build the Go services that settle card payments and pay out merchants: ledgers, reconciliation, PostgreSQL.",
                    ]
                ).data["id"]?.intValue)
            try await server.runQueuedTasks(kind: EmbeddingRefreshHandler.kind)
            func similar() async throws -> [Int] {
                try await server.get("/api/v1/jobs/\(ids[0])/similar").data.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
            }
            let first = try await similar()
            #expect(first.first == twin, "\(first)")
            #expect(!first.contains(ids[0]), "never the job itself")
            let page = try await server.get("/jobs/\(ids[0])")
            #expect(page.text.contains("Similar jobs") && page.text.contains("href=\"/jobs/\(twin)\""))
            // Closed: not offered. Open again and rewritten as a welder's job: re-embedded, no
            // longer the closest (the cached neighbours follow the change).
            #expect(try await server.put("/api/v1/jobs/\(twin)", ["is_active": false]).status == .ok)
            #expect(try await !similar().contains(twin))
            #expect(
                try await server.put(
                    "/api/v1/jobs/\(twin)", ["is_active": true, "title": "Welder", "description": "MIG and TIG welding of steel frames."]
                ).status == .ok)
            try await server.runQueuedTasks(kind: EmbeddingRefreshHandler.kind)
            #expect(try await similar().first != twin)
            #expect(try await server.get("/api/v1/jobs/999999/similar").status == .notFound)
        }
    }
}
