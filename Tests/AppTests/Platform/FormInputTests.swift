import AsyncHTTPClient
import CareerCopilotCore
import CareerCopilotWeb
import Foundation
import NIOCore
import NIOHTTP1
import Testing
import Vapor

@testable import App

/// What a person types reaches the server whole, however the body arrives.
@Suite("Form input")
struct FormInputTests {
    /// A form body sent in several TCP writes, as a browser sends a long one.
    static func postInPieces(_ server: TestServer, _ path: String, fields: [(String, String)], cookies: [String: String]) async throws -> HTTPClientResponse {
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        let bytes = Array(body.utf8)
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(server.port)\(path)")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Cookie", value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        let pieces = stride(from: 0, to: bytes.count, by: 1_000).map { ByteBuffer(bytes: bytes[$0..<min($0 + 1_000, bytes.count)]) }
        let stream = AsyncStream<ByteBuffer> { continuation in
            Task {
                for piece in pieces {
                    continuation.yield(piece)
                    try? await Task.sleep(for: .milliseconds(20))
                }
                continuation.finish()
            }
        }
        request.body = .stream(stream, length: .known(Int64(bytes.count)))
        return try await server.app.http.client.shared.execute(request, timeout: .seconds(30))
    }

    @Test(arguments: TestDatabase.all)
    func longFields_sentInPieces_areSavedWhole(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let browser = Browser(server)
            _ = try await browser.get("/")
            let job = try await server.post("/api/v1/jobs", ["title": "Backend Engineer", "company": "Acme"]).data
            let application = try await server.post("/api/v1/applications", ["job_id": job["id"] ?? .null]).data
            let id = try #require(application["id"]?.intValue)
            // Notes up to their limit (20,000 characters), a description of 90,000.
            let notes = String(repeating: "Called Dana about the offer. ", count: 689)
            let saved = try await Self.postInPieces(
                server, SiteURL.applicationNotes(id).path, fields: [("csrf_token", browser.csrfToken), ("notes", notes)], cookies: browser.cookies)
            #expect(saved.status == .seeOther, "saved, not refused as an expired form")
            let stored = try await server.get("/api/v1/applications/\(id)").data
            #expect(stored["notes"]?.stringValue?.count == notes.trimmingCharacters(in: .whitespaces).count)

            let description = String(repeating: "Build payment systems in Go. ", count: 3_100)
            let created = try await Self.postInPieces(
                server, SiteURL.jobs.path,
                fields: [("csrf_token", browser.csrfToken), ("title", "Payments Engineer"), ("company", "Acme"), ("description", description)],
                cookies: browser.cookies)
            #expect(created.status == .seeOther)
            let payments = try await server.get("/api/v1/jobs?q=payments").data["items"]?.arrayValue?.first
            #expect(payments?["description_text"]?.stringValue?.count == description.trimmingCharacters(in: .whitespaces).count)
        }
    }
}

/// What a page answers when the obvious action cannot be done as asked.
@Suite("Page flows")
struct PageFlowTests {
    @Test(arguments: TestDatabase.all)
    func deletingATrackedJob_closesIt_andDisclosesNoOneElsesApplications(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let browser = Browser(server)
            _ = try await browser.get("/")
            let id = try #require(try await server.post("/api/v1/jobs", ["title": "Backend Engineer", "company": "Acme"]).data["id"]?.intValue)
            #expect(try await server.post("/api/v1/applications", ["job_id": .number(Double(id))]).status == .created)

            let refused = try await server.delete("/api/v1/jobs/\(id)")
            #expect(refused.status == .conflict)
            let message = try refused.error.message
            #expect(!message.contains("1") && !message.contains("application(s)"), "no count of anybody's applications: \(message)")

            let deleted = try await browser.submit(SiteURL.deleteJob(id).path, ["confirmed": "yes"])
            #expect(deleted.status == .seeOther && deleted.location == SiteURL.job(id).path)
            let page = try await browser.get(SiteURL.job(id).path)
            #expect(page.text.contains("closed rather than deleted"))
            #expect(!page.text.contains("is_active"), "no API words on a page")
            #expect(try await server.get("/api/v1/jobs/\(id)").data["is_active"] == false)
        }
    }

    @Test func errorPages_keepTheNavigation_andSayTheStatusOnce() async throws {
        try await withServer(.sqlite) { server in
            let missing = try await server.get("/no-such-page")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("class=\"main-nav\""), "one click from the right address")
            #expect(missing.text.components(separatedBy: ">404<").count == 2 && !missing.text.contains("404 — "))
        }
        try await withServer(.sqlite, adjust: { $0.singleUser = false }) { server in
            let missing = try await server.get("/no-such-page")
            #expect(missing.status == .notFound && !missing.text.contains("class=\"main-nav\""), "a visitor sees no navigation of an account")
        }
    }

    @Test func aFailedImportsAddress_opensTheForm() async throws {
        try await withServer(.sqlite) { server in
            let response = try await server.get(SiteURL.importJob.path)
            #expect(response.status == .seeOther && response.location == SiteURL.newJob.path)
        }
    }
}
