import CareerCopilotCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import App

/// Every route is either public, shared (the job catalogue), about the caller themselves,
/// private to the owner of the id in its path, or about a job — shared, or private to the
/// person who added or imported it. Private routes are tried by another user, who
/// must get 404 for each, and lists must never show another user's rows.
///
/// A new route fails `everyRouteIsClassified` until it is added below: that is the point.
@Suite("Privacy matrix")
struct PrivacyMatrixTests {
    enum Kind { case publicRoute, shared, selfOnly, privateByID, privatePageByID, jobByID, jobPageByID }

    static let routes: [String: Kind] = [
        "GET /health": .publicRoute, "GET /metrics": .publicRoute, "GET /api/v1/openapi.json": .publicRoute,
        "POST /api/v1/auth/register": .publicRoute, "POST /api/v1/auth/login": .publicRoute,
        "POST /api/v1/auth/refresh": .publicRoute, "POST /api/v1/auth/logout": .selfOnly,
        "GET /api/v1/users": .selfOnly, "GET /api/v1/users/me": .selfOnly, "PUT /api/v1/users/me": .selfOnly,
        "DELETE /api/v1/users/me": .selfOnly, "PUT /api/v1/users/me/password": .selfOnly,
        // Lists show the catalogue and the caller's own private jobs; another's is not found.
        "GET /api/v1/jobs": .shared, "POST /api/v1/jobs": .shared, "GET /api/v1/jobs/:id": .jobByID,
        "PUT /api/v1/jobs/:id": .jobByID, "DELETE /api/v1/jobs/:id": .jobByID, "POST /api/v1/jobs/import": .shared,
        "GET /api/v1/applications": .selfOnly, "POST /api/v1/applications": .selfOnly,
        "GET /api/v1/applications/:id": .privateByID, "PUT /api/v1/applications/:id": .privateByID,
        "DELETE /api/v1/applications/:id": .privateByID, "GET /api/v1/applications/:id/timeline": .privateByID,
        // Tasks: another user's task is not found; the list and retries are for admins.
        "GET /api/v1/tasks": .selfOnly, "GET /api/v1/tasks/:id": .privateByID, "POST /api/v1/tasks/:id/retry": .selfOnly,
        // Sources are the shared catalogue's; only admins may see or change them.
        "GET /api/v1/users/me/blocklist": .selfOnly, "POST /api/v1/users/me/blocklist": .selfOnly,
        "DELETE /api/v1/users/me/blocklist/:id": .privateByID,
        "POST /settings/blocklist": .selfOnly, "POST /settings/blocklist/:id/delete": .privatePageByID,
        "GET /api/v1/sources": .shared, "POST /api/v1/sources": .shared, "GET /api/v1/sources/:id": .shared,
        "PUT /api/v1/sources/:id": .shared, "DELETE /api/v1/sources/:id": .shared, "POST /api/v1/sources/:id/run": .shared,
        // Pages (cookie sessions): private ones are tried in WebPagesTests with `privatePagePaths`.
        "GET /assets/:name": .publicRoute, "GET /login": .publicRoute, "POST /login": .publicRoute,
        "GET /signup": .publicRoute, "POST /signup": .publicRoute, "POST /logout": .selfOnly,
        "GET /": .selfOnly, "GET /settings": .selfOnly, "POST /settings/profile": .selfOnly,
        "POST /settings/password": .selfOnly, "POST /settings/demo": .selfOnly, "POST /settings/demo/remove": .selfOnly,
        "GET /jobs": .shared, "POST /jobs": .shared, "GET /jobs/new": .shared, "GET /jobs/:id": .jobPageByID,
        "GET /jobs/:id/edit": .jobPageByID, "POST /jobs/:id/edit": .jobPageByID, "POST /jobs/:id/delete": .jobPageByID,
        "POST /jobs/:id/track": .jobPageByID, "GET /applications": .selfOnly,
        "POST /applications/move": .privatePageByID, "GET /applications/:id": .privatePageByID,
        "POST /applications/:id/status": .privatePageByID, "POST /applications/:id/notes": .privatePageByID,
        "POST /applications/:id/delete": .privatePageByID,
        "GET /jobs/import": .shared, "GET /sources": .shared, "POST /sources": .shared, "POST /sources/:id/run": .shared, "POST /sources/:id/edit": .shared,
        "POST /sources/:id/delete": .shared,
        "POST /jobs/import": .shared,
        // The profile is the caller's own: no id names another's.
        "GET /api/v1/profile": .selfOnly, "PUT /api/v1/profile": .selfOnly, "POST /api/v1/profile/import": .selfOnly,
        "GET /api/v1/profile/export": .selfOnly, "GET /profile": .selfOnly, "POST /profile": .selfOnly, "POST /profile/import": .selfOnly,
        "GET /profile/export": .selfOnly,
        // Matches are computed for the caller's own profile; of a job they may see.
        "GET /api/v1/jobs/:id/match": .jobByID, "GET /api/v1/jobs/recommendations": .selfOnly, "GET /recommendations": .selfOnly,
        // Ranked search reads what the job list reads; similar jobs, of a job one may see.
        "GET /api/v1/jobs/search": .shared, "GET /api/v1/jobs/:id/similar": .jobByID,
    ]

