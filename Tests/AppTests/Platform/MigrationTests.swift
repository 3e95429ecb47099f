import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import App

/// Every migration's `revert` undoes exactly its `prepare`, on both databases: reverting all
/// leaves no table of ours, and applying them again gives the schema a fresh start gives —
/// every column with its type and nullability, every index with its definition.
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
