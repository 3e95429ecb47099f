import CareerCopilotCore
import CareerCopilotWeb
import Fluent
import Foundation
import JobSources
import SQLKit
import Testing
import Vapor

@testable import App

/// Jobs a person adds or imports are theirs alone until they share them; discovery's jobs are
/// the shared catalogue (decision 0014). The privacy matrix tries every route; this suite
/// follows the jobs themselves: imports, sharing, and a board that lists a private job.
@Suite("Private jobs")
struct JobPrivacyTests {
    @Test(arguments: TestDatabase.all)
    func anImport_isItsImportersAlone_andASecondImporterGetsTheirOwnCopy(database: TestDatabase) async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(
            database,
            adjust: {
                HardeningTests.accounts(&$0)
                $0.allowPrivateNetwork = true
            }
        ) { server in
            let ada = try await HardeningTests.account(server, "ada@example.com")
            let bob = try await HardeningTests.account(server, "bob@example.com")
            let url = board.baseURL + "/careers/9"
            board.serve("/careers/9", .init(body: HardeningTests.page(title: "Quiet Engineer", url: url), contentType: "text/html"))

            let first = try await server.request(.POST, "/api/v1/jobs/import", json: ["url": .string(url)], headers: ada.header)
            #expect(first.status == .created)
            let adaJob = try #require(try first.data["id"]?.intValue)
            #expect(try first.data["is_private"] == true)
            #expect(try await server.request(.GET, "/api/v1/jobs?q=quiet", headers: bob.header).data["total"] == 0)

            // Bob imports the same page: a job of his own, not Ada's (nor a word about hers).
            let second = try await server.request(.POST, "/api/v1/jobs/import", json: ["url": .string(url)], headers: bob.header)
            #expect(second.status == .created)
            let bobJob = try #require(try second.data["id"]?.intValue)
            #expect(bobJob != adaJob)
            #expect(
                try await server.request(.GET, "/api/v1/jobs?q=quiet", headers: bob.header).data["items"]?.arrayValue?.compactMap { $0["id"]?.intValue } == [
                    bobJob
                ])
            #expect(
                try await server.request(.GET, "/api/v1/jobs?q=quiet", headers: ada.header).data["items"]?.arrayValue?.compactMap { $0["id"]?.intValue } == [
                    adaJob
                ])

            // Importing it again finds one's own job.
            let again = try await server.request(.POST, "/api/v1/jobs/import", json: ["url": .string(url)], headers: ada.header)
            #expect(again.status == .ok)
            #expect(try again.data["id"]?.intValue == adaJob)
        }
    }

    @Test(arguments: TestDatabase.all)
    func sharing_isForGood_andShowsTheJobToEveryone(database: TestDatabase) async throws {
        try await withServer(database, adjust: HardeningTests.accounts) { server in
            let ada = try await HardeningTests.account(server, "ada@example.com")
            let bob = try await HardeningTests.account(server, "bob@example.com")
            let job = try await server.request(.POST, "/api/v1/jobs", json: ["title": "Found it", "company": "Acme"], headers: ada.header).data
            let id = try #require(job["id"]?.intValue)
            #expect(try await server.request(.GET, "/api/v1/jobs/\(id)", headers: bob.header).status == .notFound)

            let shared = try await server.request(.PUT, "/api/v1/jobs/\(id)", json: ["is_private": false], headers: ada.header)
            #expect(try shared.data["is_private"] == false)
            #expect(try await server.request(.GET, "/api/v1/jobs/\(id)", headers: bob.header).status == .ok)
            #expect(try await server.request(.POST, "/api/v1/applications", json: ["job_id": .number(Double(id))], headers: bob.header).status == .created)

            let back = try await server.request(.PUT, "/api/v1/jobs/\(id)", json: ["is_private": true], headers: ada.header)
            #expect(back.status == .unprocessableEntity)
            #expect(try back.error.details.contains { $0.contains("stays shared") })
            #expect(try await server.request(.GET, "/api/v1/jobs/\(id)", headers: bob.header).status == .ok)
        }
    }

    /// A board that lists a job someone imported makes it the catalogue's: the board lists it
    /// for everyone anyway. It never joins a private job by likeness alone.
    @Test(arguments: TestDatabase.all)
    func discovery_publishesAPrivateJobItsBoardLists_butNeverMergesIntoOne(database: TestDatabase) async throws {
        try await withServer(database, adjust: HardeningTests.accounts) { server in
            let ada = try await HardeningTests.account(server, "ada@example.com")
            let ingestion = IngestionService(database: server.app.db)
            func posting(_ id: String, title: String) throws -> NormalizedPosting {
                var raw = RawPosting(source: "greenhouse", externalID: id)
                raw.title = title
                raw.company = "Acme"
                raw.location = "Berlin"
                raw.url = "https://boards.greenhouse.io/acme/jobs/\(id)"
                return try PostingNormalizer.normalize(raw)
            }
            let importer = IngestionService.Importer(user: CurrentUser(id: ada.id, isAdmin: false))
            let imported = try await ingestion.store(try posting("77", title: "Staff Engineer"), sourceID: nil, now: Date(), importer: importer)
            #expect(imported.outcome == .new)
            func owner(_ id: Int) async throws -> Int? {
                try await server.app.db.sql.raw("SELECT private_to FROM jobs WHERE id = \(bind: id)").first()?.decode(column: "private_to", as: Int?.self)
            }
            #expect(try await owner(imported.jobID) == ada.id)

            // Another board lists a job just like it: a new catalogue job, not a merge into Ada's.
            var twin = try posting("1", title: "Staff Engineer")
            twin.source = "lever"
            twin.url = "https://jobs.lever.co/acme/1"
            let counts = try await ingestion.ingest([twin], sourceID: nil, complete: false, runStartedAt: Date())
            #expect(counts.new == 1 && counts.merged == 0)
            #expect(try await owner(imported.jobID) == ada.id)

            // Its own board lists it: it joins the catalogue.
            let listed = try await ingestion.ingest([try posting("77", title: "Staff Engineer")], sourceID: nil, complete: false, runStartedAt: Date())
            #expect(listed.new == 0)
            #expect(try await owner(imported.jobID) == nil)
        }
    }
}

