import CareerCopilotCore
import CareerCopilotWeb
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import App

/// The pages through real HTTP, as a browser without JavaScript uses them: cookies, CSRF
/// tokens, forms, redirects. (The real browser runs in tests/browser.)
@Suite("Web pages")
struct WebPagesTests {
    static func multiUser(_ config: inout AppConfiguration) { config.singleUser = false }

    @Test func signedOut_pagesSendToSignIn_andBackAfterwards() async throws {
        try await withServer(.sqlite, adjust: Self.multiUser) { server in
            let browser = Browser(server)
            let page = try await browser.get("/jobs?q=swift")
            #expect(page.status == .seeOther)
            #expect(page.location == "/login?next=%2Fjobs%3Fq%3Dswift")

            try await browser.signUp("ada@example.com")
            let signIn = Browser(server)
            _ = try await signIn.get(SiteURL.login.path)
            let done = try await signIn.submit(SiteURL.login.path, ["email": "ada@example.com", "password": "correct horse battery", "next": "/jobs?q=swift"])
            #expect(done.status == .seeOther)
            #expect(done.location == "/jobs?q=swift")
            #expect(signIn.cookies["cc_access"] != nil)
            // Only our own paths: an address elsewhere leads to the dashboard.
            let elsewhere = Browser(server)
            _ = try await elsewhere.get(SiteURL.login.path)
            let outside = try await elsewhere.submit(
                SiteURL.login.path, ["email": "ada@example.com", "password": "correct horse battery", "next": "//evil.example/"])
            #expect(outside.location == "/")
        }
    }

