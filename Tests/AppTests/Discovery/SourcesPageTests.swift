import CareerCopilotCore
import CareerCopilotWeb
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import App

/// The sources page as an admin uses it (issue 13, point 14).
@Suite("Sources page")
struct SourcesPageTests {
    @Test func aPastedBoardAddress_fillsTheSource() async throws {
        try await withServer(.sqlite) { server in
            let browser = Browser(server)
            let page = try await browser.get(SiteURL.sources.path)
            #expect(page.text.contains("name=\"base_url\""), "the form can set the base URL the API accepts")
            let added = try await browser.submit(
                SiteURL.sources.path, ["name": "Acme", "type": "lever", "identifier": "https://boards.greenhouse.io/acme/jobs/4012", "schedule": "every 6h"])
            #expect(added.status == .seeOther, "\(added.text.prefix(300))")
            let sources = try #require(try await server.get("/api/v1/sources").data["items"]?.arrayValue)
            let acme = try #require(sources.first { $0["name"] == "Acme" })
            #expect(acme["type"] == "greenhouse" && acme["identifier"] == "acme")

            let lever = try await server.post("/api/v1/sources", ["name": "Globex", "type": "greenhouse", "identifier": "jobs.lever.co/globex"])
            #expect(lever.status == .created)
            #expect(try lever.data["type"] == "lever" && lever.data["identifier"] == "globex")
            // A feed keeps its address.
            let feed = try await server.post("/api/v1/sources", ["name": "Feed", "type": "rss", "identifier": "https://boards.greenhouse.io/acme/feed.xml"])
            #expect(try feed.data["type"] == "rss")
        }
    }

    /// A Greenhouse board whose postings do not name the company: the board's own name, not
    /// its token ("acme").
    @Test func greenhouseJobs_takeTheBoardsOwnName() async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(.sqlite, adjust: DiscoveryTests.allowPrivate) { server in
            let payload = DiscoveryTests.greenhouse([(id: 7, title: "Platform Engineer", city: "Berlin")]).replacingOccurrences(
                of: #""company_name": "Trade Desk", "#, with: "")
            board.serve("/v1/boards/acme/jobs", .init(body: payload))
            board.serve("/v1/boards/acme", .init(body: #"{"name": "Acme Robotics", "content": "<p>We build robots.</p>"}"#))
            let source = try await DiscoveryTests.addSource(
                server, ["name": "Acme", "type": "greenhouse", "identifier": "acme", "base_url": .string(board.baseURL)])
            #expect(try await DiscoveryTests.runner(server).run(source).counts.new == 1)
            let job = try #require(try await server.get("/api/v1/jobs?q=platform").data["items"]?.arrayValue?.first)
            #expect(job["company"] == "Acme Robotics")
        }
    }

    @Test func aRunQueuedFromThePage_showsAsRunning_untilItEnds() async throws {
        try await withServer(.sqlite) { server in
            let browser = Browser(server)
            let created = try await server.post("/api/v1/sources", ["name": "Acme", "type": "greenhouse", "identifier": "acme"])
            let id = try #require(try created.data["id"]?.intValue)
            #expect(!(try await browser.get(SiteURL.sources.path).text.contains("data-running")))
            #expect(try await browser.submit(SiteURL.runSource(id).path).location == SiteURL.sources.path)
            let page = try await browser.get(SiteURL.sources.path).text
            #expect(page.contains("data-source-id=\"\(id)\" data-running"))
            #expect(page.contains("Running…"))
            // The run ends (here: its task is finished by hand): the card shows the result.
            try await server.app.db.sql.raw("UPDATE tasks SET status = 'succeeded'").run()
            #expect(!(try await browser.get(SiteURL.sources.path).text.contains("data-running")))
        }
    }
}