/// A shared job is everyone's to read and to track, but only the person who added it or an
/// admin changes or deletes it — through the API and through the pages alike.
@Suite("Who may change a job")
struct JobChangeRightsTests {
    @Test(arguments: TestDatabase.all)
    func aSharedJob_isChangedOnlyByItsCreatorOrAnAdmin_onEveryRoute(database: TestDatabase) async throws {
        try await withServer(database, adjust: HardeningTests.accounts) { server in
            let admin = try await HardeningTests.account(server, "admin@example.com")
            let carol = try await HardeningTests.account(server, "carol@example.com")
            let created = try await server.request(
                .POST, "/api/v1/jobs", json: ["title": "Shared Role", "company": "Carolco", "is_private": false], headers: carol.header)
            let id = try #require(try created.data["id"]?.intValue)
            let bobPages = Browser(server)
            try await bobPages.signUp("bob@example.com")
            let bob = try await server.post("/api/v1/auth/login", ["email": "bob@example.com", "password": "correct horse battery"]).data
            let bobAPI = [("Authorization", "Bearer \(try #require(bob["access_token"]?.stringValue))")]

            // Bob reads it and may track it, but changes it nowhere.
            #expect(try await server.request(.GET, "/api/v1/jobs/\(id)", headers: bobAPI).status == .ok)
            #expect(try await bobPages.get(SiteURL.job(id).path).status == .ok)
            let attempts: [(String, TestResponse)] = [
                ("API PUT", try await server.request(.PUT, "/api/v1/jobs/\(id)", json: ["title": "Mine now"], headers: bobAPI)),
                ("API DELETE", try await server.request(.DELETE, "/api/v1/jobs/\(id)", headers: bobAPI)),
                ("page edit form", try await bobPages.get(SiteURL.editJob(id).path)),
                ("page edit", try await bobPages.submit(SiteURL.editJob(id).path, ["title": "Mine now", "company": "Carolco", "is_active": "true"])),
                ("page delete", try await bobPages.submit(SiteURL.deleteJob(id).path)),
            ]
            for (route, response) in attempts {
                #expect(response.status == .forbidden, "\(route) answered \(response.status) to someone who did not add the job")
            }
            let unchanged = try await server.request(.GET, "/api/v1/jobs/\(id)", headers: carol.header).data
            #expect(unchanged["title"] == "Shared Role")

            // Its creator and an admin may.
            #expect(try await server.request(.PUT, "/api/v1/jobs/\(id)", json: ["title": "Carol's edit"], headers: carol.header).status == .ok)
            #expect(try await server.request(.PUT, "/api/v1/jobs/\(id)", json: ["title": "Admin's edit"], headers: admin.header).status == .ok)
            #expect(try await server.request(.DELETE, "/api/v1/jobs/\(id)", headers: admin.header).status == .ok)
            #expect(try await server.request(.GET, "/api/v1/jobs/\(id)", headers: carol.header).status == .notFound)
        }
    }
}
