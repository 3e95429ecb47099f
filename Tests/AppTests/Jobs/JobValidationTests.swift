import CareerCopilotCore
import Foundation
import NIOHTTP1
import Testing

@Suite("Job validation over HTTP")
struct JobValidationTests {
    /// A body and the one detail line it must produce.
    static let cases: [(JSONValue, String)] = [
        (["company": "C"], "title is required"),
        (["title": "   ", "company": "C"], "title is required"),
        (["title": nil, "company": "C"], "title is required"),
        (["title": 5, "company": "C"], "title must be a string, not a number"),
        (["title": .string(String(repeating: "x", count: 301)), "company": "C"], "title must be at most 300 characters"),
        (["title": "T"], "company is required"),
        (["title": "T", "company": "C", "url": "ftp://example.com/x"], "url must be an absolute http or https URL"),
        (["title": "T", "company": "C", "url": "not a url"], "url must be an absolute http or https URL"),
        (["title": "T", "company": "C", "remote": "moon"], "remote must be one of: onsite, hybrid, remote"),
        (
            ["title": "T", "company": "C", "employment_type": "slavery"],
            "employment_type must be one of: full_time, part_time, contract, temporary, internship, volunteer, other"
        ),
        (["title": "T", "company": "C", "salary_min": -1], "salary_min must be between 0 and 1000000000"),
        (["title": "T", "company": "C", "salary_min": "lots"], "salary_min must be a number, not a string"),
        (["title": "T", "company": "C", "salary_min": 10, "salary_max": 5], "salary_max must be greater than or equal to salary_min"),
        (["title": "T", "company": "C", "salary_currency": "EURO"], "salary_currency must be a three-letter ISO 4217 code such as USD or EUR"),
        (["title": "T", "company": "C", "remote": ""], "remote must be one of: onsite, hybrid, remote"),
        (["title": "T", "company": "C", "posted_at": " "], "posted_at must be an ISO 8601 date or date-time, e.g. 2025-11-07T10:00:00Z"),
        (["title": "T", "company": "C", "url": "https://user:pw@example.com/"], "url must be an absolute http or https URL"),
        (["title": "T", "company": "C", "salary_currency": "E1"], "salary_currency must be a three-letter ISO 4217 code such as USD or EUR"),
        (["title": "T", "company": "C", "salary_period": "decade"], "salary_period must be one of: year, month, week, day, hour"),
        (["title": "T", "company": "C", "posted_at": "yesterday"], "posted_at must be an ISO 8601 date or date-time, e.g. 2025-11-07T10:00:00Z"),
        (["title": "T", "company": "C", "posted_at": "2025-02-30"], "posted_at must be an ISO 8601 date or date-time, e.g. 2025-11-07T10:00:00Z"),
        (["title": "T", "company": "C", "is_active": "yes"], "is_active must be true or false, not a string"),
        (
            ["title": "T", "company": "C", "source": "Bad Source!"],
            "source must be lowercase letters, digits, '-', '_' or '.', starting with a letter or digit"
        ),
        (["title": "T", "company": "C", "skills": "Swift"], "skills must be an array of strings, not a string"),
        (["title": "T", "company": "C", "skills": [1]], "skills[0] must be a string, not a number"),
        (["title": "T\u{0007}", "company": "C"], "title must not contain control characters"),
        (["title": "T", "company": "C", "skills": ["a\u{0001}"]], "skills[0] must not contain control characters"),
        (["title": "T", "company": "C", "skills": nil], "skills cannot be empty or null"),
        (["title": "T", "company": "C", "is_active": nil], "is_active cannot be empty or null"),
        (["title": "T", "company": "C", "remote": "Remote"], "remote must be one of: onsite, hybrid, remote"),
    ]

    @Test(arguments: TestDatabase.protocolOnly)
    func everyRule_answers422WithItsLine(database: TestDatabase) async throws {
        try await withServer(database) { server in
            for (body, expected) in Self.cases {
                let response = try await server.post("/api/v1/jobs", body)
                #expect(response.status == .unprocessableEntity, "\(body)")
                let error = try response.error
                #expect(error.code == "VALIDATION_ERROR")
                #expect(error.details == [expected], "\(body)")
            }
            // Nothing invalid was stored.
            #expect(try await server.get("/api/v1/jobs").data["total"] == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func update_mayNotClearRequiredFields(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let id = try #require(try await server.post("/api/v1/jobs", ["title": "T", "company": "C"]).data["id"]?.intValue)
            let response = try await server.put("/api/v1/jobs/\(id)", ["title": nil, "company": "  "])
            #expect(response.status == .unprocessableEntity)
            #expect(try response.error.details == ["title cannot be empty or null", "company cannot be empty or null"])
        }
    }

    @Test(arguments: TestDatabase.protocolOnly)
    func severalProblems_areAllReported(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let response = try await server.post("/api/v1/jobs", ["title": 1, "url": "x", "remote": "?"])
            #expect(
                try response.error.details == [
                    "title must be a string, not a number",
                    "company is required",
                    "url must be an absolute http or https URL",
                    "remote must be one of: onsite, hybrid, remote",
                ])
        }
    }
}
