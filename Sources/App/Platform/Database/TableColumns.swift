import Fluent
import SQLKit

/// A table's columns, each named once as a case: its reads select them, its writes assign
/// them, and its Fluent model (if any) keys its fields with them. A misspelt column is a
/// compile error, not a failing query.
protocol TableColumns: RawRepresentable<String>, CaseIterable, Sendable where AllCases == [Self] {}

extension TableColumns {
    /// The column as an SQL identifier (quoted by the dialect).
    var sql: SQLIdentifier { SQLIdentifier(rawValue) }

    /// The columns as a select list, in `allCases` order.
    static func list(_ columns: [Self] = allCases) -> SQLList {
        SQLList(columns.map(\.sql))
    }

    /// The column as a Fluent field key.
    var key: FieldKey { FieldKey(stringLiteral: rawValue) }
}

extension SQLRow {
    func decode<Value: Decodable>(_ column: some TableColumns, as type: Value.Type = Value.self) throws -> Value {
        try decode(column: column.rawValue, as: type)
    }
}

extension SQLInsertBuilder {
    func columns(_ columns: [some TableColumns]) -> Self {
        self.columns(columns.map(\.sql))
    }
}

extension SQLColumnUpdateBuilder {
    /// `column = value`.
    @discardableResult
    func set(_ column: some TableColumns, to value: some Encodable & Sendable) -> Self {
        set(SQLColumn(column.rawValue), to: SQLBind(value))
    }
}
