import CareerCopilotCore
import CareerCopilotWeb
import Fluent
import FluentSQLiteDriver
import Foundation
import JobSources
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor

@testable import App

/// The attacks of the hardening report, each replayed against a real server: one request
/// that used to end the process, two that froze it, races in accounts, and jobs the wrong
/// person could rewrite. Each test failed before its fix.
@Suite("Hardening")
struct HardeningTests {
    static func accounts(_ config: inout AppConfiguration) {
        config.singleUser = false
        // bcrypt's cheapest cost: the tests prove limits and races, not the hash's strength.
        config.passwordHashCost = 4
    }

    struct Account {
        let id: Int
        let header: [(String, String)]
    }

    /// A request sent again while the server answers 503 (busy, as `Retry-After` invites),
    /// as a client would: bursts on two shared cores meet busy answers, and what the tests
    /// count is the final one.
    static func persistent(_ send: @Sendable () async throws -> TestResponse) async throws -> TestResponse {
        var response = try await send()
        for _ in 0..<50 where response.status == .serviceUnavailable {
            try await Task.sleep(for: .milliseconds(200))
            response = try await send()
        }
        return response
    }

    static func account(_ server: TestServer, _ email: String, password: String = "correct horse battery") async throws -> Account {
        let registered = try await server.post("/api/v1/auth/register", ["email": .string(email), "password": .string(password), "full_name": "Test Person"])
        #expect(registered.status == .created, "\(registered.text)")
        let tokens = try await server.post("/api/v1/auth/login", ["email": .string(email), "password": .string(password)]).data
        return Account(
            id: try #require(try registered.data["id"]?.intValue),
            header: [("Authorization", "Bearer \(try #require(tokens["access_token"]?.stringValue))")]
        )
    }

    // MARK: The process dies

    @Test(arguments: TestDatabase.all)
    func anIntegerPastInt64_isRefused_andTheServerLivesOn(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let job = try await server.post("/api/v1/jobs", ["title": "Backend Engineer", "company": "Acme"]).data
            let application = try await server.post("/api/v1/applications", ["job_id": job["id"] ?? .null]).data
            for body in [#"{"job_id": 9223372036854775808}"#, #"{"job_id": -9223372036854775809}"#, #"{"job_id": 1e300}"#] {
                let created = try await server.request(.POST, "/api/v1/applications", body: body, contentType: "application/json")
                #expect(created.status == .unprocessableEntity, "\(body): \(created.text)")
            }
            let changed = try await server.request(
                .PUT, "/api/v1/applications/\(application["id"]?.intValue ?? 0)", body: #"{"job_id": 9223372036854775808}"#, contentType: "application/json")
            #expect(changed.status == .unprocessableEntity || changed.status == .badRequest)
            for path in [
                "/api/v1/jobs?page=9223372036854775808", "/api/v1/jobs?page_size=99999999999999999999", "/api/v1/jobs?salary_min=1e400",
                "/api/v1/applications?job_id=9223372036854775808",
            ] {
                let listed = try await server.get(path)
                #expect(listed.status == .badRequest, "\(path)")
            }
            #expect(try await server.get("/health").status == .ok, "still serving")
        }
    }

