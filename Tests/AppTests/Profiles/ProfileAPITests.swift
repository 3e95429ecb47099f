import CareerCopilotCore
import Foundation
import NIOHTTP1
import SQLKit
import Testing
import Vapor

@testable import App

@Suite("Profile API")
struct ProfileAPITests {
    static let resume: JSONValue = [
        "basics": [
            "name": "Ada Lovelace", "email": "ada@example.org", "label": "Backend engineer",
            "location": ["city": "London", "countryCode": "GB"],
            "profiles": [["network": "GitHub", "url": "https://github.com/ada", "username": "ada"]],
            "x_pronouns": "she/her",
        ],
        "work": [
            [
                "name": "Analytical Engines", "position": "Senior Backend Engineer", "startDate": "2019-03",
                "highlights": ["Built the billing service in Go and PostgreSQL"], "x_team": "Payments",
            ]
        ],
        "skills": [["name": "Go", "level": "Expert", "years": 6], ["name": "PostgreSQL", "keywords": ["SQL"]]],
        "volunteer": [["organization": "Code Club", "position": "Mentor"]],
        "x_custom": ["anything": [1, 2, 3]],
        "preferences": ["target_titles": ["Backend Engineer"], "remote": ["remote", "hybrid"], "min_salary": 90000, "salary_currency": "EUR"],
    ]

    /// A multipart/form-data body with one file field.
    static func multipart(_ data: Data, filename: String, field: String = "file") -> (body: Data, contentType: String) {
        let boundary = "cc-test-\(UUID().uuidString)"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\n".utf8)
        body += Data("Content-Type: application/octet-stream\r\n\r\n".utf8)
        body += data + Data("\r\n--\(boundary)--\r\n".utf8)
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    static func upload(_ server: TestServer, _ data: Data, filename: String, headers: [(String, String)] = []) async throws -> TestResponse {
        let (body, type) = multipart(data, filename: filename)
        return try await server.request(.POST, "/api/v1/profile/import", bytes: body, contentType: type, headers: headers)
    }

    static func upload(_ server: TestServer, _ text: String, filename: String, headers: [(String, String)] = []) async throws -> TestResponse {
        try await upload(server, Data(text.utf8), filename: filename, headers: headers)
    }

    /// No profile: nothing but the (empty) hidden companies.
    static let empty: JSONValue = ["preferences": ["company_blocklist": []]]

    @Test(arguments: TestDatabase.all)
    func put_thenGet_keepsEveryField_andUnknownOnes(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let empty = try await server.get("/api/v1/profile")
            #expect(empty.status == .ok)
            #expect(try empty.data == Self.empty)

            let saved = try await server.put("/api/v1/profile", Self.resume)
            #expect(saved.status == .ok, "\(saved.text)")
            let read = try await server.get("/api/v1/profile").data
            #expect(read["basics"]?["x_pronouns"] == "she/her", "an unknown member of a known section is kept")
            #expect(read["work"]?[0]?["x_team"] == "Payments")
            #expect(read["x_custom"]?["anything"] == [1, 2, 3])
            #expect(read["volunteer"]?[0]?["organization"] == "Code Club")
            #expect(read["skills"]?[0]?["years"] == 6)
            #expect(read["preferences"]?["remote"] == ["remote", "hybrid"])
            #expect(read["preferences"]?["company_blocklist"] == [], "the hidden companies are part of the preferences")
        }
    }

    @Test(arguments: TestDatabase.all)
    func badDocuments_areRefusedWithEveryProblem_andChangeNothing(database: TestDatabase) async throws {
        try await withServer(database) { server in
            _ = try await server.put("/api/v1/profile", Self.resume)
            let bad: JSONValue = [
                "basics": ["name": 7], "work": [["startDate": "March 2020"]], "skills": "Go",
                "preferences": ["remote": ["sometimes"], "min_salary": -5, "hard_filters": ["vibes"]],
            ]
            let refused = try await server.put("/api/v1/profile", bad)
            #expect(refused.status == .unprocessableEntity)
            let details = "\(try refused.json)"
            for field in ["basics.name", "work[0].startDate", "skills", "preferences.remote[0]", "preferences.min_salary", "preferences.hard_filters[0]"] {
                #expect(details.contains(field), "\(field) is named in \(details)")
            }
            #expect(try await server.put("/api/v1/profile", ["a", "b"]).status == .unprocessableEntity)
            #expect(try await server.get("/api/v1/profile").data["basics"]?["name"] == "Ada Lovelace", "nothing was changed")
        }
    }

