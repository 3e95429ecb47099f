import App
import CareerCopilotCore
import Foundation
import NIOHTTP1
import Testing

@Suite("Job list: filters, sort, pages")
struct JobListTests {
    static let jobs: [JSONValue] = [
        [
            "title": "Backend Engineer", "company": "Acme Corp", "location": "New York, NY", "remote": "onsite", "source": "greenhouse",
            "posted_at": "2025-10-01T00:00:00Z", "salary_min": 100000, "salary_max": 150000, "skills": ["Go", "PostgreSQL"],
            "description": "Build payment APIs in Go.",
        ],
        [
            "title": "Senior Backend Engineer", "company": "Acme Robotics", "location": "Berlin, Germany", "remote": "hybrid", "source": "lever",
            "posted_at": "2025-11-01T00:00:00Z", "salary_min": 80000, "skills": ["Swift"], "description": "Robots and Swift on the server.",
        ],
        [
            "title": "Data Scientist", "company": "Zeta Analytics", "location": "Remote (EU)", "remote": "remote", "source": "lever",
            "posted_at": "2025-09-01T00:00:00Z", "description": "Statistics, Python and <b>dashboards</b>.",
        ],
        [
            "title": "Frontend Developer", "company": "Beta Soft", "location": "New York, NY", "source": "manual",
            "is_active": false, "description": "React and TypeScript.",
        ],
    ]

    static func seed(_ server: TestServer) async throws {
        for job in jobs {
            let response = try await server.post("/api/v1/jobs", job)
            #expect(response.status == .created)
        }
    }

    static func titles(_ server: TestServer, _ query: String) async throws -> [String] {
        let response = try await server.get("/api/v1/jobs?\(query)")
        #expect(response.status == .ok, "\(query): \(response.text)")
        return try #require(try response.data["items"]?.arrayValue).compactMap { $0["title"]?.stringValue }
    }

