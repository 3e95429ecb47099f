import CareerCopilotCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import App

/// Every migration's `revert` undoes exactly its `prepare`, on both databases: reverting all
/// leaves no table of ours, and applying them again gives the schema a fresh start gives —
/// every column with its type and nullability, every index with its definition. And a
/// populated database of each kept release upgrades to that same schema with its data.
@Suite("Migrations")
struct MigrationTests {
    @Test(arguments: TestDatabase.all)
    func revertingAll_leavesNothing_andReapplying_givesTheFreshSchema(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let db = server.app.db
            let fresh = try await Self.schema(db)
            #expect(fresh.contains { $0.hasPrefix("table jobs ") }, "the description reads the tables")
            #expect(fresh.contains { $0.contains("idx_job_sources_job_source") }, "the description reads the indexes")

            try await server.app.autoRevert()
            let empty = try await Self.schema(db).filter { !$0.contains("_fluent_migrations") }
            #expect(empty.isEmpty, "left after reverting every migration: \(empty)")

            try await server.app.autoMigrate()
            let again = try await Self.schema(db)
            #expect(again == fresh, "differs from a fresh schema: \(Set(again).symmetricDifference(fresh).sorted())")
        }
    }

    /// Each kept release's database (`scripts/dump-release-schema`), populated by that release's
    /// own binary: today's migrations bring it to today's schema, and its rows are all there
    /// and usable — sign-in, lists, search, the application and its timeline, new writes.
    @Test(arguments: TestDatabase.all)
    func aPopulatedDatabaseOfEachRelease_isUpgraded_andKeepsItsData(database: TestDatabase) async throws {
        let releases = try Self.keptReleases(database)
        #expect(!releases.isEmpty, "no release kept in \(Self.releasesDirectory)")
        let freshServer = try await TestServer.start(database)
        let fresh = try await Self.schema(freshServer.app.db)
        try await freshServer.destroy()

        for release in releases {
            let location = TestServer.Location(
                dataDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("cc-upgrade-\(UUID().uuidString)").path,
                postgresDatabase: database == .postgres ? "t_up_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16) : nil)
            switch database {
            case .sqlite:
                try FileManager.default.createDirectory(atPath: location.dataDirectory, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: release, toPath: location.dataDirectory + "/" + AppConfiguration.sqliteFileName)
            case .postgres:
                try await MigratedTemplates.shared.createEmptyPostgres(named: try #require(location.postgresDatabase))
                let loaded = try Self.psql(url: try #require(try location.postgresURL), file: release)
                #expect(loaded.status == 0, "\(loaded.output)")
            }
            let server = try await TestServer.start(database, at: location, adjust: { $0.singleUser = false })
            do {
                let upgraded = try await Self.schema(server.app.db)
                #expect(upgraded == fresh, "\(release): differs from a fresh schema: \(Set(upgraded).symmetricDifference(fresh).sorted())")
                let tokens = try await server.post("/api/v1/auth/login", ["email": "release@example.com", "password": "release password"])
                #expect(tokens.status == .ok, "\(release): the account signs in")
                let bearer = [("Authorization", "Bearer \(try #require(try tokens.data["access_token"]?.stringValue))")]
                #expect(try await server.request(.GET, "/api/v1/jobs", headers: bearer).data["total"] == 2)
                #expect(try await server.request(.GET, "/api/v1/jobs?q=kubernetes", headers: bearer).data["total"] == 1, "the search index holds")
                let application = try #require(try await server.request(.GET, "/api/v1/applications", headers: bearer).data["items"]?.arrayValue?.first)
                #expect(application["status"] == "applied" && application["notes"] == "Written before the upgrade")
                let id = try #require(application["id"]?.intValue)
                #expect(try await server.request(.GET, "/api/v1/applications/\(id)", headers: bearer).data["timeline"]?.arrayValue?.count == 2)
                #expect(try await server.request(.GET, "/api/v1/users/me/blocklist", headers: bearer).data.arrayValue?.count == 1)
                #expect(try await server.request(.GET, "/api/v1/sources", headers: bearer).data["total"] == 1)
                let added = try await server.request(.POST, "/api/v1/jobs", json: ["title": "After the upgrade", "company": "Upgrade Co"], headers: bearer)
                #expect(added.status == .created)
            } catch {
                try? await server.destroy()
                throw error
            }
            try await server.destroy()
        }
    }

    static var releasesDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data/releases").path
    }

    /// The kept releases' files for this database, oldest name first.
    static func keptReleases(_ database: TestDatabase) throws -> [String] {
        let suffix = database == .sqlite ? ".sqlite" : ".postgres.sql"
        return try FileManager.default.contentsOfDirectory(atPath: releasesDirectory).filter { $0.hasSuffix(suffix) }.sorted()
            .map { releasesDirectory + "/" + $0 }
    }

    /// Loads a dump with PostgreSQL's own client (it reads `COPY … FROM stdin`).
    static func psql(url: String, file: String) throws -> (status: Int32, output: String) {
        let candidates =
            ["/usr/bin/psql"]
            + ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).sorted().reversed()
            .map { "/usr/lib/postgresql/\($0)/bin/psql" }
        guard let psql = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return (127, "psql not found") }
        return try ServerProcess.run(["-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", file], executable: URL(fileURLWithPath: psql))
    }

    /// One line per column and per index of the current schema, sorted.
    static func schema(_ db: any Database) async throws -> [String] {
        var lines: [String] = []
        switch db.dialect {
        case .sqlite:
            let tables = try await db.sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
                .map { try $0.decode(column: "name", as: String.self) }
            for table in tables {
                for column in try await db.sql.raw("SELECT name, type, \"notnull\" AS required FROM pragma_table_info(\(bind: table))").all() {
                    let name = try column.decode(column: "name", as: String.self)
                    let type = try column.decode(column: "type", as: String.self)
                    let required = try column.decode(column: "required", as: Int.self)
                    lines.append("table \(table) column \(name) \(type) \(required == 1 ? "not null" : "null")")
                }
            }
            for index in try await db.sql.raw("SELECT name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger', 'view')").all() {
                let name = try index.decode(column: "name", as: String.self)
                let table = try index.decode(column: "tbl_name", as: String.self)
                let sql = try index.decode(column: "sql", as: String?.self) ?? "(automatic)"
                lines.append("index \(name) on \(table): \(sql)")
            }
        case .postgres:
            for column in try await db.sql.raw(
                """
                SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = current_schema()
                """
            ).all() {
                let table = try column.decode(column: "table_name", as: String.self)
                let name = try column.decode(column: "column_name", as: String.self)
                let type = try column.decode(column: "data_type", as: String.self)
                let nullable = try column.decode(column: "is_nullable", as: String.self)
                lines.append("table \(table) column \(name) \(type) \(nullable == "YES" ? "null" : "not null")")
            }
            for index in try await db.sql.raw("SELECT indexname, tablename, indexdef FROM pg_indexes WHERE schemaname = current_schema()").all() {
                let name = try index.decode(column: "indexname", as: String.self)
                let table = try index.decode(column: "tablename", as: String.self)
                let definition = try index.decode(column: "indexdef", as: String.self)
                lines.append("index \(name) on \(table): \(definition)")
            }
        }
        return lines.sorted()
    }
}
