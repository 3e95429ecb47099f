import CareerCopilotCore
import CareerCopilotWeb
import Foundation
import Testing
import Vapor

@testable import App

/// The jobs list as a person uses it (issue 13): tracked jobs marked and a Track button, the
/// API's filters on the page, sources to choose from, clean addresses, and an address the
/// page cannot fully use explained rather than refused.
@Suite("Jobs page")
struct JobsPageTests {
    static func seed(_ server: TestServer) async throws -> [String: Int] {
        var ids: [String: Int] = [:]
        let jobs: [JSONValue] = [
            [
                "title": "Swift Engineer", "company": "Acme", "skills": ["Swift"], "salary_min": 90000,
                "posted_at": .string(ISODate.format(Date().addingTimeInterval(-2 * 86_400))),
            ],
            ["title": "Go Engineer", "company": "Globex", "skills": ["Go"], "salary_min": 60000, "posted_at": "2024-01-10T00:00:00Z"],
            ["title": "Support Lead", "company": "Initech", "source": "lever", "external_id": "s-1"],
        ]
        for job in jobs {
            let response = try await server.post("/api/v1/jobs", job)
            #expect(response.status == .created, "\(response.text)")
            ids[try #require(try response.data["title"]?.stringValue)] = try response.data["id"]?.intValue
        }
        return ids
    }

    static func titles(_ page: TestResponse) -> [String] {
        ["Swift Engineer", "Go Engineer", "Support Lead"].filter { page.text.contains(">\($0)</a>") }
    }

    @Test func filters_ofTheAPI_areOnThePage() async throws {
        try await withServer(.sqlite) { server in
            _ = try await Self.seed(server)
            let browser = Browser(server)
            let page = try await browser.get(SiteURL.jobs.path)
            for field in ["name=\"skill\"", "name=\"salary_min\"", "name=\"posted\"", "<select id=\"source\""] {
                #expect(page.text.contains(field), "the page offers \(field)")
            }
            #expect(page.text.contains("<option value=\"greenhouse\">Greenhouse board</option>"))
            #expect(Self.titles(try await browser.get("/jobs?skill=swift")) == ["Swift Engineer"])
            #expect(Self.titles(try await browser.get("/jobs?salary_min=80k")) == ["Swift Engineer"])
            #expect(Self.titles(try await browser.get("/jobs?posted=7")) == ["Swift Engineer"])
            #expect(Self.titles(try await browser.get("/jobs?source=lever")) == ["Support Lead"])
        }
    }

    @Test func emptyFields_leaveTheAddress_andBadOnesAreExplained() async throws {
        try await withServer(.sqlite) { server in
            _ = try await Self.seed(server)
            let browser = Browser(server)
            let empty = try await browser.get("/jobs?q=engineer&company=&location=&remote=&source=&is_active=&sort=")
            #expect(empty.status == .seeOther || empty.status == .found)
            #expect(empty.location == "/jobs?q=engineer")

            let odd = try await browser.get("/jobs?q=engineer&sort=bogus&page=-1&posted=soon")
            #expect(odd.status == .ok)
            #expect(odd.text.contains("left out: Sort by “bogus”, Page “-1”, Posted “soon”."))
            #expect(Self.titles(odd).sorted() == ["Go Engineer", "Swift Engineer"], "the rest of the search still counts")
            #expect(!odd.text.contains("Bad Request"))
        }
    }

    @Test func trackedJobs_areMarked_andOthersCanBeTrackedFromTheList() async throws {
        try await withServer(.sqlite) { server in
            let ids = try await Self.seed(server)
            let browser = Browser(server)
            let swift = try #require(ids["Swift Engineer"])
            let list = try await browser.get("/jobs?q=engineer")
            #expect(list.text.contains("formaction=\"/jobs/\(swift)/track\""))
            #expect(list.text.contains("aria-label=\"Track Swift Engineer at Acme\""))

            let tracked = try await browser.submit(SiteURL.trackJob(swift).path, ["return_to": "/jobs?q=engineer"])
            #expect(tracked.location == "/jobs?q=engineer", "back to the list it was tracked from")
            let after = try await browser.get("/jobs?q=engineer")
            #expect(!after.text.contains("formaction=\"/jobs/\(swift)/track\""))
            #expect(after.text.contains("On your board: "))
            let away = try await browser.submit(SiteURL.trackJob(try #require(ids["Go Engineer"])).path, ["return_to": "https://evil.example/"])
            #expect(away.location?.hasPrefix("/applications/") == true, "only a path of ours is a place to return to")
        }
    }

    @Test func aCompany_isHidden_fromItsJobsPage() async throws {
        try await withServer(.sqlite) { server in
            let ids = try await Self.seed(server)
            let browser = Browser(server)
            let page = try await browser.get(SiteURL.job(try #require(ids["Support Lead"])).path)
            #expect(page.text.contains("id=\"hide-company-form\""))
            let hidden = try await browser.submit(SiteURL.blocklist.path, ["company": "Initech", "return_to": SiteURL.jobs.path])
            #expect(hidden.location == SiteURL.jobs.path)
            #expect(Self.titles(try await browser.get(SiteURL.jobs.path)) == ["Swift Engineer", "Go Engineer"])
        }
    }
}

extension JobsPageTests {
    @Test func theBoard_explainsAnAddressItCannotUse() async throws {
        try await withServer(.sqlite) { server in
            let page = try await Browser(server).get("/applications?status=bogus")
            #expect(page.status == .ok)
            #expect(page.text.contains("the whole board"))
        }
    }
}

extension JobsPageTests {
    /// Editing showed a plain description as raw HTML ("<p>…</p>").
    @Test func editing_showsADescriptionAsItWasWritten() async throws {
        try await withServer(.sqlite) { server in
            let plain = try #require(
                try await server.post("/api/v1/jobs", ["title": "A", "company": "C", "description": "Line one\nLine two\n\nSecond paragraph"]).data["id"]?
                    .intValue)
            let rich = try #require(
                try await server.post("/api/v1/jobs", ["title": "B", "company": "C", "description": "<p>Apply <a href=\"https://acme.example/\">here</a></p>"])
                    .data["id"]?.intValue)
            let browser = Browser(server)
            let plainForm = try await browser.get(SiteURL.editJob(plain).path).text
            #expect(plainForm.contains(">Line one\nLine two\n\nSecond paragraph</textarea>"))
            #expect(!plainForm.contains("&lt;p&gt;"))
            #expect(try await browser.get(SiteURL.editJob(rich).path).text.contains("&lt;a href="), "a link needs its markup to survive an edit")
        }
    }
}

extension JobsPageTests {
    /// The demo timeline said "Started 29 Nov" while "Tracked since" said 30 Nov.
    @Test func demoApplications_areTrackedSinceTheirTimelineStarts() async throws {
        try await withServer(.sqlite) { server in
            #expect(try await Browser(server).submit(SiteURL.demo.path).status == .seeOther)
            let items = try #require(try await server.get("/api/v1/applications?page_size=100").data["items"]?.arrayValue)
            #expect(!items.isEmpty)
            for item in items {
                let id = try #require(item["id"]?.intValue)
                let application = try await server.get("/api/v1/applications/\(id)").data
                let first = try #require(application["timeline"]?.arrayValue?.first?["changed_at"]?.stringValue)
                #expect(application["created_at"]?.stringValue == first, "application \(id)")
            }
        }
    }
}

extension JobsPageTests {
    /// Times were UTC only: the browser's zone (set by the page script) and the one chosen in
    /// Settings now decide the day a date falls on.
    @Test func dates_areShownInTheReadersTimeZone() async throws {
        try await withServer(.sqlite) { server in
            let id = try #require(
                try await server.post("/api/v1/jobs", ["title": "Night Owl", "company": "Acme", "posted_at": "2026-01-01T20:00:00Z"]).data["id"]?.intValue)
            let browser = Browser(server)
            #expect(try await browser.get(SiteURL.job(id).path).text.contains(">1 Jan 2026</time>"))
            #expect(try await browser.get(SiteURL.job(id).path, headers: [("Cookie", "cc_tz=Asia%2FTokyo")]).text.contains(">2 Jan 2026</time>"))
            #expect(
                try await browser.get(SiteURL.job(id).path, headers: [("Cookie", "cc_tz=Not%2FAZone")]).text.contains(">1 Jan 2026</time>"),
                "an unknown zone is UTC")

            let saved = try await browser.submit(SiteURL.account.path, ["full_name": "Ada", "time_zone": "Pacific/Auckland"])
            #expect(saved.status == .seeOther)
            #expect(try await server.get("/api/v1/users/me").data["time_zone"] == "Pacific/Auckland")
            #expect(try await browser.get(SiteURL.settings.path).text.contains("<option value=\"Pacific/Auckland\" selected>"))
            let refused = try await browser.submit(SiteURL.account.path, ["full_name": "Ada", "time_zone": "Mars/Olympus"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Time zone: Must be a time zone"))
        }
    }
}

extension JobsPageTests {
    /// Without JavaScript, deletes happened with no confirmation step.
    @Test func deletes_withoutTheScript_askOnAPageFirst() async throws {
        try await withServer(.sqlite) { server in
            let id = try #require(try await server.post("/api/v1/jobs", ["title": "Doomed Role", "company": "Acme"]).data["id"]?.intValue)
            let browser = Browser(server)
            let asked = try await browser.submit(SiteURL.deleteJob(id).path)
            #expect(asked.status == .ok)
            #expect(asked.text.contains("Delete “Doomed Role”?"))
            #expect(asked.text.contains("name=\"confirmed\" value=\"yes\""))
            #expect(asked.text.contains("href=\"/jobs/\(id)\""), "a way back")
            #expect(try await server.get("/api/v1/jobs/\(id)").status == .ok, "nothing deleted yet")

            #expect(try await browser.submit(SiteURL.deleteJob(id).path, ["confirmed": "yes"]).location == SiteURL.jobs.path)
            #expect(try await server.get("/api/v1/jobs/\(id)").status == .notFound)

            let job = try #require(try await server.post("/api/v1/jobs", ["title": "Kept", "company": "Acme"]).data["id"]?.intValue)
            let application = try #require(try await server.post("/api/v1/applications", ["job_id": .number(Double(job))]).data["id"]?.intValue)
            #expect(try await browser.submit(SiteURL.deleteApplication(application).path).text.contains("Stop tracking “Kept”?"))
            #expect(try await server.get("/api/v1/applications/\(application)").status == .ok)
            #expect(try await browser.submit(SiteURL.removeDemo.path).text.contains("Remove the demo data?"))
        }
    }
}
