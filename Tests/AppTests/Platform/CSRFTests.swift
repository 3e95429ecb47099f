import CareerCopilotCore
import CareerCopilotWeb
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import App

/// Every unsafe page route, as the router lists them (a new one is tried without being named
/// here), refuses a form that does not echo the session's CSRF token — signed in with a forged
/// token, and, on a single-user server, a cross-site post that carries no cookie at all — and
/// changes nothing.
@Suite("CSRF on every page form")
struct CSRFTests {
    /// The POST routes of the pages (not the API, which takes bearer tokens or checks the
    /// header `X-CSRF-Token` of cookie sessions).
    static func unsafePageRoutes(_ server: TestServer) -> [String] {
        server.app.routes.all.filter { $0.method == .POST && $0.path.first?.description != "api" }
            .map { "/" + $0.path.map(\.description).joined(separator: "/") }.sorted()
    }

    /// Rows of every table a page form changes, with their latest change: equal before and
    /// after means nothing was written.
    static func snapshot(_ server: TestServer) async throws -> [String] {
        var rows: [String] = []
        for table in ["users", "jobs", "applications", "application_status_changes", "company_blocklist", "sources", "tasks", "profiles"] {
            let row = try await server.app.db.sql.raw("SELECT count(*) AS count FROM \(ident: table)").first()
            rows.append("\(table): \(try row?.decode(column: "count", as: Int.self) ?? -1)")
        }
        for table in ["jobs", "applications", "users", "sources"] {
            let row = try await server.app.db.sql.raw("SELECT max(updated_at) AS latest FROM \(ident: table)").first()
            rows.append("\(table) changed: \(String(describing: try row?.decode(column: "latest", as: Date?.self)))")
        }
        return rows
    }

    /// Real ids for the routes' `:id`: a job, an application of it, a hidden company, a source.
    static func ids(_ server: TestServer, _ browser: Browser) async throws -> [String: String] {
        let job = try #require(try await browser.submit(SiteURL.jobs.path, ["title": "Forms Engineer", "company": "Acme"]).location)
        let application = try #require(try await browser.submit("\(job)/track").location)
        #expect(try await browser.submit(SiteURL.blocklist.path, ["company": "Initech"]).status == .seeOther)
        #expect(try await browser.submit(SiteURL.sources.path, ["name": "Remote Swift", "type": "remotive", "identifier": "swift"]).status == .seeOther)
        func id(_ table: String) async throws -> String {
            String(try #require(try await server.app.db.sql.raw("SELECT max(id) AS id FROM \(ident: table)").first()?.decode(column: "id", as: Int.self)))
        }
        return [
            "jobs": String(job.split(separator: "/").last ?? ""), "applications": String(application.split(separator: "/").last ?? ""),
            "blocklist": try await id("company_blocklist"), "sources": try await id("sources"),
        ]
    }

    /// The route with `:id` replaced by the id of what its first part names.
    static func path(_ route: String, ids: [String: String]) -> String {
        guard route.contains(":id") else { return route }
        let owner = ids.keys.first { route.contains("/\($0)/") } ?? "jobs"
        return route.replacingOccurrences(of: ":id", with: ids[owner] ?? "1")
    }

    /// Fields a real form of each route would send, so that only the token can refuse it.
    static let fields: [String: String] = [
        "title": "Changed", "company": "Changed", "status": "rejected", "notes": "changed", "name": "Changed", "email": "x@example.com",
        "password": "correct horse battery", "full_name": "Changed", "current_password": "correct horse battery", "new_password": "another passphrase",
        "url": "https://example.com/job", "schedule": "every 6h", "enabled": "true",
    ]

    @Test func signedIn_aFormWithAForgedToken_isRefused_everywhere() async throws {
        try await withServer(.sqlite, adjust: { $0.singleUser = false }) { server in
            let browser = Browser(server)
            try await browser.signUp("forms@example.com")
            let ids = try await Self.ids(server, browser)
            let routes = Self.unsafePageRoutes(server)
            #expect(routes.count >= 20, "\(routes)")
            let before = try await Self.snapshot(server)
            for route in routes {
                let response = try await browser.submit(Self.path(route, ids: ids), Self.fields, csrf: "forged")
                #expect(response.status == .forbidden, "POST \(route) answered \(response.status) to a forged token")
                let missing = try await browser.submit(Self.path(route, ids: ids), Self.fields, csrf: "")
                #expect(missing.status == .forbidden, "POST \(route) answered \(missing.status) to a form without a token")
            }
            #expect(try await Self.snapshot(server) == before)
            #expect(try await browser.get(SiteURL.jobs.path).status == .ok, "the session itself still works")
        }
    }

    @Test func singleUser_aCrossSitePost_isRefused_everywhere() async throws {
        try await withServer(.sqlite) { server in
            let owner = Browser(server)
            _ = try await owner.get("/")
            let ids = try await Self.ids(server, owner)
            let before = try await Self.snapshot(server)
            for route in Self.unsafePageRoutes(server) {
                // What another site's page makes the owner's browser send: a form post with no
                // cookie of ours (SameSite) and its own origin.
                let body = Self.fields.map { "\($0.key)=\(Browser.encode($0.value))" }.joined(separator: "&")
                let response = try await server.request(
                    .POST, Self.path(route, ids: ids), body: body,
                    headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Origin", "https://evil.example"), ("Sec-Fetch-Site", "cross-site")])
                #expect(response.status == .forbidden, "POST \(route) answered \(response.status) to a cross-site post")
            }
            #expect(try await Self.snapshot(server) == before)
        }
    }
}