    @Test(arguments: TestDatabase.all)
    func signUp_showsTheDashboard_andTheWelcomeOnce(database: TestDatabase) async throws {
        try await withServer(database, adjust: Self.multiUser) { server in
            let browser = Browser(server)
            let signUp = try await browser.signUp("grace@example.com", name: "Grace Hopper")
            #expect(signUp.status == .seeOther)
            #expect(signUp.location == "/")
            let first = try await browser.get("/")
            #expect(first.status == .ok)
            #expect(first.headers.contentType == .html)
            #expect(first.headers.first(name: .cacheControl) == "no-store")
            #expect(first.text.contains("Grace Hopper"))
            #expect(first.text.contains("Welcome to Career Copilot"))
            let second = try await browser.get("/")
            #expect(!second.text.contains("Welcome to Career Copilot"))

            let signOut = try await browser.submit(SiteURL.logout.path)
            #expect(signOut.location == SiteURL.login.path)
            #expect(browser.cookies["cc_access"] == nil)
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test func forms_withoutTheCSRFToken_areRefused() async throws {
        try await withServer(.sqlite, adjust: Self.multiUser) { server in
            let browser = Browser(server)
            try await browser.signUp("csrf@example.com")
            let forged = try await browser.submit(SiteURL.jobs.path, ["title": "T", "company": "C"], csrf: "forged")
            #expect(forged.status == .forbidden)
            #expect(forged.headers.contentType == .html)
            #expect(forged.text.contains("data-status=\"403\""))
            let missing = try await Browser(server).submit(SiteURL.login.path, ["email": "csrf@example.com", "password": "x"], csrf: "")
            #expect(missing.status == .forbidden)
            #expect(try await browser.get(SiteURL.jobs.path).text.contains("No jobs yet"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func jobForm_showsErrorsNextToFields_andKeepsInput(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let browser = Browser(server)
            let response = try await browser.submit(
                SiteURL.jobs.path,
                [
                    "title": " ", "company": "Acme <Labs>", "url": "ftp://files.example", "salary_min": "90,000", "salary_max": "50000",
                ])
            #expect(response.status == .unprocessableEntity)
            let html = response.text
            #expect(html.contains("id=\"title-error\""))
            #expect(html.contains("id=\"url-error\""))
            #expect(html.contains("id=\"salary_max-error\""))
            #expect(html.contains("value=\"Acme &lt;Labs&gt;\""))
            #expect(html.contains("value=\"90,000\""))

            let created = try await browser.submit(
                SiteURL.jobs.path, ["title": "iOS Engineer", "company": "Acme", "salary_min": "90,000", "skills": "Swift, SwiftUI"])
            #expect(created.status == .seeOther)
            let location = try #require(created.location)
            let page = try await browser.get(location)
            #expect(page.text.contains("<h1>iOS Engineer</h1>"))
            #expect(page.text.contains("from 90,000"))
            #expect(page.text.contains("SwiftUI"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func track_thenMoveOnTheBoard_recordsTheTimeline(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let browser = Browser(server)
            let job = try await server.post("/api/v1/jobs", ["title": "Platform Engineer", "company": "Cobalt"]).data
            let jobID = try #require(job["id"]?.intValue)
            let tracked = try await browser.submit(SiteURL.trackJob(jobID).path)
            let applicationPath = try #require(tracked.location)
            let id = try #require(Int(applicationPath.split(separator: "/").last ?? ""))

            // Without JavaScript: the card's Move button sends the board's form.
            let moved = try await browser.submit(SiteURL.moveApplication.path, ["move": String(id), "status_\(id)": "Applied"])
            #expect(moved.status == .seeOther)
            #expect(moved.location == "/applications#card-\(id)", "back to the moved card")
            #expect(try await browser.get(SiteURL.applications.path).text.contains("Moved “Platform Engineer” to Applied."), "the message names the job")
            // With JavaScript: the same form, answered in JSON.
            let dragged = try await browser.submit(
                SiteURL.moveApplication.path, ["move": String(id), "status_\(id)": "interviewing"], headers: [("Accept", "application/json")])
            #expect(dragged.status == .ok)
            #expect(try dragged.data["status"] == "interviewing")

            let board = try await browser.get(SiteURL.applications.path)
            #expect(board.text.contains("<option selected>Interviewing</option>"))
            let page = try await browser.get(applicationPath)
            #expect(page.text.components(separatedBy: "<li data-to=").count - 1 == 3)
            let notes = try await browser.submit("\(applicationPath)/notes", ["notes": "Call <Ingrid> on Monday"])
            #expect(notes.status == .seeOther)
            #expect(try await browser.get(applicationPath).text.contains("Call &lt;Ingrid&gt; on Monday"))
            let bad = try await browser.submit(SiteURL.moveApplication.path, ["move": String(id), "status_\(id)": "hired"])
            #expect(bad.status == .unprocessableEntity)
        }
    }

    @Test func anotherUser_cannotSeeOrChangeAnApplication_throughThePages() async throws {
        try await withServer(.sqlite, adjust: Self.multiUser) { server in
            let owner = Browser(server)
            try await owner.signUp("owner@example.com")
            let created = try await owner.submit(SiteURL.jobs.path, ["title": "Quiet Role", "company": "C"])
            let jobPath = try #require(created.location)
            let tracked = try await owner.submit("\(jobPath)/track")
            let applicationPath = try #require(tracked.location)
            let id = String(applicationPath.split(separator: "/").last ?? "")

            #expect(try await owner.submit(SiteURL.blocklist.path, ["company": "Initech"]).status == .seeOther)
            let hidden = try #require(
                try await server.app.db.sql.raw("SELECT id FROM company_blocklist").first()?.decode(column: "id", as: Int.self))

            let other = Browser(server)
            try await other.signUp("other@example.com")
            for path in PrivacyMatrixTests.privatePagePaths(applicationID: id, hiddenCompanyID: String(hidden)) {
                let response =
                    path.method == .GET
                    ? try await other.get(path.path)
                    : try await other.submit(path.path, path.fields)
                #expect(response.status == .notFound, "\(path.method) \(path.path) answered \(response.status) to another user")
            }
            // The job the owner added is theirs alone: its pages are not found, lists leave it out,
            // and the other user's dashboard is still the getting-started one.
            let jobID = String(jobPath.split(separator: "/").last ?? "")
            for path in PrivacyMatrixTests.jobPagePaths(jobID: jobID) {
                let response = path.method == .GET ? try await other.get(path.path) : try await other.submit(path.path, path.fields)
                #expect(response.status == .notFound, "\(path.method) \(path.path) answered \(response.status) to another user")
            }
            for list in [SiteURL.jobs.path, "/jobs?q=Quiet", "/"] {
                #expect(!(try await other.get(list).text.contains("href=\"\(jobPath)\"")), "\(list) shows another user's private job")
            }
            #expect(try await other.get("/").text.contains("id=\"getting-started\""))
            #expect(try await owner.get("/jobs?q=Quiet").text.contains("href=\"\(jobPath)\""))
            let board = try await other.get(SiteURL.applications.path)
            #expect(!board.text.contains("data-application-id=\"\(id)\""))
            let page = try await owner.get(applicationPath)
            #expect(page.status == .ok)
            #expect(page.text.contains("<option value=\"saved\" selected>"))
            #expect(try await owner.get(SiteURL.settings.path).text.contains("Initech"), "the owner's hidden company is still hidden")
        }
    }

    @Test func expiredAccessCookie_isRenewedFromTheRefreshCookie() async throws {
        try await withServer(.sqlite, adjust: Self.multiUser) { server in
            let browser = Browser(server)
            try await browser.signUp("renew@example.com")
            let token = browser.csrfToken
            browser.forget("cc_access")
            let page = try await browser.get("/")
            #expect(page.status == .ok)
            #expect(browser.cookies["cc_access"] != nil)
            #expect(browser.csrfToken == token, "a renewal keeps the forms of open tabs valid")
        }
    }

    @Test func errors_areErrorPagesForPages_andEnvelopesForTheAPI() async throws {
        try await withServer(.sqlite) { server in
            let page = try await server.get("/no/such/page")
            #expect(page.status == .notFound)
            #expect(page.headers.contentType == .html)
            #expect(page.text.contains("data-status=\"404\""))
            let job = try await server.get("/jobs/999999")
            #expect(job.status == .notFound)
            #expect(job.text.contains("data-status=\"404\""))
            let method = try await server.get(SiteURL.logout.path)
            #expect(method.status == .methodNotAllowed)
            #expect(method.headers.first(name: .allow) == "POST")
            #expect(method.headers.contentType == .html)
            let api = try await server.get("/api/v1/nothing")
            #expect(api.status == .notFound)
            #expect(try api.error.code == "NOT_FOUND")
        }
    }

    @Test func assets_areCachedForAYear_underTheirContentHash() async throws {
        try await withServer(.sqlite) { server in
            for asset in Asset.all {
                let response = try await server.get(asset.path)
                #expect(response.status == .ok)
                #expect(response.headers.first(name: .contentType) == asset.contentType)
                #expect(response.headers.first(name: .cacheControl) == "public, max-age=31536000, immutable")
                #expect(response.text == asset.body)
            }
            #expect(try await server.get("/assets/app.0000000000000000.css").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func demoData_loadsOnce_isMarked_andIsRemoved(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let browser = Browser(server)
            #expect(try await browser.get("/").text.contains("id=\"demo-form\""))
            #expect(try await browser.submit(SiteURL.demo.path).status == .seeOther)
            #expect(try await browser.submit(SiteURL.demo.path).status == .seeOther)
            let jobs = try await server.get("/api/v1/jobs?source=demo&page_size=100").data
            #expect(jobs["total"]?.intValue == DemoDataset.jobs.count)
            let applications = try await server.get("/api/v1/applications?page_size=100").data
            #expect(applications["total"]?.intValue == DemoDataset.jobs.filter { !$0.pipeline.isEmpty }.count)
            let board = try await browser.get(SiteURL.applications.path)
            #expect(board.text.contains(">Demo</span>"))
            #expect(!(try await browser.get("/").text.contains("id=\"demo-form\"")))

            #expect(try await browser.submit(SiteURL.removeDemo.path, ["confirmed": "yes"]).status == .seeOther)
            #expect(try await server.get("/api/v1/jobs?page_size=1").data["total"] == 0)
            #expect(try await server.get("/api/v1/applications?page_size=1").data["total"] == 0)
        }
    }

    @Test func demoData_isForAdminsOnly() async throws {
        try await withServer(.sqlite, adjust: Self.multiUser) { server in
            try await Browser(server).signUp("admin@example.com")
            let user = Browser(server)
            try await user.signUp("user@example.com")
            #expect(try await user.submit(SiteURL.demo.path).status == .forbidden)
        }
    }

    @Test func singleUser_landsOnTheDashboard_withoutSigningIn() async throws {
        try await withServer(.sqlite) { server in
            let browser = Browser(server)
            let page = try await browser.get("/")
            #expect(page.status == .ok)
            #expect(!page.text.contains("logout-form"))
            #expect(browser.cookies["cc_csrf"] != nil)
            #expect(try await browser.get(SiteURL.login.path).location == "/")
        }
    }

    @Test func sources_areManagedByAdmins_throughTheirPage() async throws {
        try await withServer(.sqlite, adjust: Self.multiUser) { server in
            let admin = Browser(server)
            try await admin.signUp("admin@example.com")
            #expect(try await admin.get("/").text.contains("href=\"/sources\""))
            let invalid = try await admin.submit(SiteURL.sources.path, ["name": "X", "type": "jsonld", "identifier": "not a url", "schedule": "every 6h"])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.text.contains("id=\"identifier-error\""))
            let added = try await admin.submit(SiteURL.sources.path, ["name": "Stripe", "type": "greenhouse", "identifier": "stripe", "schedule": "every 6h"])
            #expect(added.location == SiteURL.sources.path)
            let page = try await admin.get(SiteURL.sources.path).text
            #expect(page.contains("Stripe") && page.contains("Not run yet"))
            let id = try #require(try await SourceRecord.all(on: server.app.db).first?.id)
            #expect(try await admin.submit(SiteURL.runSource(id).path).location == SiteURL.sources.path)
            #expect(try await TaskQueueTests.count(server, "SELECT count(*) AS count FROM tasks WHERE kind = 'discovery.run'") == 1)

            // Its card edits the schedule and pauses it; a bad schedule is shown on that card.
            let badEdit = try await admin.submit(SiteURL.editSource(id).path, ["schedule": "every 7m", "enabled": "true"])
            #expect(badEdit.status == .unprocessableEntity)
            #expect(badEdit.text.contains("id=\"schedule-\(id)-error\""))
            #expect(try await admin.submit(SiteURL.editSource(id).path, ["schedule": "@daily", "enabled": "false"]).location == SiteURL.sources.path)
            let edited = try #require(try await SourceRecord.find(id, on: server.app.db))
            #expect(edited.schedule == "@daily" && !edited.enabled)
            #expect(try await admin.get(SiteURL.sources.path).text.contains("Paused"))

            let user = Browser(server)
            try await user.signUp("user@example.com")
            #expect(!(try await user.get("/").text.contains("href=\"/sources\"")))
            #expect(try await user.get(SiteURL.sources.path).status == .forbidden)
            #expect(try await user.submit(SiteURL.deleteSource(id).path).status == .forbidden)
            #expect(try await user.submit(SiteURL.editSource(id).path, ["schedule": "@hourly"]).status == .forbidden)
            #expect(try await admin.submit(SiteURL.deleteSource(id).path, ["confirmed": "yes"]).location == SiteURL.sources.path)
            #expect(try await SourceRecord.all(on: server.app.db).isEmpty)
        }
    }

