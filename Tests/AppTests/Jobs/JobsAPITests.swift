import CareerCopilotCore
import Foundation
import NIOHTTP1
import Testing

@Suite("Jobs API")
struct JobsAPITests {
    static let fullJob: JSONValue = [
        "title": "  Senior   Backend Engineer ",
        "company": "Acme Corp",
        "location": "Berlin, Germany",
        "source": "greenhouse",
        "external_id": "4012",
        "url": "https://boards.example.com/acme/jobs/4012",
        "description": "<p>Build <b>APIs</b>.</p><ul><li>Swift</li><li>PostgreSQL</li></ul>",
        "remote": "hybrid",
        "employment_type": "full_time",
        "salary_min": 70000,
        "salary_max": 90000,
        "salary_currency": "eur",
        "salary_period": "year",
        "posted_at": "2025-11-25T20:49:51-05:00",
        "skills": ["Swift", "PostgreSQL", "swift"],
    ]

    @Test(arguments: TestDatabase.all)
    func create_normalisesAndReturnsEveryField(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let response = try await server.post("/api/v1/jobs", Self.fullJob)
            #expect(response.status == .created)
            let job = try response.data
            #expect(job["title"] == "Senior Backend Engineer")
            #expect(job["company"] == "Acme Corp")
            #expect(job["salary_currency"] == "EUR")
            #expect(job["posted_at"] == "2025-11-26T01:49:51Z")
            #expect(job["remote"] == "hybrid")
            #expect(job["is_active"] == true)
            #expect(job["skills"] == ["PostgreSQL", "Swift"])
            #expect(job["description"] == "<p>Build <b>APIs</b>.</p><ul><li>Swift</li><li>PostgreSQL</li></ul>")
            #expect(job["description_text"] == "Build APIs.\n\n- Swift\n- PostgreSQL")
            #expect(job["inactive_since"]?.isNull == true)
            #expect(job["scraped_at"]?.stringValue != nil)
            let id = try #require(job["id"]?.intValue)

            let fetched = try await server.get("/api/v1/jobs/\(id)")
            #expect(fetched.status == .ok)
            #expect(try fetched.data == job)
        }
    }

    @Test(arguments: TestDatabase.all)
    func update_changesOnlyFieldsSent_andNullClears(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let id = try #require(try await server.post("/api/v1/jobs", Self.fullJob).data["id"]?.intValue)
            let response = try await server.put("/api/v1/jobs/\(id)", ["location": nil, "title": "Staff Engineer", "skills": ["Go"], "is_active": false])
            #expect(response.status == .ok)
            let job = try response.data
            #expect(job["title"] == "Staff Engineer")
            #expect(job["location"]?.isNull == true)
            #expect(job["company"] == "Acme Corp")
            #expect(job["salary_min"] == 70000)
            #expect(job["skills"] == ["Go"])
            #expect(job["is_active"] == false)
            #expect(job["inactive_since"]?.stringValue != nil)

            // The cross-field rule holds against the stored values too.
            let invalid = try await server.put("/api/v1/jobs/\(id)", ["salary_max": 100])
            #expect(invalid.status == .unprocessableEntity)
            #expect(try invalid.error.details == ["salary_max must be greater than or equal to salary_min"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func delete_removesTheJob(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let id = try #require(try await server.post("/api/v1/jobs", ["title": "A", "company": "B"]).data["id"]?.intValue)
            let deleted = try await server.delete("/api/v1/jobs/\(id)")
            #expect(deleted.status == .ok)
            #expect(try deleted.data == ["id": .number(Double(id))])
            let missing = try await server.get("/api/v1/jobs/\(id)")
            #expect(missing.status == .notFound)
            #expect(try missing.error.code == "NOT_FOUND")
            #expect(try await server.delete("/api/v1/jobs/\(id)").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func delete_ofTrackedJob_isRefused(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let id = try #require(try await server.post("/api/v1/jobs", ["title": "A", "company": "B"]).data["id"]?.intValue)
            #expect(try await server.post("/api/v1/applications", ["job_id": .number(Double(id))]).status == .created)
            let refused = try await server.delete("/api/v1/jobs/\(id)")
            #expect(refused.status == .conflict)
            #expect(try refused.error.code == "CONFLICT")
            #expect(try await server.get("/api/v1/jobs/\(id)").status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func sameSourceAndExternalID_conflicts(database: TestDatabase) async throws {
        try await withServer(database) { server in
            #expect(try await server.post("/api/v1/jobs", Self.fullJob).status == .created)
            let duplicate = try await server.post("/api/v1/jobs", Self.fullJob)
            #expect(duplicate.status == .conflict)
            #expect(try duplicate.error.code == "CONFLICT")
            // Another source may use the same external id.
            var other = Self.fullJob
            if case var .object(fields) = other { fields["source"] = "lever"; other = .object(fields) }
            #expect(try await server.post("/api/v1/jobs", other).status == .created)
        }
    }

    @Test(arguments: TestDatabase.all)
    func description_isSanitised(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let hostile =
                #"<p onclick="steal()">Hi<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">click</a><a href="https://ok.example/x">ok</a></p><iframe src="https://evil"></iframe><style>body{}</style>"#
            let job = try await server.post("/api/v1/jobs", ["title": "T", "company": "C", "description": .string(hostile)]).data
            let html = try #require(job["description"]?.stringValue)
            #expect(html == #"<p>Hiclick<a href="https://ok.example/x" rel="nofollow noopener noreferrer">ok</a></p>"#)
            #expect(job["description_text"] == "Hiclickok")
        }
    }

    /// Lists are written by `JSONWriter`, single jobs by `JSONEncoder`: the JSON is the same.
    @Test(arguments: TestDatabase.all)
    func listItems_equalTheSingleJob(database: TestDatabase) async throws {
        try await withServer(database) { server in
            var tricky = Self.fullJob
            if case var .object(fields) = tricky {
                fields["description"] = "Quotes \" and \\ backslash\n\ttab, émoji 🚀, \u{2028} separator, </script>"
                fields["salary_min"] = 70000.5
                fields["location"] = nil
                tricky = .object(fields)
            }
            let single = try await server.post("/api/v1/jobs", tricky).data
            _ = try await server.post("/api/v1/jobs", ["title": "Bare", "company": "Minimal"]).data
            let items = try #require(try await server.get("/api/v1/jobs?sort=id").data["items"]?.arrayValue)
            #expect(items.count == 2)
            #expect(items[0] == single)
            let bare = try #require(items[1]["id"]?.intValue)
            #expect(items[1] == (try await server.get("/api/v1/jobs/\(bare)").data))
            #expect(items[1]["posted_at"]?.isNull == true)
            #expect(items[1]["skills"] == [])
        }
    }
}