    @Test(arguments: [TestDatabase.sqlite])
    func staleIfMatch_isRefused(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let first = try await server.put("/api/v1/profile", Self.resume)
            let etag = try #require(first.headers.first(name: .eTag))
            var changed = Self.resume
            if case var .object(members) = changed {
                members["basics"] = ["name": "Ada King"]
                changed = .object(members)
            }
            let second = try await server.request(.PUT, "/api/v1/profile", json: changed, headers: [("If-Match", etag)])
            #expect(second.status == .ok)
            let stale = try await server.request(.PUT, "/api/v1/profile", json: Self.resume, headers: [("If-Match", etag)])
            #expect(stale.status == .conflict || stale.status == .preconditionFailed)
            #expect(try await server.get("/api/v1/profile").data["basics"]?["name"] == "Ada King")
        }
    }

    @Test(arguments: TestDatabase.all)
    func companyBlocklist_isTheHiddenCompanies_bothWays(database: TestDatabase) async throws {
        try await withServer(database) { server in
            _ = try await server.post("/api/v1/users/me/blocklist", ["company": "Initech"])
            var document = Self.resume
            if case var .object(members) = document, case var .object(preferences) = members["preferences"] {
                preferences["company_blocklist"] = ["Globex", "Umbrella Corp"]
                members["preferences"] = .object(preferences)
                document = .object(members)
            }
            _ = try await server.put("/api/v1/profile", document)
            let hidden = try #require(try await server.get("/api/v1/users/me/blocklist").data.arrayValue).compactMap { $0["company"]?.stringValue }
            #expect(hidden.sorted() == ["Globex", "Umbrella Corp"], "Initech is shown again; the two are hidden")
            _ = try await server.post("/api/v1/users/me/blocklist", ["company": "Hooli"])
            let preferences = try await server.get("/api/v1/profile").data["preferences"]
            #expect(preferences?["company_blocklist"] == ["Globex", "Hooli", "Umbrella Corp"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func theProfile_isPrivate(database: TestDatabase) async throws {
        try await withServer(database) { server in
            // Two accounts (a request without a token acts as the first).
            let owner = try await server.session("ada@example.org")
            let other = try await server.session("grace@example.org")
            #expect(try await server.request(.PUT, "/api/v1/profile", json: Self.resume, headers: owner).status == .ok)
            let theirs = try await server.request(.GET, "/api/v1/profile", headers: other)
            #expect(try theirs.data == Self.empty, "another user starts with their own, empty profile")
            _ = try await server.request(.PUT, "/api/v1/profile", json: ["basics": ["name": "Grace Hopper"]], headers: other)
            #expect(try await server.request(.GET, "/api/v1/profile", headers: owner).data["basics"]?["name"] == "Ada Lovelace")
            let export = try await server.request(.GET, "/api/v1/profile/export?format=json-resume", headers: other)
            #expect(!export.text.contains("Ada"))
        }
    }

    @Test(arguments: [TestDatabase.sqlite])
    func import_answersADraft_andSavesNothing(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let text = """
                Grace Hopper
                grace@example.org · +1 555 010 2030 · github.com/grace

                EXPERIENCE
                Senior Software Engineer, Remington Rand — Philadelphia, PA
                Jan 2019 – Present
                • Led the compiler team; moved builds to k8s
                • Cut query times with Postgres indexes

                EDUCATION
                Yale University
                Ph.D. in Mathematics, 1930 – 1934

                SKILLS
                Go, Postgres, COBOL
                """
            let response = try await Self.upload(server, text, filename: "grace.txt")
            #expect(response.status == .ok, "\(response.text)")
            let draft = try response.data
            #expect(draft["format"] == "text")
            #expect(draft["profile"]?["basics"]?["name"] == "Grace Hopper")
            #expect(draft["profile"]?["basics"]?["email"] == "grace@example.org")
            #expect(draft["profile"]?["work"]?[0]?["position"] == "Senior Software Engineer")
            #expect(draft["profile"]?["work"]?[0]?["name"] == "Remington Rand")
            #expect(draft["profile"]?["work"]?[0]?["startDate"] == "2019-01")
            #expect(draft["profile"]?["education"]?[0]?["institution"] == "Yale University")
            let skills = draft["profile"]?["skills"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(skills.contains("PostgreSQL") && skills.contains("Kubernetes") && skills.contains("Go"), "\(skills)")
            #expect(draft["confidence"]?["basics.email"]?.numberValue ?? 0 > 0.9)
            #expect(try await server.get("/api/v1/profile").data == Self.empty, "an import saves nothing")
        }
    }

    @Test(arguments: [TestDatabase.sqlite])
    func badFiles_getAClearError(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let png = try await Self.upload(server, Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]), filename: "resume.pdf")
            #expect(png.status == .unprocessableEntity)
            #expect(png.text.contains("PNG image"), "\(png.text)")
            let empty = try await Self.upload(server, "", filename: "resume.txt")
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.text.contains("empty"))
            let notJSON = try await Self.upload(server, "{\"basics\": ", filename: "resume.json")
            #expect(notJSON.status == .unprocessableEntity)
            let noFile = try await server.request(.POST, "/api/v1/profile/import", body: "x=1", contentType: "application/x-www-form-urlencoded")
            #expect(noFile.status == .unsupportedMediaType)
            let tooLarge = try await Self.upload(server, String(repeating: "Engineer at Acme\n", count: 400_000), filename: "big.txt")
            #expect(tooLarge.status == .payloadTooLarge || tooLarge.status == .unprocessableEntity, "\(tooLarge.status)")
        }
    }

    @Test(arguments: [TestDatabase.sqlite])
    func jsonResume_roundTrips_throughImportSaveAndExport(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let file = String(decoding: try JSONEncoder().encode(Self.resume), as: UTF8.self)
            let draft = try await Self.upload(server, file, filename: "resume.json").data
            #expect(draft["format"] == "json-resume")
            let document = try #require(draft["profile"])
            #expect(try await server.put("/api/v1/profile", document).status == .ok)
            let export = try await server.get("/api/v1/profile/export?format=json-resume")
            #expect(export.status == .ok)
            #expect(export.headers.first(name: "Content-Disposition")?.contains("attachment") == true)
            let again = try await Self.upload(server, export.text, filename: "resume.json").data
            var exported = try #require(again["profile"])
            if case var .object(members) = exported {
                members["$schema"] = nil
                if case var .object(preferences) = members["preferences"] {
                    preferences["company_blocklist"] = nil
                    members["preferences"] = .object(preferences)
                }
                exported = .object(members)
            }
            #expect(exported == Self.resume, "export, then import again, gives the same profile")
            #expect(try await server.get("/api/v1/profile/export?format=pdf").status == .badRequest)
        }
    }
}
