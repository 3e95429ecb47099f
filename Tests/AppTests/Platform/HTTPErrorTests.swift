import CareerCopilotCore
import Foundation
import NIOHTTP1
import Testing
import Vapor

@Suite("Errors and protocol")
struct HTTPErrorTests {
    @Test(arguments: TestDatabase.protocolOnly)
    func malformedJSON_is400(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let response = try await server.request(.POST, "/api/v1/jobs", body: "{\"title\": ", contentType: "application/json")
            #expect(response.status == .badRequest)
            #expect(try response.error.code == "BAD_REQUEST")
        }
    }

    @Test(arguments: TestDatabase.protocolOnly)
    func bodyThatIsNotAnObject_is400(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let response = try await server.request(.POST, "/api/v1/jobs", body: "[1,2]", contentType: "application/json")
            #expect(response.status == .badRequest)
            #expect(try response.error.message == "The request body must be a JSON object, not an array")
        }
    }

    @Test(arguments: TestDatabase.protocolOnly)
    func missingBody_is400(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let response = try await server.request(.POST, "/api/v1/jobs", body: "", contentType: "application/json")
            #expect(response.status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.protocolOnly)
    func wrongContentType_is415(database: TestDatabase) async throws {
        try await withServer(database) { server in
            for contentType in ["text/plain", "application/x-www-form-urlencoded", "application/xml"] {
                let response = try await server.request(.POST, "/api/v1/jobs", body: "title=x", contentType: contentType)
                #expect(response.status == .unsupportedMediaType, "\(contentType)")
                #expect(try response.error.code == "UNSUPPORTED_MEDIA_TYPE")
            }
            let none = try await server.request(.PUT, "/api/v1/jobs/1", body: "{}")
            #expect(none.status == .unsupportedMediaType)
        }
    }

    @Test(arguments: TestDatabase.protocolOnly)
    func bodyOverOneMebibyte_is413(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let big = "{\"title\":\"" + String(repeating: "x", count: 1_100_000) + "\"}"
            let response = try await server.request(.POST, "/api/v1/jobs", body: big, contentType: "application/json")
            #expect(response.status == .payloadTooLarge)
            #expect(try response.error.code == "PAYLOAD_TOO_LARGE")
        }
    }

    @Test(arguments: TestDatabase.protocolOnly)
    func unknownRoute_is404InTheEnvelope(database: TestDatabase) async throws {
        try await withServer(database) { server in
            for path in ["/api/v1/nothing", "/api/v2/jobs", "/api"] {
                let response = try await server.get(path)
                #expect(response.status == .notFound)
                #expect(try response.error.code == "NOT_FOUND")
            }
            // Outside the API, a page: WebPagesTests.errors_areErrorPagesForPages_andEnvelopesForTheAPI.
            #expect(try await server.get("/nothing/at/all").headers.contentType == .html)
        }
    }

    @Test func wrongMethodOnAConstantPath_is405_evenWhereAParameterRouteWouldMatch() async throws {
        try await withServer(.sqlite) { server in
            let response = try await server.request(.PUT, "/api/v1/jobs/import", json: ["url": "https://x.example"])
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers.first(name: .allow) == "POST")
            #expect(try await server.request(.PUT, "/api/v1/jobs/99999", json: ["title": "T"]).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.protocolOnly)
    func wrongMethod_is405WithAllow(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let response = try await server.request(.PATCH, "/api/v1/jobs/3")
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers.first(name: "Allow") == "DELETE, GET, PUT")
            #expect(try response.error.code == "METHOD_NOT_ALLOWED")
            let collection = try await server.request(.DELETE, "/api/v1/applications")
            #expect(collection.status == .methodNotAllowed)
            #expect(collection.headers.first(name: "Allow") == "GET, POST")
        }
    }

    @Test(arguments: TestDatabase.protocolOnly)
    func idThatIsNotAnInteger_is404(database: TestDatabase) async throws {
        try await withServer(database) { server in
            for id in ["abc", "0", "-1", "99999999999999999999", "1.5"] {
                let response = try await server.get("/api/v1/jobs/\(id)")
                #expect(response.status == .notFound, "\(id)")
                #expect(try response.error.code == "NOT_FOUND")
            }
        }
    }

    @Test(arguments: TestDatabase.protocolOnly)
    func requestID_isEchoedOrGenerated(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let echoed = try await server.request(.GET, "/api/v1/jobs", headers: [("X-Request-ID", "abc-123")])
            #expect(echoed.headers.first(name: "X-Request-ID") == "abc-123")

            let generated = try await server.get("/api/v1/nope")
            let id = try #require(generated.headers.first(name: "X-Request-ID"))
            #expect(UUID(uuidString: id) != nil)

            // A header that could forge log lines is replaced, not echoed.
            let hostile = try await server.request(.GET, "/health", headers: [("X-Request-ID", "a b\"c{}")])
            #expect(hostile.headers.first(name: "X-Request-ID").flatMap(UUID.init(uuidString:)) != nil)
        }
    }

    @Test(arguments: TestDatabase.protocolOnly)
    func badQuery_is400WithEveryProblem(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let response = try await server.get("/api/v1/jobs?page=0&page_size=101&sort=nope&is_active=maybe&posted_after=soon&salary_min=-5&remote=moon")
            #expect(response.status == .badRequest)
            let error = try response.error
            #expect(error.code == "BAD_REQUEST")
            #expect(error.details.count == 7)
            #expect(error.details.contains("page_size must be a whole number from 1 to 100"))
            #expect(error.details.contains("is_active must be true or false"))
            let applications = try await server.get("/api/v1/applications?status=hired")
            #expect(applications.status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.protocolOnly)
    func securityHeaders_onEveryResponse(database: TestDatabase) async throws {
        try await withServer(database) { server in
            for response in [
                try await server.get("/api/v1/jobs"),
                try await server.get("/api/v1/jobs/999"),
                try await server.get("/nowhere"),
                try await server.request(.POST, "/api/v1/jobs", body: "{", contentType: "application/json"),
                try await server.get("/health"),
            ] {
                let csp = try #require(response.headers.first(name: "Content-Security-Policy"))
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(csp.contains("script-src 'self'"))
                #expect(!csp.contains("unsafe-inline"))
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: "Referrer-Policy") == "no-referrer")
            }
        }
    }
}
