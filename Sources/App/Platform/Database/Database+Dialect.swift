import Fluent
import FluentKit
import SQLKit
import SQLiteNIO

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

extension Database {
    /// A transaction that writes. On SQLite it starts with `BEGIN IMMEDIATE`, taking the write
    /// lock first: a deferred transaction that has read and then writes while another
    /// connection writes fails at once with "database is locked" (waiting could deadlock),
    /// whereas waiting for the lock up front is covered by the busy timeout. On PostgreSQL it
    /// is Fluent's transaction.
    ///
    /// Tasks enqueued inside are invisible to workers until the commit, so workers woken by
    /// the enqueue are woken again once it is done.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let signal = TaskSignal.current
        let signals = signal?.generation
        let result = try await lockingTransaction(body)
        if let signal, signal.generation != signals { signal.signal() }
        return result
    }

    private func lockingTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard dialect == .sqlite, !inTransaction else { return try await transaction(body) }
        return try await withConnection { connection in
            try await Self.beginImmediate(on: connection)
            do {
                let result = try await body(connection)
                try await connection.sql.raw("COMMIT").run()
                return result
            } catch {
                try? await connection.sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// Takes SQLite's write lock, waiting for it up to three busy timeouts: on two cores busy
    /// with other work, the writer ahead may hold it longer than one, and nothing has run yet,
    /// so asking again is safe.
    private static func beginImmediate(on connection: any Database) async throws {
        for attempt in 1...3 {
            do {
                try await connection.sql.raw("BEGIN IMMEDIATE").run()
                return
            } catch let error as SQLiteError where attempt < 3 && [.busy, .busyTimeout, .locked].contains(error.reason) {
                continue
            }
        }
    }
}

extension Database {
    /// A write transaction that runs alone among all transactions serialised on the same
    /// `key`, across every process: a check and the write it allows (a rate limit, "is this the
    /// first account?") then happen as one step. PostgreSQL takes a transaction-scoped
    /// advisory lock on the key; on SQLite `BEGIN IMMEDIATE` already admits one writer at a time.
    func serializedTransaction<T: Sendable>(on key: String, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await writeTransaction { transaction in
            if transaction.dialect == .postgres {
                // Scoped by schema: instances that share a database in schemas of their own
                // (`CC_DATABASE_SCHEMA`) are separate installs and must not wait for each other.
                try await transaction.sql.raw("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':' || \(bind: key)))").run()
            }
            return try await body(transaction)
        }
    }
}
