import Foundation

/// Reads the fields of a JSON object one by one and collects every problem as a readable
/// line ("title is required", "remote must be one of: onsite, hybrid, remote").
///
/// Each reader returns a `Patch`; `required` fields that are absent or null add an issue.
/// Call `validate()` at the end: it throws `DomainError.validation` with all issues.
public struct BodyReader: Sendable {
    public let object: [String: JSONValue]
    public private(set) var issues: [String] = []

    public init(_ object: [String: JSONValue]) {
        self.object = object
    }

    /// Reads a body that must be a JSON object.
    public init(body: JSONValue) throws(DomainError) {
        guard case let .object(object) = body else {
            throw .badRequest("The request body must be a JSON object, not \(body.typeName)")
        }
        self.init(object)
    }

    public mutating func addIssue(_ issue: String) {
        issues.append(issue)
    }

    /// Throws every collected issue at once.
    public func validate() throws(DomainError) {
        if !issues.isEmpty { throw .validation(issues) }
    }

    // MARK: Typed readers

    /// A string, trimmed; a blank string counts as null. `maxLength` counts the code points
    /// of the string as sent, as JSON Schema's `maxLength` does.
    public mutating func string(
        _ key: String, required: Bool = false, maxLength: Int, collapseWhitespace: Bool = false
    ) -> Patch<String> {
        let raw = field(key, required: required)
        guard case let .value(json) = raw else { return raw.retyped() }
        guard case let .string(string) = json else {
            return mismatch(key, expected: "a string", got: json)
        }
        if string.unicodeScalars.count > maxLength {
            issues.append("\(key) must be at most \(maxLength) characters")
            return .absent
        }
        if Self.hasControlCharacters(string) {
            issues.append("\(key) must not contain control characters")
            return .absent
        }
        let cleaned = collapseWhitespace ? TextNormalizer.collapsingWhitespace(string) : string.trimmingCharacters(in: .whitespacesAndNewlines)
        if cleaned.isEmpty {
            if required { issues.append("\(key) is required") }
            return .null
        }
        return .value(cleaned)
    }

    /// A string exactly as sent (not trimmed): passwords.
    public mutating func rawString(_ key: String, required: Bool, maxLength: Int) -> String? {
        let raw = field(key, required: required)
        if raw.isNull, !required { issues.append("\(key) must be a string, not null") }
        guard case let .value(json) = raw else { return nil }
        guard case let .string(string) = json else {
            let _: Patch<String> = mismatch(key, expected: "a string", got: json)
            return nil
        }
        if string.isEmpty {
            issues.append(required ? "\(key) is required" : "\(key) must not be empty")
            return nil
        }
        guard string.unicodeScalars.count <= maxLength else {
            issues.append("\(key) must be at most \(maxLength) characters")
            return nil
        }
        return string
    }

    /// An absolute http(s) URL.
    public mutating func url(_ key: String, required: Bool = false) -> Patch<String> {
        let patch = string(key, required: required, maxLength: 2048)
        guard let value = patch.value else { return patch }
        guard WebURL.isLink(value) else {
            issues.append("\(key) must be an absolute http or https URL")
            return .absent
        }
        return patch
    }

    /// One of an enumeration's raw values.
    public mutating func enumeration<E: RawRepresentable & CaseIterable & Sendable>(
        _ key: String, _ type: E.Type, required: Bool = false
    ) -> Patch<E> where E.RawValue == String {
        let patch = string(key, required: required, maxLength: 100)
        if patch.isNull, object[key] != .null {
            issues.append("\(key) must be one of: \(E.allowedValues)")
            return .absent
        }
        guard let raw = patch.value else { return patch.retyped() }
        guard let value = E(rawValue: raw) else {
            issues.append("\(key) must be one of: \(E.allowedValues)")
            return .absent
        }
        return .value(value)
    }

    /// A finite number within bounds.
    public mutating func number(_ key: String, min: Double, max: Double, required: Bool = false) -> Patch<Double> {
        let raw = field(key, required: required)
        guard case let .value(json) = raw else { return raw.retyped() }
        guard case let .number(number) = json, number.isFinite else {
            return mismatch(key, expected: "a number", got: json)
        }
        guard number >= min, number <= max else {
            issues.append("\(key) must be between \(Self.format(min)) and \(Self.format(max))")
            return .absent
        }
        return .value(number)
    }

