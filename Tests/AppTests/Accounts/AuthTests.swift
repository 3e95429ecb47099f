import CareerCopilotCore
import Fluent
import Foundation
import JWT
import SQLKit
import Testing
import Vapor

@testable import App

@Suite("Accounts and tokens")
struct AuthTests {
    /// A server that requires sign-in.
    func withAccounts(_ database: TestDatabase, _ body: (TestServer) async throws -> Void) async throws {
        try await withServer(database, adjust: { $0.singleUser = false }, body)
    }

    struct Session {
        let access: String
        let refresh: String
        var header: [(String, String)] { [("Authorization", "Bearer \(access)")] }
    }

    func register(_ server: TestServer, _ email: String, password: String = "correct horse battery") async throws -> JSONValue {
        let response = try await server.post("/api/v1/auth/register", ["email": .string(email), "password": .string(password), "full_name": "Test Person"])
        #expect(response.status == .created, "\(response.text)")
        return try response.data
    }

    func login(_ server: TestServer, _ email: String, password: String = "correct horse battery") async throws -> Session {
        let data = try await server.post("/api/v1/auth/login", ["email": .string(email), "password": .string(password)]).data
        #expect(data["token_type"] == "bearer")
        #expect(data["expires_in"] == 900)
        return Session(access: try #require(data["access_token"]?.stringValue), refresh: try #require(data["refresh_token"]?.stringValue))
    }

    @Test(arguments: TestDatabase.all)
    func register_firstIsAdmin_laterAreUsers_andNoHashLeaks(database: TestDatabase) async throws {
        try await withAccounts(database) { server in
            let first = try await register(server, "Ada@Example.com")
            #expect(first["id"] == 1)  // claims the single-user owner and its data
            #expect(first["email"] == "ada@example.com")
            #expect(first["role"] == "admin")
            #expect(first["password_hash"] == nil)
            let second = try await register(server, "bob@example.com")
            #expect(second["role"] == "user")
            let duplicate = try await server.post("/api/v1/auth/register", ["email": "ADA@example.com", "password": "another password", "full_name": "X"])
            #expect(duplicate.status == .conflict)
            let stored = try await User.query(on: server.app.db).filter(\.$email == "bob@example.com").first()
            #expect(stored?.passwordHash?.hasPrefix("$2") == true)
            #expect(stored?.passwordHash?.contains("correct horse") == false)
        }
    }

    @Test(arguments: TestDatabase.all)
    func register_validation(database: TestDatabase) async throws {
        try await withAccounts(database) { server in
            let cases: [(JSONValue, String)] = [
                (["email": "not-an-email", "password": "long enough", "full_name": "A"], "email must be an e-mail address such as name@example.com"),
                (["email": "a@example.com", "password": "short", "full_name": "A"], "password must be at least 8 characters"),
                (["email": "a@example.com", "password": "A@example.com", "full_name": "A"], "password must not be the e-mail address"),
                (["email": "a@example.com", "password": "long enough"], "full_name is required"),
            ]
            for (body, expected) in cases {
                let response = try await server.post("/api/v1/auth/register", body)
                #expect(response.status == .unprocessableEntity)
                #expect(try response.error.details == [expected])
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func login_failsTheSameForUnknownEmailAndWrongPassword(database: TestDatabase) async throws {
        try await withAccounts(database) { server in
            _ = try await register(server, "ada@example.com")
            let wrongPassword = try await server.post("/api/v1/auth/login", ["email": "ada@example.com", "password": "wrong password"])
            let unknown = try await server.post("/api/v1/auth/login", ["email": "nobody@example.com", "password": "wrong password"])
            #expect(wrongPassword.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            #expect(try wrongPassword.error.message == (try unknown.error.message))
        }
    }

    @Test(arguments: TestDatabase.all)
    func withoutSingleUserMode_theAPINeedsAToken(database: TestDatabase) async throws {
        try await withAccounts(database) { server in
            let anonymous = try await server.get("/api/v1/jobs")
            #expect(anonymous.status == .unauthorized)
            #expect(try anonymous.error.code == "UNAUTHORIZED")
            _ = try await register(server, "ada@example.com")
            let session = try await login(server, "ada@example.com")
            #expect(try await server.request(.GET, "/api/v1/jobs", headers: session.header).status == .ok)
            let me = try await server.request(.GET, "/api/v1/users/me", headers: session.header).data
            #expect(me["email"] == "ada@example.com")
        }
    }

    @Test(arguments: TestDatabase.all)
    func refresh_rotates_andASpentTokenRevokesTheFamily(database: TestDatabase) async throws {
        try await withServer(
            database,
            adjust: {
                $0.singleUser = false; $0.refreshReuseGrace = 0
            }
        ) { server in
            _ = try await register(server, "ada@example.com")
            let first = try await login(server, "ada@example.com")
            let rotated = try await server.post("/api/v1/auth/refresh", ["refresh_token": .string(first.refresh)])
            #expect(rotated.status == .ok)
            let second = try #require(try rotated.data["refresh_token"]?.stringValue)
            #expect(second != first.refresh)

            // The first token again: theft. It fails, and so does the family's newest token.
            let replay = try await server.post("/api/v1/auth/refresh", ["refresh_token": .string(first.refresh)])
            #expect(replay.status == .unauthorized)
            #expect(try await server.post("/api/v1/auth/refresh", ["refresh_token": .string(second)]).status == .unauthorized)
            // Another sign-in's family is untouched.
            let other = try await login(server, "ada@example.com")
            #expect(try await server.post("/api/v1/auth/refresh", ["refresh_token": .string(other.refresh)]).status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func twoRefreshesAtOnce_bothSucceed_butALateReplayRevokes(database: TestDatabase) async throws {
        let time = ShiftedTime()
        try await withServer(
            database,
            adjust: {
                $0.singleUser = false; $0.refreshReuseGrace = 2
            }, time: time
        ) { server in
            _ = try await register(server, "ada@example.com")
            let first = try await login(server, "ada@example.com")
            // Two pages of one browser refresh with the same token, at once.
            async let one = server.post("/api/v1/auth/refresh", ["refresh_token": .string(first.refresh)])
            async let two = server.post("/api/v1/auth/refresh", ["refresh_token": .string(first.refresh)])
            let answers = try await [one, two]
            #expect(answers.allSatisfy { $0.status == .ok }, "a race of one client is not a theft")
            let tokens = try answers.map { try #require($0.data["refresh_token"]?.stringValue) }
            #expect(Set(tokens).count == 2)

            // Past the grace period the same token is a replay: the family ends, both pairs too.
            time.advance(by: 2.5)
            #expect(try await server.post("/api/v1/auth/refresh", ["refresh_token": .string(first.refresh)]).status == .unauthorized)
            for token in tokens {
                #expect(try await server.post("/api/v1/auth/refresh", ["refresh_token": .string(token)]).status == .unauthorized)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func logout_revokesTheAccessTokenAndTheFamily(database: TestDatabase) async throws {
        try await withAccounts(database) { server in
            _ = try await register(server, "ada@example.com")
            let session = try await login(server, "ada@example.com")
            let out = try await server.request(.POST, "/api/v1/auth/logout", json: ["refresh_token": .string(session.refresh)], headers: session.header)
            #expect(out.status == .ok)
            #expect(try await server.request(.GET, "/api/v1/users/me", headers: session.header).status == .unauthorized)
            #expect(try await server.post("/api/v1/auth/refresh", ["refresh_token": .string(session.refresh)]).status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.all)
    func tokenAttacks_areRefused(database: TestDatabase) async throws {
        try await withAccounts(database) { server in
            _ = try await register(server, "ada@example.com")
            let session = try await login(server, "ada@example.com")
            let parts = session.access.split(separator: ".").map(String.init)

            // A flipped signature character.
            var signature = Array(parts[2])
            signature[4] = signature[4] == "A" ? "B" : "A"
            let tampered = [parts[0], parts[1], String(signature)].joined(separator: ".")
            // alg: none with the same claims and no signature.
            let noneHeader = Data(#"{"alg":"none","typ":"JWT"}"#.utf8).base64EncodedString()
                .replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            let algNone = "\(noneHeader).\(parts[1])."
            // Signed with our key, but expired.
            let now = Date()
            let expired = try await server.app.jwt.keys.sign(
                AuthToken(
                    sub: "1", jti: .init(value: UUID().uuidString), iat: .init(value: now.addingTimeInterval(-7200)),
                    exp: .init(value: now.addingTimeInterval(-3600)), typ: .access, fam: nil
                ))
            // Signed with another key.
            let foreignKeys = JWTKeyCollection()
            await foreignKeys.add(hmac: HMACKey(from: String(repeating: "k", count: 48)), digestAlgorithm: .sha256)
            let foreign = try await foreignKeys.sign(
                AuthToken(
                    sub: "1", jti: .init(value: UUID().uuidString), iat: .init(value: now),
                    exp: .init(value: now.addingTimeInterval(600)), typ: .access, fam: nil
                ))

            for token in [tampered, algNone, expired, foreign, session.refresh, "garbage", ""] {
                let response = try await server.request(.GET, "/api/v1/users/me", headers: [("Authorization", "Bearer \(token)")])
                #expect(response.status == .unauthorized, "\(token.prefix(20))")
            }
            // An access token is not a refresh token.
            #expect(try await server.post("/api/v1/auth/refresh", ["refresh_token": .string(session.access)]).status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.all)
    func tokenOfADeletedUser_isRefused(database: TestDatabase) async throws {
        try await withAccounts(database) { server in
            _ = try await register(server, "ada@example.com")
            _ = try await register(server, "bob@example.com")
            let session = try await login(server, "bob@example.com")
            try await User.query(on: server.app.db).filter(\.$email == "bob@example.com").delete()
            #expect(try await server.request(.GET, "/api/v1/users/me", headers: session.header).status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.all)
    func adminOnlyRoutes_andPrivacyBetweenUsers(database: TestDatabase) async throws {
        try await withAccounts(database) { server in
            _ = try await register(server, "ada@example.com")
            _ = try await register(server, "bob@example.com")
            let ada = try await login(server, "ada@example.com")
            let bob = try await login(server, "bob@example.com")
            #expect(try await server.request(.GET, "/api/v1/users", headers: ada.header).data["total"] == 2)
            let forbidden = try await server.request(.GET, "/api/v1/users", headers: bob.header)
            #expect(forbidden.status == .forbidden)

            let job = try await server.request(.POST, "/api/v1/jobs", json: ["title": "T", "company": "C", "is_private": false], headers: ada.header).data
            let jobID = try #require(job["id"]?.numberValue)
            let application = try await server.request(.POST, "/api/v1/applications", json: ["job_id": .number(jobID)], headers: ada.header).data
            let id = try #require(application["id"]?.intValue)
            for (method, path) in [
                (HTTPMethod.GET, "/api/v1/applications/\(id)"), (.GET, "/api/v1/applications/\(id)/timeline"), (.DELETE, "/api/v1/applications/\(id)"),
            ] {
                #expect(try await server.request(method, path, headers: bob.header).status == .notFound)
            }
            #expect(try await server.request(.GET, "/api/v1/applications", headers: bob.header).data["total"] == 0)
            // A shared job is everyone's to read, but only its creator or an admin changes it.
            #expect(try await server.request(.GET, "/api/v1/jobs/\(Int(jobID))", headers: bob.header).status == .ok)
            let change = try await server.request(.PUT, "/api/v1/jobs/\(Int(jobID))", json: ["title": "Mine now"], headers: bob.header)
            #expect(change.status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func passwordChange_endsEverySession(database: TestDatabase) async throws {
        try await withAccounts(database) { server in
            _ = try await register(server, "ada@example.com")
            let laptop = try await login(server, "ada@example.com")
            let phone = try await login(server, "ada@example.com")
            let wrong = try await server.request(
                .PUT, "/api/v1/users/me/password", json: ["current_password": "nope nope", "new_password": "a new passphrase"], headers: laptop.header)
            #expect(wrong.status == .forbidden)
            let changed = try await server.request(
                .PUT, "/api/v1/users/me/password", json: ["current_password": "correct horse battery", "new_password": "a new passphrase"],
                headers: laptop.header)
            #expect(changed.status == .ok)
            for session in [laptop, phone] {
                #expect(try await server.request(.GET, "/api/v1/users/me", headers: session.header).status == .unauthorized)
                #expect(try await server.post("/api/v1/auth/refresh", ["refresh_token": .string(session.refresh)]).status == .unauthorized)
            }
            #expect(try await server.post("/api/v1/auth/login", ["email": "ada@example.com", "password": "correct horse battery"]).status == .unauthorized)
            // At once: a sign-in within the second of the change is not refused with the old sessions.
            let fresh = try await login(server, "ada@example.com", password: "a new passphrase")
            #expect(try await server.request(.GET, "/api/v1/users/me", headers: fresh.header).status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func accountDeletion_removesEveryPrivateRow(database: TestDatabase) async throws {
        try await withAccounts(database) { server in
            _ = try await register(server, "ada@example.com")
            _ = try await register(server, "bob@example.com")
            let bob = try await login(server, "bob@example.com")
            let job = try await server.request(.POST, "/api/v1/jobs", json: ["title": "Bob's find", "company": "C", "is_private": false], headers: bob.header)
                .data
            let jobID = try #require(job["id"]?.numberValue)
            let privateJob = try #require(
                try await server.request(.POST, "/api/v1/jobs", json: ["title": "Bob's secret", "company": "C"], headers: bob.header).data["id"]?.intValue)
            #expect(
                try await server.request(.POST, "/api/v1/applications", json: ["job_id": .number(Double(privateJob))], headers: bob.header).status == .created)
            let application = try await server.request(
                .POST, "/api/v1/applications", json: ["job_id": .number(jobID), "status": "applied"], headers: bob.header)
            #expect(application.status == .created)

            // A row of every other private table: a hidden company, a skill, and what the
            // application's tasks write (a notification, statistics).
            #expect(
                try await server.request(.POST, "/api/v1/users/me/blocklist", json: ["company": "Initech"], headers: bob.header).status == .created)
            // A profile, whose refresh task stores match scores.
            #expect(
                try await server.request(.PUT, "/api/v1/profile", json: ["skills": [["name": "Go"]]], headers: bob.header).status == .ok)
            let bobID = try #require(try await server.request(.GET, "/api/v1/users/me", headers: bob.header).data["id"]?.intValue)
            let db = server.app.db
            try await db.sql.raw("INSERT INTO skills (name, slug) VALUES ('Bob skill', 'bob-skill')").run()
            try await db.sql.raw("INSERT INTO user_skills (user_id, skill_id) SELECT \(bind: bobID), id FROM skills WHERE slug = 'bob-skill'").run()
            try await TaskQueueTests.withWorkers(server) {
                try await TaskQueueTests.waitUntil {
                    try await TaskQueueTests.count(server, "SELECT count(*) AS count FROM tasks WHERE status <> 'succeeded'") == 0
                }
            }
            // Every table with a user_id column, read from the schema: a table added later is
            // checked without being named here, and fails until this test gives Bob a row in it.
            let tables = try await Self.tablesWithUserID(db)
            #expect(tables.count >= 7, "\(tables)")
            for table in tables {
                #expect(try await Self.rows(of: bobID, in: table, db) > 0, "Bob has no row in \(table): create one above")
            }

            let refused = try await server.request(.DELETE, "/api/v1/users/me", json: ["password": "wrong password"], headers: bob.header)
            #expect(refused.status == .forbidden)
            let deleted = try await server.request(.DELETE, "/api/v1/users/me", json: ["password": "correct horse battery"], headers: bob.header)
            #expect(deleted.status == .ok)

            #expect(try await User.query(on: db).filter(\.$email == "bob@example.com").count() == 0)
            for table in tables {
                #expect(try await Self.rows(of: bobID, in: table, db) == 0, "\(table) keeps Bob's rows")
            }
            #expect(try await ApplicationStatusChange.query(on: db).count() == 0)
            // His private job goes with him; the one he shared stays, without its creator.
            #expect(try await Job.find(privateJob, on: db) == nil)
            let kept = try await Job.find(Int(jobID), on: db)
            #expect(kept != nil)
            #expect(kept?.$creator.id == nil)
            #expect(try await server.request(.GET, "/api/v1/users/me", headers: bob.header).status == .unauthorized)
        }
    }

    /// The tables that hold a user's rows (a `user_id` column), as the database describes itself.
    static func tablesWithUserID(_ db: any Database) async throws -> [String] {
        let query: SQLQueryString =
            db.dialect == .sqlite
            ? "SELECT m.name AS name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name = 'user_id'"
            : "SELECT table_name AS name FROM information_schema.columns WHERE column_name = 'user_id' AND table_schema = current_schema()"
        return try await db.sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }.sorted()
    }

    static func rows(of userID: Int, in table: String, _ db: any Database) async throws -> Int {
        try await db.sql.raw("SELECT count(*) AS count FROM \(ident: table) WHERE user_id = \(bind: userID)").first()?.decode(column: "count", as: Int.self)
            ?? 0
    }

    @Test(arguments: TestDatabase.all)
    func failedLogins_areLimited_andReleased(database: TestDatabase) async throws {
        try await withAccounts(database) { server in
            _ = try await register(server, "ada@example.com")
            for _ in 0..<10 {
                let failure = try await server.post("/api/v1/auth/login", ["email": "ada@example.com", "password": "guess guess"])
                #expect(failure.status == .unauthorized)
            }
            let limited = try await server.post("/api/v1/auth/login", ["email": "ada@example.com", "password": "correct horse battery"])
            #expect(limited.status == .tooManyRequests)
            #expect(try limited.error.code == "RATE_LIMITED")
            let retryAfter = try #require(limited.headers.first(name: "Retry-After").flatMap(Int.init))
            #expect(retryAfter > 0 && retryAfter <= 900)
            // What a person reads: minutes, not "768 seconds".
            let message = try limited.error.message
            #expect(message.contains("try again in \((retryAfter + 59) / 60) minute"), "\(message)")

            // Fifteen minutes later (the attempts moved back in time), the right password works.
            try await server.app.db.sql.update("rate_limit_events")
                .set("created_at", to: SQLBind(Date().addingTimeInterval(-16 * 60))).run()
            _ = try await login(server, "ada@example.com")
        }
    }

    @Test(arguments: TestDatabase.all)
    func browserSessions_useHttpOnlyCookies_andCSRFTokens(database: TestDatabase) async throws {
        try await withAccounts(database) { server in
            _ = try await register(server, "ada@example.com")
            let login = try await server.post("/api/v1/auth/login", ["email": "ada@example.com", "password": "correct horse battery", "cookies": true])
            #expect(login.status == .ok)
            let setCookies = login.headers[.setCookie]
            let access = try #require(setCookies.first { $0.hasPrefix("cc_access=") })
            #expect(access.contains("HttpOnly"))
            #expect(access.contains("SameSite=Lax"))
            #expect(!access.contains("Secure"))  // plain HTTP here; Secure behind HTTPS
            #expect(setCookies.first { $0.hasPrefix("cc_refresh=") }?.contains("HttpOnly") == true)
            let csrfCookie = try #require(setCookies.first { $0.hasPrefix("cc_csrf=") })
            #expect(!csrfCookie.contains("HttpOnly"))

            func value(_ cookie: String) -> String { String(cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1)[1]) }
            let cookieHeader = ("Cookie", "cc_access=\(value(access)); cc_csrf=\(value(csrfCookie))")

            #expect(try await server.request(.GET, "/api/v1/users/me", headers: [cookieHeader]).status == .ok)
            // An unsafe request carried by cookies alone (what another site can trigger) is refused.
            let forged = try await server.request(.POST, "/api/v1/jobs", json: ["title": "T", "company": "C"], headers: [cookieHeader])
            #expect(forged.status == .forbidden)
            let wrong = try await server.request(
                .POST, "/api/v1/jobs", json: ["title": "T", "company": "C"], headers: [cookieHeader, ("X-CSRF-Token", "guess")])
            #expect(wrong.status == .forbidden)
            let genuine = try await server.request(
                .POST, "/api/v1/jobs", json: ["title": "T", "company": "C"], headers: [cookieHeader, ("X-CSRF-Token", value(csrfCookie))])
            #expect(genuine.status == .created)

            let out = try await server.request(.POST, "/api/v1/auth/logout", headers: [cookieHeader, ("X-CSRF-Token", value(csrfCookie))])
            #expect(out.status == .ok)
            #expect(out.headers[.setCookie].contains { $0.hasPrefix("cc_access=;") || $0.hasPrefix("cc_access=\"\"") || $0.contains("cc_access=;") })
            #expect(try await server.request(.GET, "/api/v1/users/me", headers: [cookieHeader]).status == .unauthorized)
        }
    }
}
