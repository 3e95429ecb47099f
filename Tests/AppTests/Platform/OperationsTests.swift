import CareerCopilotCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import App

@Suite("Health, metrics, OpenAPI, persistence")
struct OperationsTests {
    @Test(arguments: TestDatabase.all)
    func health_reportsTheDatabase(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let response = try await server.get("/health")
            #expect(response.status == .ok)
            let health = try response.json
            #expect(health["status"] == "healthy")
            #expect(health["database"]?["status"] == "up")
            #expect(health["database"]?["kind"] == (database == .sqlite ? "sqlite" : "postgresql"))
            #expect(health["database"]?["latency_ms"]?.numberValue != nil)
            #expect(health["queue"] != nil)
            #expect(health["workers"] != nil)
        }
    }

    @Test func health_isUnhealthyWhenTheDatabaseCannotBeReached() async throws {
        // A PostgreSQL address where nothing listens.
        let server = try await TestServer.start(.sqlite, migrate: false) { config in
            config.database = .postgres(url: "postgres://nobody:secret@127.0.0.1:1/none")
        }
        let response = try await server.get("/health")
        #expect(response.status == .serviceUnavailable)
        #expect(try response.json["status"] == "unhealthy")
        #expect(try response.json["database"]?["status"] == "down")
        #expect(!response.text.contains("secret"))
        try await server.destroy()
    }

    @Test(arguments: TestDatabase.protocolOnly)
    func metrics_countRequestsByRouteAndStatus(database: TestDatabase) async throws {
        try await withServer(database) { server in
            _ = try await server.get("/api/v1/jobs/424242")
            let response = try await server.get("/metrics")
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType)?.hasPrefix("text/plain") == true)
            #expect(response.text.contains(#"http_requests_total{method="GET",path="/api/v1/jobs/:id",status="404"}"#))
            #expect(response.text.contains("http_request_duration_seconds_bucket"))
        }
    }

    /// The OpenAPI document names exactly the routes the server registers, with their methods.
    @Test func openAPI_describesEveryRegisteredRoute() async throws {
        try await withServer(.sqlite) { server in
            let document = try await server.get("/api/v1/openapi.json").json
            #expect(document["openapi"] == "3.1.0")
            guard case let .object(paths)? = document["paths"] else { Issue.record("no paths"); return }
            var documented = Set<String>()
            for (path, item) in paths {
                guard case let .object(operations) = item else { continue }
                for method in operations.keys where method != "parameters" {
                    documented.insert("\(method.uppercased()) \(path)")
                }
            }
            // The API's document: pages and their assets are not part of it.
            let registered = Set(
                server.app.routes.all.filter { !APIErrorMiddleware.isPage("/" + $0.path.map(\.description).joined(separator: "/")) }.map { route in
                    let path =
                        "/"
                        + route.path.map { component in
                            if case let .parameter(name) = component { return "{\(name)}" }
                            return component.description
                        }.joined(separator: "/")
                    return "\(route.method.rawValue) \(path)"
                })
            #expect(documented == registered)
        }
    }

    @Test(arguments: TestDatabase.all)
    func data_survivesARestart(database: TestDatabase) async throws {
        let first = try await TestServer.start(database)
        let created = try await first.post("/api/v1/jobs", ["title": "Kept", "company": "Durable Inc"]).data
        let id = try #require(created["id"]?.intValue)
        _ = try await first.post("/api/v1/applications", ["job_id": .number(Double(id)), "status": "applied"])
        try await first.stop()

        let second = try await TestServer.start(database, at: first.location)
        let job = try await second.get("/api/v1/jobs/\(id)").data
        #expect(job == created)
        let applications = try await second.get("/api/v1/applications").data
        #expect(applications["total"] == 1)
        #expect(applications["items"]?.arrayValue?.first?["status"] == "applied")
        try await second.destroy()
    }

    @Test func sqlite_usesWALAndABusyTimeout() async throws {
        try await withServer(.sqlite) { server in
            struct Mode: Decodable { let journal_mode: String }
            let mode = try await server.app.db.sql.raw("PRAGMA journal_mode").first(decoding: Mode.self)
            #expect(mode?.journal_mode == "wal")
            // Every connection (one per event loop) waits for a busy writer, within bounds.
            for _ in 0..<4 {
                let timeout = try await server.app.db.sql.raw("PRAGMA busy_timeout").first()?.decode(column: "timeout", as: Int.self)
                #expect(timeout == 5000)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func foreignKeys_areEnforcedByTheDatabase(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let orphan = JobApplication()
            orphan.$user.id = 1
            orphan.$job.id = 987_654
            orphan.status = .saved
            await #expect(throws: (any Error).self) { try await orphan.create(on: server.app.db) }
        }
    }
}
