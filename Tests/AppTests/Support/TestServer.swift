import CareerCopilotCore
import Fluent
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOFoundationCompat
import SQLKit
import Testing
import Vapor

@testable import App

/// A real Career Copilot server on a free loopback port, on a fresh database (a temporary
/// SQLite file, or a PostgreSQL database of its own), talked to over real HTTP. The database
/// starts migrated, copied from `MigratedTemplates`.
final class TestServer: @unchecked Sendable {
    let app: Application
    /// What the server's handlers and background work use.
    let services: AppServices
    let port: Int
    let database: TestDatabase
    let location: Location

    /// Where a server's data lives; pass it to `start` again to restart on the same data.
    struct Location: Sendable {
        let dataDirectory: String
        /// The server's own database on the tests' PostgreSQL server (its tables in the schema
        /// `MigratedTemplates.postgresSchema`).
        let postgresDatabase: String?

        var postgresURL: String? { get throws { try postgresDatabase.map { try MigratedTemplates.postgresURL(database: $0) } } }
    }

    static func start(
        _ database: TestDatabase, at location: Location? = nil, migrate: Bool = true,
        adjust: (inout AppConfiguration) -> Void = { _ in }, resolver: HostResolver = HostResolver(), time: any TimeSource = SystemTime()
    ) async throws -> TestServer {
        TestLogging.bootstrapOnce()
        if database == .postgres, TestDatabase.postgresURL == nil { throw TestServerError.postgresUnavailable }
        let fresh = location == nil
        let location =
            location
            ?? Location(
                dataDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("cc-test-\(UUID().uuidString)").path,
                postgresDatabase: database == .postgres ? "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20) : nil
            )
        if fresh {
            switch (database, location.postgresDatabase) {
            case (.sqlite, _) where migrate: try await MigratedTemplates.shared.copySQLite(into: location.dataDirectory)
            case let (.postgres, name?) where migrate: try await MigratedTemplates.shared.clonePostgres(named: name)
            case let (.postgres, name?): try await MigratedTemplates.shared.createEmptyPostgres(named: name)
            default: break
            }
        }
        var config = AppConfiguration(dataDirectory: location.dataDirectory, port: 0, logLevel: .error)
        // bcrypt's cheapest cost: tests prove rules, not the hash's strength (a test of the
        // hash's limits sets its own).
        config.passwordHashCost = 4
        if let url = try location.postgresURL {
            config.database = .postgres(url: url)
            config.databaseSchema = MigratedTemplates.postgresSchema
            config.databasePoolSize = 2
        }
        adjust(&config)
        let app = try await Application.make(.testing)
        do {
            // The client of the tests' requests, which is also the one source fetches use.
            // Burst tests send dozens of requests at once while the whole suite shares two
            // cores: enough connections, and time to wait for one, that the client is never
            // what fails. It follows no redirect: tests look at them themselves.
            app.http.client.configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
            app.http.client.configuration.timeout = .init(connect: .seconds(60))
            let services = AppServices(configuration: config, application: app, hostResolver: resolver, time: time)
            try await configure(app, services)
            if migrate {
                if location.postgresDatabase != nil {
                    try await app.db.sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: MigratedTemplates.postgresSchema)").run()
                }
                // Nothing to do on a copy of the template but to see that: a few reads.
                try await app.autoMigrate()
            }
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            guard let port = app.http.server.shared.localAddress?.port else { throw TestServerError.noPort }
            return TestServer(app: app, services: services, port: port, database: database, location: location)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    private init(app: Application, services: AppServices, port: Int, database: TestDatabase, location: Location) {
        self.app = app
        self.services = services
        self.port = port
        self.database = database
        self.location = location
    }

    /// Stops the server; keeps its data for a restart.
    func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }

    /// Stops the server and removes its data.
    func destroy() async throws {
        try await stop()
        if let name = location.postgresDatabase {
            try? await MigratedTemplates.shared.dropPostgres(named: name)
        }
        try? FileManager.default.removeItem(atPath: location.dataDirectory)
    }

    // MARK: HTTP