    @Test func aPostingURL_isImported_fromTheNewJobPage() async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(.sqlite, adjust: { $0.allowPrivateNetwork = true }) { server in
            board.serve(
                "/careers/7",
                .init(
                    body: #"<script type="application/ld+json">{"@type": "JobPosting", "title": "Go Developer", "hiringOrganization": "Harbor"}</script>"#,
                    contentType: "text/html"))
            let browser = Browser(server)
            #expect(try await browser.get(SiteURL.newJob.path).text.contains("id=\"import-form\""))
            let imported = try await browser.submit(SiteURL.importJob.path, ["url": board.baseURL + "/careers/7"])
            #expect(imported.status == .seeOther)
            let page = try await browser.get(try #require(imported.location))
            #expect(page.text.contains("<h1>Go Developer</h1>"))
            let failed = try await browser.submit(SiteURL.importJob.path, ["url": board.baseURL + "/nothing"])
            #expect(failed.status == .unprocessableEntity)
            #expect(failed.text.contains("id=\"import-url-error\""))
            #expect(failed.text.contains("value=\"\(board.baseURL)/nothing\""))
        }
    }

    @Test func aCompany_isHidden_andShownAgain_fromSettings() async throws {
        try await withServer(.sqlite) { server in
            _ = try await server.post("/api/v1/jobs", ["title": "Sales Engineer", "company": "Initech"])
            let browser = Browser(server)
            #expect(try await browser.get(SiteURL.jobs.path).text.contains("Sales Engineer"))
            #expect(try await browser.submit(SiteURL.blocklist.path, ["company": "initech"]).location == SiteURL.settings.path)
            #expect(!(try await browser.get(SiteURL.jobs.path).text.contains("Sales Engineer")))
            let settings = try await browser.get(SiteURL.settings.path).text
            #expect(settings.contains("id=\"hidden-list\"") && settings.contains("initech"))
            #expect(try await browser.submit(SiteURL.blocklist.path, ["company": "Initech"]).status == .conflict)
            let id = try #require(try await server.get("/api/v1/users/me/blocklist").data.arrayValue?.first?["id"]?.intValue)
            #expect(try await browser.submit("/settings/blocklist/\(id)/delete").location == SiteURL.settings.path)
            #expect(try await browser.get(SiteURL.jobs.path).text.contains("Sales Engineer"))
        }
    }
}