    /// A whole number within bounds.
    public mutating func integer(_ key: String, min: Int, max: Int, required: Bool = false) -> Patch<Int> {
        let raw = field(key, required: required)
        guard case let .value(json) = raw else { return raw.retyped() }
        guard case let .number(number) = json, number.isFinite, number.rounded() == number else {
            return mismatch(key, expected: "a whole number", got: json)
        }
        // `Int(exactly:)`, not `Int(_:)`: 2^63 passes `<= Double(Int.max)` (which rounds up to
        // 2^63) and `Int(_:)` traps on it.
        guard let integer = Int(exactly: number), integer >= min, integer <= max else {
            issues.append("\(key) must be between \(min) and \(max)")
            return .absent
        }
        return .value(integer)
    }

    public mutating func bool(_ key: String, required: Bool = false) -> Patch<Bool> {
        let raw = field(key, required: required)
        guard case let .value(json) = raw else { return raw.retyped() }
        guard case let .bool(value) = json else {
            return mismatch(key, expected: "true or false", got: json)
        }
        return .value(value)
    }

    /// An ISO 8601 date ("2025-11-07") or date-time ("2025-11-07T10:00:00Z").
    public mutating func date(_ key: String, required: Bool = false) -> Patch<Date> {
        let patch = string(key, required: required, maxLength: 64)
        let blank = patch.isNull && object[key] != .null
        guard !blank, let raw = patch.value else {
            if blank { issues.append("\(key) must be an ISO 8601 date or date-time, e.g. 2025-11-07T10:00:00Z") }
            return blank ? .absent : patch.retyped()
        }
        guard let date = ISODate.parse(raw) else {
            issues.append("\(key) must be an ISO 8601 date or date-time, e.g. 2025-11-07T10:00:00Z")
            return .absent
        }
        return .value(date)
    }

    /// A list of non-empty strings, trimmed, without duplicates (case-insensitive).
    public mutating func stringList(_ key: String, maxCount: Int, maxLength: Int) -> Patch<[String]> {
        let raw = field(key, required: false)
        guard case let .value(json) = raw else { return raw.retyped() }
        guard case let .array(items) = json else {
            return mismatch(key, expected: "an array of strings", got: json)
        }
        guard items.count <= maxCount else {
            issues.append("\(key) must have at most \(maxCount) items")
            return .absent
        }
        var result: [String] = []
        var seen = Set<String>()
        for (index, item) in items.enumerated() {
            guard case let .string(string) = item else {
                issues.append("\(key)[\(index)] must be a string, not \(item.typeName)")
                continue
            }
            let cleaned = TextNormalizer.collapsingWhitespace(string)
            if cleaned.isEmpty { continue }
            if cleaned.unicodeScalars.count > maxLength {
                issues.append("\(key)[\(index)] must be at most \(maxLength) characters")
                continue
            }
            if Self.hasControlCharacters(cleaned) {
                issues.append("\(key)[\(index)] must not contain control characters")
                continue
            }
            if seen.insert(cleaned.lowercased()).inserted { result.append(cleaned) }
        }
        return .value(result)
    }

    // MARK: Helpers

    private mutating func field(_ key: String, required: Bool) -> Patch<JSONValue> {
        switch object[key] {
        case .none:
            if required { issues.append("\(key) is required") }
            return .absent
        case .some(.null):
            if required { issues.append("\(key) is required") }
            return .null
        case let .some(value):
            return .value(value)
        }
    }

    private mutating func mismatch<T>(_ key: String, expected: String, got: JSONValue) -> Patch<T> {
        issues.append("\(key) must be \(expected), not \(got.typeName)")
        return .absent
    }

    /// C0 control characters other than tab, newline and carriage return.
    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" }
    }

    private static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}

extension Patch {
    /// The same absence or null, for another value type. Only for `.absent` and `.null`.
    fileprivate func retyped<T>() -> Patch<T> {
        switch self {
        case .null: .null
        default: .absent
        }
    }
}
