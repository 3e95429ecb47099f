import Fluent
import SQLKit

/// The two databases the product runs on. Where SQL differs (full-text search, collations),
/// code switches on this, and nowhere else on driver types.
enum DatabaseDialect: Sendable {
    case sqlite, postgres
}

extension Database {
    /// The SQL view of this database. Both drivers provide one.
    var sql: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            preconditionFailure("Career Copilot runs on SQL databases only")
        }
        return sql
    }

    var dialect: DatabaseDialect {
        sql.dialect.name == "sqlite" ? .sqlite : .postgres
    }
}

extension Database {
    /// Runs plain SQL statements in order (indexes, triggers, full-text tables).
    func run(_ statements: [String]) async throws {
        for statement in statements {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }
}