    @Test(arguments: TestDatabase.all)
    func datesFromAnywhere_stayInARange_thatListsCanWrite(database: TestDatabase) async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(database, adjust: DiscoveryTests.allowPrivate) { server in
            // Arbeitnow (unix seconds), RemoteOK (epoch), Lever (milliseconds): far, infinite, NaN.
            board.serve(
                "/api/job-board-api",
                .init(
                    body: #"""
                        {"data": [
                          {"slug": "far", "company_name": "Far Ltd", "title": "Far Engineer", "url": "https://jobs.example.com/far", "created_at": 1e300, "location": "Berlin", "description": "x"},
                          {"slug": "text", "company_name": "Far Ltd", "title": "Text Engineer", "url": "https://jobs.example.com/text", "created_at": "inf", "location": "Berlin", "description": "x"},
                          {"slug": "ok", "company_name": "Far Ltd", "title": "Sane Engineer", "url": "https://jobs.example.com/ok", "created_at": 1764000000, "location": "Berlin", "description": "x"}
                        ], "links": {"next": null}}
                        """#))
            board.serve(
                "/api",
                .init(
                    body:
                        #"[{"legal": "notice"}, {"id": "7", "position": "Remote Engineer", "company": "Epoch Inc", "epoch": 1e300, "url": "https://remoteok.example/7"}, {"id": "8", "position": "Remote Engineer II", "company": "Epoch Inc", "date": "9999-12-31T23:59:60Z", "url": "https://remoteok.example/8"}]"#
                ))
            board.serve(
                "/v0/postings/far",
                .init(
                    body:
                        #"[{"id": "l1", "text": "Lever Engineer", "categories": {"location": "Paris"}, "hostedUrl": "https://jobs.lever.example/l1", "createdAt": 1e300, "descriptionPlain": "x"}]"#
                ))
            for (name, type, identifier) in [("Arbeitnow", "arbeitnow", ""), ("RemoteOK", "remoteok", ""), ("Lever", "lever", "far")] {
                let source = try await DiscoveryTests.addSource(
                    server, ["name": .string(name), "type": .string(type), "identifier": .string(identifier), "base_url": .string(board.baseURL)])
                let report = try await DiscoveryTests.runner(server).run(source)
                #expect(report.error == nil && report.counts.new >= 1, "\(name): \(report)")
            }
            let jobs = try await server.get("/api/v1/jobs?page_size=100").data["items"]?.arrayValue ?? []
            #expect(jobs.count == 6)
            let dated = jobs.filter { $0["posted_at"] != .null }
            #expect(dated.map { $0["title"] } == ["Sane Engineer"], "only the plausible date is kept")
            #expect(try await server.get(SiteURL.jobs.path).status == .ok)

            // A date past the last representable second is refused, not stored as year 0000.
            let refused = try await server.post("/api/v1/jobs", ["title": "T", "company": "C", "posted_at": "9999-12-31T23:59:60Z"])
            #expect(refused.status == .unprocessableEntity)
            if database == .sqlite {
                // A row stored before dates were checked still lists, and its page still renders.
                let id = try #require(jobs.first?["id"]?.intValue)
                try await server.app.db.sql.raw("UPDATE jobs SET posted_at = 1e300 WHERE id = \(bind: id)").run()
                let listed = try await server.get("/api/v1/jobs?sort=-posted_at")
                #expect(listed.status == .ok)
                #expect(try listed.data["items"]?.arrayValue?.first?["posted_at"] == "9999-12-31T23:59:59Z")
                #expect(try await server.get(SiteURL.job(id).path).status == .ok)
                #expect(try await server.get("/").status == .ok)
            }
        }
    }

    // MARK: The process freezes

    @Test func dnsThatNeverAnswers_blocksNothing_andFailsClearly() async throws {
        // Lookups that hang until the test lets them go: no timing in the test.
        let started = ManagedCounter()
        let release = DispatchSemaphore(value: 0)
        let hanging = HostResolver(
            timeout: .seconds(120),
            lookup: { _ in
                started.increment()
                release.wait()
                return []
            })
        try await withServer(.sqlite, resolver: hanging) { server in
            let finished = ManagedCounter()
            async let imports: [TestResponse] = withThrowingTaskGroup(of: TestResponse.self) { group in
                for index in 0..<4 {
                    group.addTask {
                        defer { finished.increment() }
                        return try await server.post("/api/v1/jobs/import", ["url": .string("https://silent-dns-\(index).example/jobs/1")])
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            try await TaskQueueTests.waitUntil { started.value == 4 }
            // While four lookups hang, the server answers: none of them holds a thread that
            // requests need (getaddrinfo on the cooperative pool froze /health for 20 s).
            for _ in 0..<3 {
                #expect(try await server.get("/health").status == .ok)
                #expect(try await server.get("/api/v1/jobs").status == .ok)
            }
            #expect(finished.value == 0, "the server answered while every lookup still hung")
            for _ in 0..<4 { release.signal() }
            for response in try await imports {
                #expect(response.status == .unprocessableEntity)
                #expect(try response.error.details.contains { $0.contains("could not be resolved") })
            }
        }
        // The deadline: a lookup that never answers fails the import clearly, after it.
        let silent = HostResolver(
            timeout: .milliseconds(300),
            lookup: { _ in
                Thread.sleep(forTimeInterval: 3)
                return []
            })
        try await withServer(.sqlite, resolver: silent) { server in
            let response = try await server.post("/api/v1/jobs/import", ["url": "https://silent-dns.example/jobs/1"])
            #expect(response.status == .unprocessableEntity)
            #expect(try response.error.details.contains { $0.contains("no DNS answer") })
        }
    }

    @Test func aHostThatDoesNotResolve_orRefuses_isAFieldError() async throws {
        try await withServer(.sqlite, adjust: DiscoveryTests.allowPrivate, resolver: HostResolver(timeout: .seconds(2), lookup: { _ in [] })) { server in
            let unresolved = try await server.post("/api/v1/jobs/import", ["url": "https://no-such-host.example/jobs/1"])
            #expect(unresolved.status == .unprocessableEntity)
            #expect(try unresolved.error.details.contains { $0.contains("could not be resolved") })
        }
        try await withServer(.sqlite, adjust: DiscoveryTests.allowPrivate, resolver: HostResolver(timeout: .seconds(2))) { server in
            let refused = try await server.post("/api/v1/jobs/import", ["url": "http://127.0.0.1:1/jobs/1"])
            #expect(refused.status == .unprocessableEntity, "\(refused.text)")
        }
        try await withServer(.sqlite) { server in
            // IPv4 inside IPv6 in every form is still loopback.
            for host in ["[::127.0.0.1]", "[::ffff:0:127.0.0.1]", "[64:ff9b::127.0.0.1]", "[::ffff:127.0.0.1]"] {
                let response = try await server.post("/api/v1/jobs/import", ["url": .string("http://\(host):9/jobs/1")])
                #expect(response.status == .unprocessableEntity, "\(host): \(response.text)")
                #expect(try response.error.details.contains { $0.contains("private or local address") }, "\(host)")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func passwordHashing_neverStarvesTheDatabase(database: TestDatabase) async throws {
        try await withServer(
            database,
            adjust: {
                Self.accounts(&$0)
                $0.passwordHashCost = 10
                $0.passwordHashCapacity = 2
            }
        ) { server in
            let owner = try await Self.account(server, "owner@example.com")
            let job = try await server.request(.POST, "/api/v1/jobs", json: ["title": "Backend Engineer", "company": "Acme"], headers: owner.header).data
            // Password checks that no rate limit stops: 40 wrong current passwords at once.
            let results = try await withThrowingTaskGroup(of: (HTTPStatus, String?, Bool).self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        let response = try await server.request(
                            .PUT, "/api/v1/users/me/password", json: ["current_password": "wrong guess", "new_password": "another long passphrase"],
                            headers: owner.header)
                        return (response.status, response.headers.first(name: "Retry-After"), false)
                    }
                }
                group.addTask {
                    let response = try await server.request(.GET, "/api/v1/jobs/\(job["id"]?.intValue ?? 0)", headers: owner.header)
                    return (response.status, nil, true)
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.first { $0.2 }?.0 == .ok, "another request's read succeeded during the burst")
            let statuses = results.filter { !$0.2 }
            #expect(statuses.allSatisfy { $0.0 == .forbidden || $0.0 == .serviceUnavailable }, "\(statuses.map(\.0))")
            #expect(statuses.contains { $0.0 == .serviceUnavailable }, "past the queue's capacity, checks are refused, not queued for ever")
            for (status, retryAfter, _) in statuses where status == .serviceUnavailable {
                #expect(retryAfter != nil, "a refusal says when to come back")
            }
        }
    }

    // MARK: Races and integrity

    @Test(arguments: TestDatabase.all)
    func rateLimits_holdExactly_underABurst(database: TestDatabase) async throws {
        try await withServer(database, adjust: Self.accounts) { server in
            _ = try await Self.account(server, "ada@example.com")
            let logins = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<24 {
                    group.addTask {
                        try await Self.persistent { try await server.post("/api/v1/auth/login", ["email": "ada@example.com", "password": "wrong password"]) }
                            .status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(logins.filter { $0 == .unauthorized }.count == 10, "exactly the limit of passwords was checked")
            #expect(logins.filter { $0 == .tooManyRequests }.count == 14)
            let right = try await server.post("/api/v1/auth/login", ["email": "ada@example.com", "password": "correct horse battery"])
            #expect(right.status == .tooManyRequests, "while limited, even the right password is refused")
            let message = try right.error.message
            #expect(message.contains("minute"), "\(message)")

            let signUps = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try await Self.persistent {
                            try await server.post(
                                "/api/v1/auth/register",
                                ["email": .string("new\(index)@example.com"), "password": "a long passphrase", "full_name": "New Person"])
                        }.status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // The first account above counted once already.
            #expect(signUps.filter { $0 == .created }.count == 9, "\(signUps)")
            #expect(signUps.filter { $0 == .tooManyRequests }.count == 11)
        }
    }

    @Test(arguments: TestDatabase.all)
    func simultaneousFirstSignUps_makeExactlyOneAdmin_andOverwriteNobody(database: TestDatabase) async throws {
        for _ in 0..<3 {
            try await withServer(database, adjust: Self.accounts) { server in
                let created = try await withThrowingTaskGroup(of: JSONValue?.self) { group in
                    for index in 0..<5 {
                        group.addTask {
                            let response = try await Self.persistent {
                                try await server.post(
                                    "/api/v1/auth/register",
                                    ["email": .string("first\(index)@example.com"), "password": "a long passphrase", "full_name": "First Person"])
                            }
                            // `Optional.none`, not `nil`: JSONValue takes `nil` as its null.
                            return response.status == .created ? try response.data : Optional<JSONValue>.none
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }.compactMap { $0 }
                #expect(created.count == 5)
                #expect(
                    Set(created.compactMap { $0["id"]?.intValue }).count == 5,
                    "five accounts, none overwritten: \(created.map { "\($0["id"] ?? .null) \($0["email"] ?? .null)" })")
                #expect(created.filter { $0["role"] == "admin" }.count == 1)
                #expect(created.filter { $0["id"] == 1 }.count == 1, "one of them claimed the owner")
                for index in 0..<5 {
                    let login = try await server.post("/api/v1/auth/login", ["email": .string("first\(index)@example.com"), "password": "a long passphrase"])
                    #expect(login.status == .ok, "every account can sign in")
                }
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func anImport_neverRewritesAJobItsImporterMayNotEdit(database: TestDatabase) async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(
            database,
            adjust: {
                Self.accounts(&$0)
                $0.allowPrivateNetwork = true
            }
        ) { server in
            let admin = try await Self.account(server, "admin@example.com")
            let mallory = try await Self.account(server, "mallory@example.com")
            // A job of the shared catalogue, from a careers page the admin imported.
            board.serve("/careers/7", .init(body: Self.page(title: "Platform Engineer", url: board.baseURL + "/careers/7"), contentType: "text/html"))
            let original = try await server.request(.POST, "/api/v1/jobs/import", json: ["url": .string(board.baseURL + "/careers/7")], headers: admin.header)
                .data
            let id = try #require(original["id"]?.intValue)
            #expect(original["is_private"] == true, "an import is its importer's")
            #expect(try await server.request(.PUT, "/api/v1/jobs/\(id)", json: ["title": "Phished"], headers: mallory.header).status == .notFound)
            #expect(try await server.request(.PUT, "/api/v1/jobs/\(id)", json: ["is_private": false], headers: admin.header).data["is_private"] == false)
            #expect(try await server.request(.PUT, "/api/v1/jobs/\(id)", json: ["title": "Phished"], headers: mallory.header).status == .forbidden)

            // Mallory's own page names that job's URL, with her own text and apply link.
            board.serve(
                "/mallory",
                .init(
                    body: Self.page(title: "Send your password here", url: board.baseURL + "/careers/7", apply: "https://phish.example/apply"),
                    contentType: "text/html"))
            let imported = try await server.request(.POST, "/api/v1/jobs/import", json: ["url": .string(board.baseURL + "/mallory")], headers: mallory.header)
            #expect(imported.status == .ok || imported.status == .created)
            let after = try await server.request(.GET, "/api/v1/jobs/\(id)", headers: admin.header).data
            #expect(after["title"] == "Platform Engineer" && after["url"] == original["url"] && after["description"] == original["description"])
            #expect(after["sources"]?.arrayValue?.count == original["sources"]?.arrayValue?.count, "no link of hers was added to it")

            // A board's ids are not hers to claim.
            let claimed = try await server.request(
                .POST, "/api/v1/jobs", json: ["title": "Support Engineer", "company": "Trade Desk", "source": "greenhouse", "external_id": "1001"],
                headers: mallory.header)
            #expect(claimed.status == .unprocessableEntity)
            #expect(try claimed.error.details.contains { $0.contains("kept for jobs that discovery brings in") })

            // An admin's job with a board's id is adopted by the board's run, and leaves its creator.
            let adopted = try await server.request(
                .POST, "/api/v1/jobs", json: ["title": "Support Engineer", "company": "Trade Desk", "source": "greenhouse", "external_id": "50"],
                headers: admin.header
            ).data
            board.serve("/v1/boards/adopt/jobs", .init(body: DiscoveryTests.greenhouse([(id: 50, title: "Support Engineer", city: "Denver, CO")])))
            let sourceID = try #require(
                try await server.request(
                    .POST, "/api/v1/sources", json: ["name": "Adopt", "type": "greenhouse", "identifier": "adopt", "base_url": .string(board.baseURL)],
                    headers: admin.header
                ).data["id"]?.intValue)
            let source = try #require(try await SourceRecord.find(sourceID, on: server.app.db))
            #expect(try await DiscoveryTests.runner(server).run(source).counts.updated == 1)
            let row = try await server.app.db.sql.raw("SELECT created_by, private_to FROM jobs WHERE id = \(bind: adopted["id"]?.intValue ?? 0)").first()
            #expect(try row?.decode(column: "created_by", as: Int?.self) == nil)
            #expect(try row?.decode(column: "private_to", as: Int?.self) == nil, "the board lists it for everyone: it joined the catalogue")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aBurstOfImports_storesEachPostingOnce(database: TestDatabase) async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(database, adjust: DiscoveryTests.allowPrivate) { server in
            for index in 0..<4 {
                board.serve(
                    "/careers/\(index)", .init(body: Self.page(title: "Role \(index)", url: board.baseURL + "/careers/\(index)"), contentType: "text/html"))
            }
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for attempt in 0..<24 {
                    group.addTask {
                        try await Self.persistent { try await server.post("/api/v1/jobs/import", ["url": .string(board.baseURL + "/careers/\(attempt % 4)")]) }
                            .status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .created || $0 == .ok }, "\(statuses)")
            #expect(statuses.filter { $0 == .created }.count <= 4)
            let titles = try await server.get("/api/v1/jobs?page_size=100&sort=title").data["items"]?.arrayValue?.compactMap { $0["title"]?.stringValue } ?? []
            #expect(titles == ["Role 0", "Role 1", "Role 2", "Role 3"], "each posting once")
        }
    }

    static func page(title: String, url: String, apply: String? = nil) -> String {
        #"""
        <html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "JobPosting", "title": "\#(title)", "url": "\#(apply ?? url)", "identifier": "\#(url)",
         "hiringOrganization": {"@type": "Organization", "name": "Acme"}, "description": "<p>\#(title)</p>", "datePosted": "2025-11-20"}
        </script></head><body></body></html>
        """#
    }

    @Test func operatorKeys_goOnlyToTheirServicesOwnHost() async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(
            .sqlite,
            adjust: {
                $0.allowPrivateNetwork = true
                $0.sourceCredentials = SourceCredentials([
                    "CC_ADZUNA_APP_ID": "app-123", "CC_ADZUNA_APP_KEY": "secret-adzuna-key", "CC_USAJOBS_API_KEY": "secret-usajobs-key",
                    "CC_USAJOBS_EMAIL": "me@example.com",
                ])
            }
        ) { server in
            for (type, identifier) in [("adzuna", "country=gb&what=swift"), ("usajobs", "Keyword=swift")] {
                let refused = try await server.post(
                    "/api/v1/sources", ["name": .string(type), "type": .string(type), "identifier": .string(identifier), "base_url": .string(board.baseURL)])
                #expect(refused.status == .unprocessableEntity)
                #expect(try refused.error.details.contains { $0.contains("CC_SOURCE_KEY_HOSTS") })
            }
            // A source stored before this rule (or by hand) fails its run without a request.
            try await server.app.db.sql.raw(
                """
                INSERT INTO sources (name, kind, identifier, base_url, schedule, enabled, created_at, updated_at)
                VALUES ('Old Adzuna', 'adzuna', 'country=gb&what=swift', \(bind: board.baseURL), '@daily', \(bind: true), \(bind: Date()), \(bind: Date()))
                """
            ).run()
            let stored = try #require(try await SourceRecord.all(on: server.app.db).first { $0.name == "Old Adzuna" })
            let report = try await DiscoveryTests.runner(server).run(stored)
            #expect(report.error?.contains("CC_SOURCE_KEY_HOSTS") == true)
            #expect(board.hitCount("/v1/api/jobs/gb/search/1") == 0, "no request, so no key, went to that host")

            // The task of such a run fails with the source's error, rather than "succeeding".
            let queue = TaskQueue(database: server.app.db)
            _ = try await queue.enqueue(DiscoveryRunHandler.request(sourceID: stored.id, userID: nil))
            let claimed = try #require(try await queue.claim(worker: "test", queues: ["default"], limit: 1, lease: 30).first)
            let handler = DiscoveryRunHandler(fetcher: server.services.fetcher, counts: nil, policy: server.services.dedupPolicy)
            let context = TaskContext(task: claimed, payload: claimed.payloadValue, database: server.app.db, logger: server.app.logger)
            let error = await #expect(throws: PermanentTaskError.self) { try await handler.run(context) }
            #expect(error?.description.contains("CC_SOURCE_KEY_HOSTS") == true)
        }
    }

    @Test func singleUserMode_answersOnlyItsOwnHost_andItsOwnPages() async throws {
        try await withServer(.sqlite, adjust: { $0.allowedHosts = ["copilot.lan"] }) { server in
            let rebinding = try await server.request(.GET, "/api/v1/jobs", headers: [("Host", "attacker.example")])
            #expect(rebinding.status == .forbidden)
            #expect(try rebinding.error.code == "FORBIDDEN")
            #expect(try await server.request(.GET, "/", headers: [("Host", "attacker.example:8000")]).status == .forbidden)
            for host in ["localhost:\(server.port)", "127.0.0.1", "[::1]:\(server.port)", "copilot.lan:8000"] {
                #expect(try await server.request(.GET, "/api/v1/jobs", headers: [("Host", host)]).status == .ok, "\(host)")
            }
            let crossSite = try await server.request(
                .POST, "/api/v1/jobs", json: ["title": "T", "company": "C"], headers: [("Origin", "https://evil.example")])
            #expect(crossSite.status == .forbidden)
            #expect(
                try await server.request(
                    .POST, "/api/v1/jobs", json: ["title": "T", "company": "C"], headers: [("Origin", "null"), ("Sec-Fetch-Site", "cross-site")]
                ).status == .forbidden)
            #expect(
                try await server.request(.POST, "/api/v1/jobs", json: ["title": "T", "company": "C"], headers: [("Origin", "https://127.0.0.1.evil.example")])
                    .status == .forbidden)
            #expect(
                try await server.request(.POST, "/api/v1/jobs", json: ["title": "T", "company": "C"], headers: [("Sec-Fetch-Site", "cross-site")]).status
                    == .forbidden)
            #expect(
                try await server.request(.POST, "/api/v1/jobs", json: ["title": "T", "company": "C"], headers: [("Origin", "http://127.0.0.1:\(server.port)")])
                    .status == .created)
            #expect(try await server.post("/api/v1/jobs", ["title": "T2", "company": "C"]).status == .created, "clients without Origin (curl) still work")
            // Our own pages send no referrer, so their forms come with `Origin: null`.
            #expect(
                try await server.request(
                    .POST, "/api/v1/jobs", json: ["title": "T3", "company": "C"], headers: [("Origin", "null"), ("Sec-Fetch-Site", "same-origin")]
                ).status == .created)
            #expect(try await server.get("/api/v1/jobs").data["total"] == 3)
        }
    }

    @Test(arguments: TestDatabase.all)
    func accountEdges_sameSecondTokens_enumerationAndReturnPaths(database: TestDatabase) async throws {
        try await withServer(database, adjust: Self.accounts) { server in
            var session = try await Self.account(server, "ada@example.com").header
            var password = "correct horse battery"
            for round in 0..<3 {
                let new = "a new passphrase \(round)"
                let changed = try await server.request(
                    .PUT, "/api/v1/users/me/password", json: ["current_password": .string(password), "new_password": .string(new)], headers: session)
                #expect(changed.status == .ok, "\(changed.text)")
                password = new
                // A sign-in in the same second as the change gives tokens that work at once.
                let tokens = try await server.post("/api/v1/auth/login", ["email": "ada@example.com", "password": .string(password)]).data
                session = [("Authorization", "Bearer \(try #require(tokens["access_token"]?.stringValue))")]
                #expect(try await server.request(.GET, "/api/v1/users/me", headers: session).status == .ok, "round \(round)")
                let refreshed = try await server.post("/api/v1/auth/refresh", ["refresh_token": tokens["refresh_token"] ?? .null]).data
                let renewed = try #require(refreshed["access_token"]?.stringValue)
                #expect(try await server.request(.GET, "/api/v1/users/me", headers: [("Authorization", "Bearer \(renewed)")]).status == .ok)
            }
            // The return address after sign-in stays on this site, whatever the browser strips.
            for next in ["/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "/\n/evil.example"] {
                let page = try await server.get("/login?next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
                #expect(page.status == .ok)
                #expect(!page.text.contains("evil.example"), "\(next.debugDescription) is not kept as the return address")
            }
            #expect(try await server.get("/login?next=%2Fapplications%2F3").text.contains("/applications/3"))
        }
        // A taken e-mail costs the same hash as a new one: it is hashed before it is looked up
        // (with no hashing capacity, both are refused alike, and neither is told apart).
        try await withServer(
            database,
            adjust: {
                Self.accounts(&$0)
                $0.passwordHashCapacity = 0
            }
        ) { server in
            try await server.app.db.sql.raw("UPDATE users SET email = 'taken@example.com', password_hash = 'x' WHERE id = 1").run()
            let taken = try await server.post("/api/v1/auth/register", ["email": "taken@example.com", "password": "a long passphrase", "full_name": "Taken"])
            let fresh = try await server.post("/api/v1/auth/register", ["email": "fresh@example.com", "password": "a long passphrase", "full_name": "Fresh"])
            #expect(taken.status == .serviceUnavailable && fresh.status == .serviceUnavailable)
        }
    }

    // MARK: Wrong statuses

    @Test(arguments: TestDatabase.all)
    func nulBytes_areRefusedInQueries_andRemovedFromImports(database: TestDatabase) async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(database, adjust: DiscoveryTests.allowPrivate) { server in
            for query in ["company=%00", "skill=a%00b", "source=%00", "q=%00", "location=x%00"] {
                #expect(try await server.get("/api/v1/jobs?\(query)").status == .badRequest, "\(query)")
                #expect(try await server.get("/jobs?\(query)").status.code < 500, "the page too: \(query)")
            }
            board.serve("/nul", .init(body: Self.page(title: "Nul\\u0000 Engineer", url: board.baseURL + "/nul"), contentType: "text/html"))
            let imported = try await server.post("/api/v1/jobs/import", ["url": .string(board.baseURL + "/nul")])
            #expect(imported.status == .created, "\(imported.text)")
            #expect(try imported.data["title"] == "Nul Engineer")
        }
    }

    @Test func anUnreachablePostgreSQL_answers503_notA500() async throws {
        // A PostgreSQL URL where nothing listens: no server is needed to prove this.
        let server = try await TestServer.start(
            .sqlite, migrate: false,
            adjust: { config in
                config.database = .postgres(url: "postgres://postgres@127.0.0.1:1/nowhere")
            })
        defer { Task { try? await server.stop() } }
        let response = try await server.get("/api/v1/jobs")
        #expect(response.status == .serviceUnavailable, "\(response.text)")
        #expect(try response.error.code == "SERVICE_UNAVAILABLE")
        #expect(response.headers.first(name: "Retry-After") != nil)
        #expect(try await server.get("/health").status == .serviceUnavailable)
    }

    @Test func aDatabaseThatTakesNoWrites_saysSo_onHealthAndOnEveryChange() async throws {
        try await withServer(.sqlite) { server in
            // `query_only` makes SQLite refuse writes as a read-only file does (as root, file
            // permissions would not stop us).
            for loop in server.app.eventLoopGroup.makeIterator() {
                guard let database = server.app.databases.database(.sqlite, logger: server.app.logger, on: loop) else { continue }
                try await database.sql.raw("PRAGMA query_only = ON").run()
            }
            let created = try await server.post("/api/v1/jobs", ["title": "T", "company": "C"])
            #expect(created.status == .serviceUnavailable)
            #expect(try created.error.message.contains("cannot be written"))
            let health = try await server.get("/health")
            #expect(health.status == .ok)
            #expect(try health.json["status"] == "degraded" && health.json["database"]?["writable"] == false)
            #expect(try await server.get("/api/v1/jobs").status == .ok, "reads still work")
        }
    }

    @Test(arguments: TestDatabase.all)
    func everyUser_readsTheSources_onlyAdminsChangeThem(database: TestDatabase) async throws {
        try await withServer(database, adjust: Self.accounts) { server in
            let admin = try await Self.account(server, "admin@example.com")
            let user = try await Self.account(server, "user@example.com")
            let created = try await server.request(
                .POST, "/api/v1/sources", json: ["name": "Stripe", "type": "greenhouse", "identifier": "stripe"], headers: admin.header
            ).data
            let id = created["id"]?.intValue ?? 0
            #expect(try await server.request(.GET, "/api/v1/sources", headers: user.header).data["total"] == 1)
            #expect(try await server.request(.GET, "/api/v1/sources/\(id)", headers: user.header).data["name"] == "Stripe")
            #expect(
                try await server.request(.POST, "/api/v1/sources", json: ["name": "X", "type": "greenhouse", "identifier": "x"], headers: user.header).status
                    == .forbidden)
            #expect(try await server.request(.PUT, "/api/v1/sources/\(id)", json: ["enabled": false], headers: user.header).status == .forbidden)
            #expect(try await server.request(.POST, "/api/v1/sources/\(id)/run", headers: user.header).status == .forbidden)
        }
    }
}

/// A thread-safe count, for tests that watch concurrent work.
final class ManagedCounter: Sendable {
    private let box = NIOLockedValueBox(0)
    func increment() { box.withLockedValue { $0 += 1 } }
    var value: Int { box.withLockedValue { $0 } }
}