    func request(
        _ method: HTTPMethod, _ path: String, json: JSONValue? = nil, body: String? = nil, bytes: Data? = nil,
        contentType: String? = nil, headers: [(String, String)] = []
    ) async throws -> TestResponse {
        var httpHeaders = HTTPHeaders(headers)
        var buffer: ByteBuffer?
        if let json {
            buffer = ByteBuffer(data: try JSONEncoder().encode(json))
            httpHeaders.replaceOrAdd(name: .contentType, value: contentType ?? "application/json")
        } else if let body {
            buffer = ByteBuffer(string: body)
            if let contentType { httpHeaders.replaceOrAdd(name: .contentType, value: contentType) }
        } else if let bytes {
            buffer = ByteBuffer(data: bytes)
            if let contentType { httpHeaders.replaceOrAdd(name: .contentType, value: contentType) }
        }
        let uri = URI(string: "http://127.0.0.1:\(port)\(path)")
        let response = try await app.client.send(method, headers: httpHeaders, to: uri) { request in
            request.body = buffer
        }
        return TestResponse(
            status: response.status,
            headers: response.headers,
            body: response.body.map { Data($0.readableBytesView) } ?? Data()
        )
    }

    /// Runs the queued tasks of `kind` to their end with a worker of this server's handlers;
    /// none may fail.
    func runQueuedTasks(kind: String, within seconds: TimeInterval = 60) async throws {
        var options = Worker.Options()
        options.pollInterval = .milliseconds(50)
        options.stopDeadline = .seconds(1)
        let worker = Worker(
            options: options, handlers: services.taskHandlers, signal: services.taskSignal, logger: Logger(label: "test.worker"), database: { self.app.db })
        try await Worker.whileRunning([worker]) {
            try await TaskQueueTests.waitUntil(seconds) {
                try await TaskQueueTests.count(self, "SELECT count(*) AS count FROM tasks WHERE kind = \(bind: kind) AND status IN ('queued', 'running')") == 0
            }
        }
        let failed = try await TaskQueueTests.count(self, "SELECT count(*) AS count FROM tasks WHERE kind = \(bind: kind) AND status = 'failed'")
        #expect(failed == 0, "\(kind) tasks failed")
    }

    /// Registers a user and signs them in: the `Authorization` header of their requests.
    func session(_ email: String) async throws -> [(String, String)] {
        let password = "another user's password"
        _ = try await post("/api/v1/auth/register", ["email": .string(email), "password": .string(password), "full_name": "P"])
        let tokens = try await post("/api/v1/auth/login", ["email": .string(email), "password": .string(password)]).data
        return [("Authorization", "Bearer \(try #require(tokens["access_token"]?.stringValue))")]
    }

    func get(_ path: String) async throws -> TestResponse { try await request(.GET, path) }
    func post(_ path: String, _ json: JSONValue) async throws -> TestResponse { try await request(.POST, path, json: json) }
    func put(_ path: String, _ json: JSONValue) async throws -> TestResponse { try await request(.PUT, path, json: json) }
    func delete(_ path: String) async throws -> TestResponse { try await request(.DELETE, path) }
}

enum TestServerError: Error {
    case postgresUnavailable, noPort
}

/// Runs `body` against a fresh server and always cleans up. `adjust` changes its configuration;
/// `resolver` is its DNS; `time`, its clock (a `ShiftedTime` a test moves forward).
func withServer(
    _ database: TestDatabase, adjust: (inout AppConfiguration) -> Void = { _ in }, resolver: HostResolver = HostResolver(),
    time: any TimeSource = SystemTime(), _ body: (TestServer) async throws -> Void
) async throws {
    let server = try await TestServer.start(database, adjust: adjust, resolver: resolver, time: time)
    do {
        try await body(server)
    } catch {
        try? await server.destroy()
        throw error
    }
    try await server.destroy()
}

enum TestLogging {
    private static let bootstrapped: Void = {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .error
            return handler
        }
    }()

    static func bootstrapOnce() { _ = bootstrapped }
}

/// The machine's time moved forward by what a test says: time passes without sleeping.
final class ShiftedTime: TimeSource {
    private let offset = NIOLockedValueBox<TimeInterval>(0)

    var now: Date { Date().addingTimeInterval(offset.withLockedValue { $0 }) }

    func advance(by interval: TimeInterval) {
        offset.withLockedValue { $0 += interval }
    }
}