    /// "c++" used to search for "c" (24 of 31 demo jobs), and a query of only an emoji listed
    /// every job. Skills written with signs search as themselves, on both databases.
    @Test(arguments: TestDatabase.all)
    func termsWithSigns_searchAsThemselves_andEmojiFindsNothing(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let jobs: [(String, String)] = [
                ("Game Engine Programmer", "Modern C++ and a little Lua."), ("Unity Developer", "Gameplay in C# with Unity."),
                ("Backend Developer", "Services on .NET 8 and Azure."), ("API Engineer", "Node.js services, CI/CD with GitHub Actions."),
                ("Firmware Engineer", "Embedded C on ARM microcontrollers."),
            ]
            for (title, description) in jobs {
                #expect(
                    try await server.post("/api/v1/jobs", ["title": .string(title), "company": "Acme", "description": .string(description)]).status == .created)
            }
            for (query, expected) in [
                ("c%2B%2B", ["Game Engine Programmer"]), ("C%23", ["Unity Developer"]), (".net", ["Backend Developer"]),
                ("node.js", ["API Engineer"]), ("ci%2Fcd", ["API Engineer"]), ("C%2B%2B%20lua", ["Game Engine Programmer"]),
                ("embedded%20c", ["Firmware Engineer"]),
            ] {
                #expect(try await Self.titles(server, "q=\(query)") == expected, "q=\(query)")
            }
            let emoji = try await server.get("/api/v1/jobs?q=%F0%9F%9A%80")
            #expect(try emoji.data["total"] == 0)
            #expect(try await Self.titles(server, "q=%F0%9F%9A%80").isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func filters_findExactlyTheMatchingJobs(database: TestDatabase) async throws {
        try await withServer(database) { server in
            try await Self.seed(server)
            #expect(try await Self.titles(server, "q=backend").sorted() == ["Backend Engineer", "Senior Backend Engineer"])
            #expect(try await Self.titles(server, "q=back%20senior") == ["Senior Backend Engineer"])
            #expect(try await Self.titles(server, "q=PAYMENT") == ["Backend Engineer"])
            #expect(try await Self.titles(server, "q=dashboards") == ["Data Scientist"])
            #expect(try await Self.titles(server, "q=%22%3B%20DROP%20TABLE%20jobs%3B--").isEmpty)
            #expect(try await Self.titles(server, "company=acme").sorted() == ["Backend Engineer", "Senior Backend Engineer"])
            #expect(try await Self.titles(server, "company=Acme%20Rob") == ["Senior Backend Engineer"])
            // As a browser's search form sends it: a space is "+", a plus sign "%2B".
            #expect(try await Self.titles(server, "company=Acme+Rob") == ["Senior Backend Engineer"])
            #expect(try await Self.titles(server, "remote=remote+,+hybrid").sorted() == ["Data Scientist", "Senior Backend Engineer"])
            #expect(try await Self.titles(server, "company=cme").isEmpty)
            #expect(try await Self.titles(server, "location=york").sorted() == ["Backend Engineer", "Frontend Developer"])
            #expect(try await Self.titles(server, "location=berlin") == ["Senior Backend Engineer"])
            #expect(try await Self.titles(server, "remote=remote,hybrid").sorted() == ["Data Scientist", "Senior Backend Engineer"])
            #expect(try await Self.titles(server, "source=lever").sorted() == ["Data Scientist", "Senior Backend Engineer"])
            #expect(try await Self.titles(server, "is_active=false") == ["Frontend Developer"])
            #expect(try await Self.titles(server, "posted_after=2025-10-01") == ["Senior Backend Engineer", "Backend Engineer"])
            #expect(try await Self.titles(server, "salary_min=120000") == ["Backend Engineer"])
            #expect(try await Self.titles(server, "salary_min=80000").sorted() == ["Backend Engineer", "Senior Backend Engineer"])
            #expect(try await Self.titles(server, "skill=postgresql") == ["Backend Engineer"])
            #expect(try await Self.titles(server, "q=engineer&location=berlin&remote=hybrid&skill=swift") == ["Senior Backend Engineer"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func sort_ordersWithMissingValuesLast(database: TestDatabase) async throws {
        try await withServer(database) { server in
            try await Self.seed(server)
            #expect(try await Self.titles(server, "") == ["Senior Backend Engineer", "Backend Engineer", "Data Scientist", "Frontend Developer"])
            #expect(try await Self.titles(server, "sort=posted_at") == ["Data Scientist", "Backend Engineer", "Senior Backend Engineer", "Frontend Developer"])
            #expect(try await Self.titles(server, "sort=title") == ["Backend Engineer", "Data Scientist", "Frontend Developer", "Senior Backend Engineer"])
            // Zeta Analytics, Beta Soft, Acme Robotics, Acme Corp.
            #expect(try await Self.titles(server, "sort=-company") == ["Data Scientist", "Frontend Developer", "Senior Backend Engineer", "Backend Engineer"])
            // Ties (no salary) are broken by id in the same direction.
            #expect(
                try await Self.titles(server, "sort=-salary_min") == ["Backend Engineer", "Senior Backend Engineer", "Frontend Developer", "Data Scientist"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func pages_coverTheListOnceWithTotal(database: TestDatabase) async throws {
        try await withServer(database) { server in
            try await Self.seed(server)
            let first = try await server.get("/api/v1/jobs?page_size=3&sort=title").data
            #expect(first["page"] == 1)
            #expect(first["page_size"] == 3)
            #expect(first["total"] == 4)
            #expect(first["items"]?.arrayValue?.count == 3)
            let second = try await server.get("/api/v1/jobs?page_size=3&page=2&sort=title").data
            #expect(second["items"]?.arrayValue?.compactMap { $0["title"]?.stringValue } == ["Senior Backend Engineer"])
            let beyond = try await server.get("/api/v1/jobs?page=9").data
            #expect(beyond["items"] == [])
            #expect(beyond["total"] == 4)
            let filtered = try await server.get("/api/v1/jobs?source=lever&page_size=1").data
            #expect(filtered["total"] == 2)
        }
    }
}

@Suite("Hidden companies")
struct BlocklistTests {
    @Test(arguments: TestDatabase.all)
    func hiddenCompanies_leaveOnlyTheirUsersLists(database: TestDatabase) async throws {
        try await withServer(database, adjust: { $0.singleUser = false }) { server in
            var sessions: [[(String, String)]] = []
            for email in ["ada@example.com", "bob@example.com"] {
                _ = try await server.post("/api/v1/auth/register", ["email": .string(email), "password": "long enough password", "full_name": "U"])
                let tokens = try await server.post("/api/v1/auth/login", ["email": .string(email), "password": "long enough password"]).data
                sessions.append([("Authorization", "Bearer \(try #require(tokens["access_token"]?.stringValue))")])
            }
            let (ada, bob) = (sessions[0], sessions[1])
            for company in ["Acme Recruiting", "Globex", "acme recruiting"] {
                _ = try await server.request(
                    .POST, "/api/v1/jobs", json: ["title": "Engineer", "company": .string(company), "is_private": false], headers: ada)
            }
            let hidden = try await server.request(.POST, "/api/v1/users/me/blocklist", json: ["company": "  ACME   Recruiting "], headers: ada)
            #expect(hidden.status == .created)
            #expect(try await server.request(.POST, "/api/v1/users/me/blocklist", json: ["company": "acme recruiting"], headers: ada).status == .conflict)
            #expect(try await server.request(.GET, "/api/v1/jobs", headers: ada).data["total"] == 1)
            #expect(try await server.request(.GET, "/api/v1/jobs?q=engineer", headers: ada).data["total"] == 1)
            #expect(try await server.request(.GET, "/api/v1/jobs", headers: bob).data["total"] == 3)
            let id = try #require(try hidden.data["id"]?.intValue)
            #expect(try await server.request(.DELETE, "/api/v1/users/me/blocklist/\(id)", headers: bob).status == .notFound)
            #expect(try await server.request(.DELETE, "/api/v1/users/me/blocklist/\(id)", headers: ada).status == .ok)
            #expect(try await server.request(.GET, "/api/v1/jobs", headers: ada).data["total"] == 3)
        }
    }
}