    /// Every private page route, for another user to try with ids (an application's, a hidden
    /// company's) that are not theirs.
    static func privatePagePaths(applicationID id: String, hiddenCompanyID hidden: String) -> [(method: HTTPMethod, path: String, fields: [String: String])] {
        let paths: [(HTTPMethod, String, [String: String])] = [
            (.POST, "/applications/move", ["move": id, "status_\(id)": "rejected"]),
            (.GET, "/applications/\(id)", [:]),
            (.POST, "/applications/\(id)/status", ["status": "rejected"]),
            (.POST, "/applications/\(id)/notes", ["notes": "not yours"]),
            (.POST, "/applications/\(id)/delete", [:]),
            (.POST, "/settings/blocklist/\(hidden)/delete", [:]),
        ]
        let covered = Set(
            paths.map { "\($0.0.rawValue) \($0.1.replacingOccurrences(of: "/\(id)", with: "/:id").replacingOccurrences(of: "/\(hidden)/", with: "/:id/"))" })
        precondition(covered == Set(routes.filter { $0.value == .privatePageByID }.keys), "privatePagePaths must cover every private page route")
        return paths.map { (method: $0.0, path: $0.1, fields: $0.2) }
    }

    /// Every job page route, for another user to try with the id of a private job not theirs.
    static func jobPagePaths(jobID id: String) -> [(method: HTTPMethod, path: String, fields: [String: String])] {
        let paths: [(HTTPMethod, String, [String: String])] = [
            (.GET, "/jobs/\(id)", [:]), (.GET, "/jobs/\(id)/edit", [:]),
            (.POST, "/jobs/\(id)/edit", ["title": "Mine now", "company": "C", "is_active": "true"]),
            (.POST, "/jobs/\(id)/delete", [:]), (.POST, "/jobs/\(id)/track", [:]),
        ]
        let covered = Set(paths.map { "\($0.0.rawValue) \($0.1.replacingOccurrences(of: "/\(id)", with: "/:id"))" })
        precondition(covered == Set(routes.filter { $0.value == .jobPageByID }.keys), "jobPagePaths must cover every job page route")
        return paths.map { (method: $0.0, path: $0.1, fields: $0.2) }
    }

    /// Bodies for private routes that take one (valid, so that only ownership can refuse them).
    static let bodies: [String: JSONValue] = [
        "PUT /api/v1/applications/:id": ["status": "rejected", "notes": "not yours"],
        "PUT /api/v1/jobs/:id": ["title": "Mine now", "is_private": false],
    ]

    /// Lists that must show only the caller's rows, with the JSON path of their items.
    static let privateLists = ["/api/v1/applications"]

