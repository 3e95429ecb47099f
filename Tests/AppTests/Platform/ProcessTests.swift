import Foundation
import Testing

@testable import App

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The product as a user starts it: the real binary, its commands and its exit codes.
@Suite("The career-copilot command", .serialized)
struct ProcessTests {
    func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("cc-process-\(UUID().uuidString)").path
    }

    func get(_ port: Int, _ path: String) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        return ((response as! HTTPURLResponse).statusCode, String(decoding: data, as: UTF8.self))
    }

    @Test func help_listsTheCommands() throws {
        let (status, output) = try ServerProcess.run(["--help"])
        #expect(status == 0)
        #expect(output.contains("serve"))
        #expect(output.contains("migrate"))
    }

    @Test func invalidConfiguration_exitsNonZeroListingEveryProblem() throws {
        let (status, output) = try ServerProcess.run(["serve"], environment: ["PORT": "x", "LOG_FORMAT": "xml"])
        #expect(status == 2)
        #expect(output.contains("PORT must be"))
        #expect(output.contains("LOG_FORMAT must be"))
    }

    @Test func singleUserMode_refusesAPublicAddress() throws {
        for arguments in [["serve", "--hostname", "0.0.0.0"], ["--hostname", "0.0.0.0"]] {
            let (status, output) = try ServerProcess.run(arguments, environment: ["CC_SINGLE_USER": "1", "CC_DATA_DIR": temporaryDirectory()])
            #expect(status == 2, "\(arguments)")
            #expect(output.contains("loopback"))
        }
    }

    @Test func serve_createsTheDatabase_stopsGracefully_andKeepsData() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let first = try ServerProcess.serve(dataDirectory: directory)
        #expect(try await get(first.port, "/health").0 == 200)
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(first.port)/api/v1/jobs")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"title":"Survivor","company":"Restart Ltd"}"#.utf8)
        let (_, created) = try await URLSession.shared.data(for: request)
        #expect((created as! HTTPURLResponse).statusCode == 201)
        #expect(first.terminate() == 0)
        #expect(FileManager.default.fileExists(atPath: directory + "/career-copilot.sqlite"))

        let second = try ServerProcess.serve(dataDirectory: directory)
        let (status, body) = try await get(second.port, "/api/v1/jobs?q=survivor")
        #expect(status == 200)
        #expect(body.contains("Restart Ltd"))
        #expect(second.terminate() == 0)
    }

    /// An answered write survives the process being killed right after it.
    @Test func acceptedWrites_surviveKillNine() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try ServerProcess.serve(dataDirectory: directory)
        var ids: [Int] = []
        for index in 0..<20 {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(first.port)/api/v1/jobs")!)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(#"{"title":"Crash test \#(index)","company":"Durable"}"#.utf8)
            let (data, response) = try await URLSession.shared.data(for: request)
            #expect((response as! HTTPURLResponse).statusCode == 201)
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            ids.append(((object?["data"] as? [String: Any])?["id"] as? Int) ?? 0)
        }
        first.crash()

        let second = try ServerProcess.serve(dataDirectory: directory)
        for id in ids {
            #expect(try await get(second.port, "/api/v1/jobs/\(id)").0 == 200)
        }
        #expect(second.terminate() == 0)
    }

    @Test func migrate_appliesAndReverts() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let environment = ["CC_DATA_DIR": directory]
        let applied = try ServerProcess.run(["migrate"], environment: environment)
        #expect(applied.status == 0)
        #expect(applied.output.contains("Applied \(Migrations.all.count) migration(s)"))
        let again = try ServerProcess.run(["migrate"], environment: environment)
        #expect(again.output.contains("No new migrations."))
        let reverted = try ServerProcess.run(["migrate", "--revert", "--all"], environment: environment)
        #expect(reverted.status == 0)
        #expect(try ServerProcess.run(["migrate"], environment: environment).output.contains("Applied \(Migrations.all.count) migration(s)"))
    }

    @Test func jsonLogs_carryTheRequestID_andNeverTheBody() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try ServerProcess.serve(dataDirectory: directory, environment: ["LOG_FORMAT": "json"])
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(server.port)/api/v1/jobs")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("trace-me-42", forHTTPHeaderField: "X-Request-ID")
        request.httpBody = Data(#"{"title":"Top secret role","company":"hunter2-corp"}"#.utf8)
        _ = try await URLSession.shared.data(for: request)
        let (status, output) = server.terminateAndReadOutput()
        #expect(status == 0)
        let lines = output.split(separator: "\n").filter { !$0.isEmpty }
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["level"] != nil && object?["message"] != nil && object?["time"] != nil, "\(line)")
        }
        #expect(lines.contains { $0.contains("trace-me-42") && $0.contains("/api/v1/jobs") })
        #expect(!output.contains("hunter2"))
        #expect(!output.contains("Top secret"))
    }

    /// Only a bcrypt hash is stored; the password is in neither the database file nor the logs.
    @Test func passwords_neverReachTheDatabaseOrTheLogs() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try ServerProcess.serve(dataDirectory: directory, environment: ["LOG_LEVEL": "trace", "CC_SINGLE_USER": "0"])
        let password = "Unforgettable-Passphrase-9731"
        for (path, body) in [
            ("/api/v1/auth/register", #"{"email":"ada@example.com","password":"\#(password)","full_name":"Ada"}"#),
            ("/api/v1/auth/login", #"{"email":"ada@example.com","password":"\#(password)"}"#),
        ] {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(server.port)\(path)")!)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.utf8)
            let (_, response) = try await URLSession.shared.data(for: request)
            #expect([200, 201].contains((response as! HTTPURLResponse).statusCode))
        }
        let (status, output) = server.terminateAndReadOutput()
        #expect(status == 0)
        #expect(!output.contains(password))
        // The database file must be there and hold the account (else the check proves nothing);
        // its write-ahead log is read too when a stop left one.
        let database = try #require(FileManager.default.contents(atPath: directory + "/career-copilot.sqlite"))
        #expect(database.range(of: Data("ada@example.com".utf8)) != nil, "the account is stored in this file")
        let log = FileManager.default.contents(atPath: directory + "/career-copilot.sqlite-wal") ?? Data()
        for (file, data) in [("career-copilot.sqlite", database), ("career-copilot.sqlite-wal", log)] {
            #expect(data.range(of: Data(password.utf8)) == nil, "\(file) holds the password")
        }
        let secret = try #require(FileManager.default.attributesOfItem(atPath: directory + "/jwt-secret")[.posixPermissions] as? Int)
        #expect(secret == 0o600)
    }
}
