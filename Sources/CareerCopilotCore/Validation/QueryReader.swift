import Foundation

/// Reads URL query parameters with the same care as bodies: every problem is collected and
/// reported at once, as a `DomainError.badRequest` (a bad query is the client's mistake in
/// the request itself, not in the data it submits).
public struct QueryReader: Sendable {
    public let parameters: [String: String]
    public private(set) var issues: [String] = []

    public init(_ parameters: [String: String]) {
        self.parameters = parameters
    }

    /// Reads query items in order; a name given more than once is reported.
    public init(items: [(name: String, value: String)]) {
        var parameters: [String: String] = [:]
        var repeated: [String] = []
        var reported = Set<String>()
        for (name, value) in items {
            if parameters.updateValue(value, forKey: name) != nil, reported.insert(name).inserted { repeated.append(name) }
        }
        self.parameters = parameters
        self.issues = repeated.map { "\($0) must be given once" }
    }

    /// Reports a problem that no single reader finds (a missing required parameter).
    public mutating func problem(_ message: String) {
        issues.append(message)
    }

    public func validate() throws(DomainError) {
        if !issues.isEmpty { throw .badRequest("Invalid query parameters", details: issues) }
    }

    /// A trimmed string, nil when absent or empty.
    public mutating func string(_ key: String, maxLength: Int = 200) -> String? {
        guard let raw = parameters[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
        guard raw.count <= maxLength else {
            issues.append("\(key) must be at most \(maxLength) characters")
            return nil
        }
        // A NUL is an error in PostgreSQL and cuts the string in SQLite: refused, as in bodies.
        guard !BodyReader.hasControlCharacters(raw) else {
            issues.append("\(key) must not contain control characters")
            return nil
        }
        return raw
    }

    public mutating func integer(_ key: String, min: Int, max: Int) -> Int? {
        guard let raw = string(key) else { return nil }
        guard let value = Int(raw), value >= min, value <= max else {
            issues.append("\(key) must be a whole number from \(min) to \(max)")
            return nil
        }
        return value
    }

    public mutating func number(_ key: String, min: Double) -> Double? {
        guard let raw = string(key) else { return nil }
        guard let value = Double(raw), value.isFinite, value >= min else {
            issues.append("\(key) must be a number of at least \(Int(min))")
            return nil
        }
        return value
    }

    public mutating func bool(_ key: String) -> Bool? {
        guard let raw = string(key)?.lowercased() else { return nil }
        switch raw {
        case "true": return true
        case "false": return false
        default:
            issues.append("\(key) must be true or false")
            return nil
        }
    }

    public mutating func date(_ key: String) -> Date? {
        guard let raw = string(key) else { return nil }
        guard let date = ISODate.parse(raw) else {
            issues.append("\(key) must be an ISO 8601 date or date-time, e.g. 2025-11-07")
            return nil
        }
        return date
    }

    /// One or more values of an enumeration, comma-separated: `remote=remote,hybrid`.
    public mutating func enumerationList<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> [E]? where E.RawValue == String {
        guard let raw = string(key) else { return nil }
        var values: [E] = []
        for part in raw.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let value = E(rawValue: name) else {
                issues.append("\(key) must be one or more of: \(E.allowedValues)")
                return nil
            }
            if !values.contains(where: { $0.rawValue == value.rawValue }) { values.append(value) }
        }
        return values.isEmpty ? nil : values
    }

    /// `page` (from 1) and `page_size` (1–100, default 20).
    public mutating func page() -> Paging {
        Paging(
            page: integer("page", min: 1, max: 1_000_000) ?? 1,
            pageSize: integer("page_size", min: 1, max: Paging.maxPageSize) ?? Paging.defaultPageSize
        )
    }

    /// `sort=field` or `sort=-field` among the allowed fields.
    public mutating func sort<Field: RawRepresentable & CaseIterable>(default defaultSort: Sorting<Field>) -> Sorting<Field> where Field.RawValue == String {
        guard let raw = string("sort", maxLength: 64) else { return defaultSort }
        let descending = raw.hasPrefix("-")
        let name = descending ? String(raw.dropFirst()) : raw
        guard let field = Field(rawValue: name) else {
            issues.append("sort must be one of: \(Field.allowedValues) (prefix - for descending)")
            return defaultSort
        }
        return Sorting(field: field, descending: descending)
    }
}

/// Which page of a list to answer.
public struct Paging: Sendable, Equatable {
    public static let maxPageSize = 100
    public static let defaultPageSize = 20

    public var page: Int
    public var pageSize: Int

    public init(page: Int = 1, pageSize: Int = Paging.defaultPageSize) {
        self.page = page
        self.pageSize = pageSize
    }

    public var offset: Int { (page - 1) * pageSize }
}

/// A sort on one field; ties are always broken by id in the same direction.
public struct Sorting<Field: Sendable>: Sendable {
    public var field: Field
    public var descending: Bool

    public init(field: Field, descending: Bool) {
        self.field = field
        self.descending = descending
    }
}