    @Test func everyRouteIsClassified() async throws {
        try await withServer(.sqlite) { server in
            let registered = Set(server.app.routes.all.map { "\($0.method.rawValue) /\($0.path.map(\.description).joined(separator: "/"))" })
            let unclassified = registered.subtracting(Self.routes.keys)
            #expect(unclassified.isEmpty, "classify these routes in PrivacyMatrixTests.routes: \(unclassified.sorted())")
            #expect(Set(Self.routes.keys).subtracting(registered).isEmpty, "routes listed but not registered")
        }
    }

    @Test(arguments: TestDatabase.all)
    func anotherUser_getsNotFound_andEmptyLists(database: TestDatabase) async throws {
        try await withServer(database, adjust: { $0.singleUser = false }, check)
    }

    private func check(_ server: TestServer) async throws {
        let owner = try await server.session("owner@example.com")
        let other = try await server.session("other@example.com")

        // The owner's private rows: a job they added (private unless shared) and its application.
        let job = try await server.request(
            .POST, "/api/v1/jobs", json: ["title": "Quiet Role", "company": "Hushco", "source": "manual", "external_id": "q-1"], headers: owner
        ).data
        #expect(job["is_private"] == true)
        let jobID = try #require(job["id"]?.intValue)
        let application = try await server.request(.POST, "/api/v1/applications", json: ["job_id": job["id"] ?? nil], headers: owner).data
        let id = try #require(application["id"]?.intValue)
        // Creating the application queued tasks on the owner's behalf (its notification first).
        let ownerTask = try #require(
            try await server.app.db.sql.raw("SELECT min(id) AS id FROM tasks WHERE user_id IS NOT NULL").first()?.decode(column: "id", as: Int?.self))
        #expect(try await server.request(.GET, "/api/v1/tasks/\(ownerTask)", headers: owner).status == .ok)
        let hidden = try #require(
            try await server.request(.POST, "/api/v1/users/me/blocklist", json: ["company": "Initech"], headers: owner).data["id"]?.intValue)

        for (route, kind) in Self.routes where kind == .privateByID || kind == .jobByID {
            let parts = route.split(separator: " ", maxSplits: 1)
            let method = HTTPMethod(rawValue: String(parts[0]))
            let target = kind == .jobByID ? jobID : route.hasPrefix("GET /api/v1/tasks") ? ownerTask : route.contains("blocklist") ? hidden : id
            let path = String(parts[1]).replacingOccurrences(of: ":id", with: String(target))
            let response = try await server.request(method, path, json: Self.bodies[route], headers: other)
            #expect(response.status == .notFound, "\(route) answered \(response.status) to another user")
        }
        for list in Self.privateLists + ["/api/v1/jobs", "/api/v1/jobs?q=quiet", "/api/v1/jobs?company=hush", "/api/v1/jobs?source=manual"] {
            let items = try await server.request(.GET, list, headers: other).data
            #expect(items["total"] == 0, "\(list) shows another user's rows")
        }
        // Nor can they track it, learn of it through its id, or import over it.
        let track = try await server.request(.POST, "/api/v1/applications", json: ["job_id": .number(Double(jobID))], headers: other)
        #expect(track.status == .unprocessableEntity)
        let twin = try await server.request(
            .POST, "/api/v1/jobs", json: ["title": "X", "company": "Y", "source": "manual", "external_id": "q-1"], headers: other)
        #expect(twin.status == .conflict)
        #expect(try !twin.error.message.contains("(id "), "the conflict does not name another's private job")
        #expect(try await server.request(.GET, "/api/v1/jobs?q=quiet", headers: owner).data["total"] == 1, "the owner finds it")
        // Nothing was changed or deleted by those attempts.
        let after = try await server.request(.GET, "/api/v1/applications/\(id)", headers: owner).data
        #expect(after["status"] == "saved")
        #expect(after["notes"]?.isNull == true)
        #expect(try await server.request(.GET, "/api/v1/users/me/blocklist", headers: owner).data.arrayValue?.count == 1)
        #expect(try await server.request(.GET, "/api/v1/users/me/blocklist", headers: other).data.arrayValue?.isEmpty == true)
    }
}
