import Fluent
import FluentKit
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

extension QueryBuilder {
    /// `COUNT(*)` of the query's rows. Fluent's `count()` is `COUNT(id)`, which SQLite answers
    /// by reading every row instead of the smallest index.
    func countRows() async throws -> Int {
        let countAll = SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier(FieldKey.aggregate.description))
        return try await aggregate(.custom(countAll), as: Int.self)
    }
}
