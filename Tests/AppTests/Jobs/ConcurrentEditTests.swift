import CareerCopilotCore
import CareerCopilotWeb
import Foundation
import Testing
import Vapor

@testable import App

/// Two tabs, two devices or two clients editing the same record: a save made from an old
/// copy is refused with 409 and loses nothing (issue 13, point 3; decision 0015).
@Suite("Concurrent edits")
struct ConcurrentEditTests {
    static func hidden(_ name: String, in html: String) -> String? {
        guard let start = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[start.upperBound...].prefix { $0 != "\"" })
    }

    @Test(arguments: TestDatabase.all)
    func api_putWithAStaleETag_isAConflict_andChangesNothing(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let id = try #require(try await server.post("/api/v1/jobs", ["title": "Engineer", "company": "Acme"]).data["id"]?.intValue)
            let read = try await server.get("/api/v1/jobs/\(id)")
            let etag = try #require(read.headers.first(name: .eTag))
            #expect(etag.hasPrefix("\"") && etag.count > 4)

            let first = try await server.request(.PUT, "/api/v1/jobs/\(id)", json: ["title": "Senior Engineer"], headers: [("If-Match", etag)])
            #expect(first.status == .ok)
            let newer = try #require(first.headers.first(name: .eTag))
            #expect(newer != etag)

            let stale = try await server.request(.PUT, "/api/v1/jobs/\(id)", json: ["company": "Globex"], headers: [("If-Match", etag)])
            #expect(stale.status == .conflict)
            #expect(try stale.error.code == "CONFLICT")
            let now = try await server.get("/api/v1/jobs/\(id)").data
            #expect(now["title"] == "Senior Engineer" && now["company"] == "Acme", "the stale save changed nothing")

            #expect(try await server.request(.PUT, "/api/v1/jobs/\(id)", json: ["company": "Globex"], headers: [("If-Match", newer)]).status == .ok)
            #expect(try await server.request(.PUT, "/api/v1/jobs/\(id)", json: ["company": "Initech"], headers: [("If-Match", "*")]).status == .ok)
            #expect(try await server.request(.PUT, "/api/v1/jobs/\(id)", json: ["company": "Umbrella"]).status == .ok, "without If-Match, as before")

            // Applications too.
            let application = try #require(try await server.post("/api/v1/applications", ["job_id": .number(Double(id))]).data["id"]?.intValue)
            let tag = try #require(try await server.get("/api/v1/applications/\(application)").headers.first(name: .eTag))
            #expect(
                try await server.request(.PUT, "/api/v1/applications/\(application)", json: ["notes": "Tab one"], headers: [("If-Match", tag)]).status == .ok)
            #expect(
                try await server.request(.PUT, "/api/v1/applications/\(application)", json: ["notes": "Tab two"], headers: [("If-Match", tag)]).status
                    == .conflict)
            #expect(try await server.get("/api/v1/applications/\(application)").data["notes"] == "Tab one")
        }
    }

    /// Many saves from one copy at the same moment: exactly one wins.
    @Test(arguments: TestDatabase.all)
    func simultaneousSaves_fromOneCopy_letExactlyOneThrough(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let id = try #require(try await server.post("/api/v1/jobs", ["title": "Engineer", "company": "Acme"]).data["id"]?.intValue)
            let etag = try #require(try await server.get("/api/v1/jobs/\(id)").headers.first(name: .eTag))
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for attempt in 0..<8 {
                    group.addTask {
                        try await server.request(.PUT, "/api/v1/jobs/\(id)", json: ["title": .string("Title \(attempt)")], headers: [("If-Match", etag)]).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .conflict }.count == 7, "\(statuses)")
        }
    }

    @Test func twoTabs_editingAJob_neitherRevertsTheOther() async throws {
        try await withServer(.sqlite) { server in
            let id = try #require(try await server.post("/api/v1/jobs", ["title": "Engineer", "company": "Acme", "location": "Berlin"]).data["id"]?.intValue)
            let browser = Browser(server)
            let tabOne = try await browser.get(SiteURL.editJob(id).path).text
            let tabTwo = try await browser.get(SiteURL.editJob(id).path).text
            let version = try #require(Self.hidden("version", in: tabOne))
            #expect(Self.hidden("version", in: tabTwo) == version)

            let form = ["title": "Engineer", "company": "Acme", "location": "Berlin", "is_active": "true"]
            var first = form
            first["title"] = "Staff Engineer"
            first["version"] = version
            #expect(try await browser.submit(SiteURL.editJob(id).path, first).status == .seeOther)

            var second = form
            second["location"] = "Munich"
            second["version"] = version
            let conflict = try await browser.submit(SiteURL.editJob(id).path, second)
            #expect(conflict.status == .conflict)
            #expect(conflict.text.contains("This job changed while you were editing it"))
            #expect(conflict.text.contains("value=\"Munich\""), "what tab two typed is kept")
            #expect(conflict.text.contains("Staff Engineer"), "what tab one saved is shown")
            #expect(try await server.get("/api/v1/jobs/\(id)").data["title"] == "Staff Engineer", "tab one's title is not reverted")

            // Saving again, knowingly, from the conflict page.
            var again = second
            let current: String = try #require(Self.hidden("version", in: conflict.text))
            again["version"] = current
            again["title"] = "Staff Engineer"
            #expect(try await browser.submit(SiteURL.editJob(id).path, again).status == .seeOther)
            let saved = try await server.get("/api/v1/jobs/\(id)").data
            #expect(saved["title"] == "Staff Engineer" && saved["location"] == "Munich")
        }
    }

    @Test func twoTabs_savingNotes_neitherOverwritesTheOther() async throws {
        try await withServer(.sqlite) { server in
            let jobID = try #require(try await server.post("/api/v1/jobs", ["title": "Engineer", "company": "Acme"]).data["id"]?.intValue)
            let id = try #require(try await server.post("/api/v1/applications", ["job_id": .number(Double(jobID))]).data["id"]?.intValue)
            let browser = Browser(server)
            let page = try await browser.get(SiteURL.application(id).path).text
            let version = try #require(Self.hidden("notes_version", in: page))
            #expect(try await browser.submit(SiteURL.applicationNotes(id).path, ["notes": "Called Ingrid", "notes_version": version]).status == .seeOther)
            // A status moved meanwhile is no conflict for notes.
            #expect(try await browser.submit(SiteURL.applicationStatus(id).path, ["status": "applied"]).status == .seeOther)

            let conflict = try await browser.submit(SiteURL.applicationNotes(id).path, ["notes": "Send portfolio", "notes_version": version])
            #expect(conflict.status == .conflict)
            #expect(conflict.text.contains("Called Ingrid"), "the saved notes are shown")
            #expect(conflict.text.contains("Send portfolio"), "the person's text is kept")
            #expect(try await server.get("/api/v1/applications/\(id)").data["notes"] == "Called Ingrid")

            let fresh = try #require(Self.hidden("notes_version", in: conflict.text))
            #expect(
                try await browser.submit(SiteURL.applicationNotes(id).path, ["notes": "Called Ingrid. Send portfolio", "notes_version": fresh]).status
                    == .seeOther)
            #expect(try await server.get("/api/v1/applications/\(id)").data["notes"] == "Called Ingrid. Send portfolio")
        }
    }
}
