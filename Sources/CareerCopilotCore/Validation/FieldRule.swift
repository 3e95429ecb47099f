import Foundation

/// One field of a request body and what it may hold, listed once per draft: the same list
/// reads and checks a body (`BodyReader.read`) and describes it in the API's OpenAPI document,
/// so the document says exactly what the server accepts.
public struct FieldRule: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Text, trimmed (`collapse`: inner white space to one space); no control characters.
        case text(maxLength: Int, collapse: Bool = false)
        /// An absolute http(s) URL of at most 2,048 characters.
        case url
        /// One of these values.
        case choice([String])
        case number(min: Double, max: Double)
        case integer(min: Int, max: Int)
        case flag
        /// An ISO 8601 date or date-time.
        case date
        /// Strings, white space collapsed, duplicates (ignoring case) dropped.
        case textList(maxCount: Int, maxLength: Int)
        /// Text kept exactly as sent, never trimmed or cleared (passwords, tokens).
        case secret(minLength: Int, maxLength: Int)
    }

    /// A rule on text beyond its kind: a pattern (for the document) and the check it stands for.
    /// No pattern when none says exactly what the check admits (a document's pattern is also
    /// a promise that whatever matches it is accepted).
    public struct Format: Sendable {
        public var pattern: String?
        public var message: String
        public var check: @Sendable (String) -> Bool

        public init(pattern: String?, message: String, check: @escaping @Sendable (String) -> Bool) {
            self.pattern = pattern
            self.message = message
            self.check = check
        }
    }

    public var name: String
    public var kind: Kind
    /// Must be present and not blank.
    public var required = false
    /// `null` (or blank text) clears it; otherwise it may be left out but not cleared.
    public var clearable = true
    public var format: Format?
    /// What the document says of it, when its name and kind do not say enough.
    public var note: String?
    /// What to say when a field that cannot be cleared is sent as null or blank.
    public var refusal: String

    public init(
        _ name: String, _ kind: Kind, required: Bool = false, clearable: Bool = true, format: Format? = nil, note: String? = nil,
        refusal: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.required = required
        // A secret is kept as sent: null or blank never clears one.
        if case .secret = kind { self.clearable = false } else { self.clearable = clearable }
        self.format = format
        self.note = note
        self.refusal = refusal ?? "\(name) cannot be empty or null"
    }

    /// The same rule, required or not (a draft's fields on create and on update).
    public func required(_ required: Bool) -> FieldRule {
        var rule = self
        rule.required = required
        if required { rule.clearable = false }
        return rule
    }
}

extension BodyReader {
    /// A text field by its rule (also a choice read as its text).
    public mutating func read(_ rule: FieldRule) -> Patch<String> {
        var patch: Patch<String>
        switch rule.kind {
        case let .text(maxLength, collapse):
            patch = string(rule.name, required: rule.required, maxLength: maxLength, collapseWhitespace: collapse)
        case .url:
            patch = url(rule.name, required: rule.required)
        case let .choice(values):
            patch = string(rule.name, required: rule.required, maxLength: 256)
            if let value = patch.value, rule.format == nil, !values.contains(value) {
                addIssue("\(rule.name) must be one of: \(values.joined(separator: ", "))")
                patch = .absent
            }
        default:
            preconditionFailure("\(rule.name) is no text field")
        }
        if let format = rule.format, let value = patch.value, !format.check(value) {
            addIssue(format.message)
            return .absent
        }
        refuseClearing(rule, patch.isNull)
        return patch
    }

    /// A secret by its rule: exactly as sent.
    public mutating func read(_ rule: FieldRule) -> String? {
        guard case let .secret(minLength, maxLength) = rule.kind else { preconditionFailure("\(rule.name) is no secret") }
        guard let secret = rawString(rule.name, required: rule.required, maxLength: maxLength) else { return nil }
        guard secret.unicodeScalars.count >= minLength else {
            addIssue("\(rule.name) must be at least \(minLength) characters")
            return nil
        }
        if let format = rule.format, !format.check(secret) {
            addIssue(format.message)
            return nil
        }
        return secret
    }

    /// A choice field by its rule.
    public mutating func read<E: RawRepresentable & CaseIterable & Sendable>(_ rule: FieldRule, as type: E.Type) -> Patch<E> where E.RawValue == String {
        let patch = enumeration(rule.name, type, required: rule.required)
        refuseClearing(rule, patch.isNull)
        return patch
    }

    /// A number field by its rule.
    public mutating func read(_ rule: FieldRule) -> Patch<Double> {
        guard case let .number(min, max) = rule.kind else { preconditionFailure("\(rule.name) is no number field") }
        let patch = number(rule.name, min: min, max: max, required: rule.required)
        refuseClearing(rule, patch.isNull)
        return patch
    }

    /// A whole-number field by its rule.
    public mutating func read(_ rule: FieldRule) -> Patch<Int> {
        guard case let .integer(min, max) = rule.kind else { preconditionFailure("\(rule.name) is no integer field") }
        let patch = integer(rule.name, min: min, max: max, required: rule.required)
        refuseClearing(rule, patch.isNull)
        return patch
    }

    /// A flag by its rule.
    public mutating func read(_ rule: FieldRule) -> Patch<Bool> {
        let patch = bool(rule.name, required: rule.required)
        refuseClearing(rule, patch.isNull)
        return patch
    }

    /// A date field by its rule.
    public mutating func read(_ rule: FieldRule) -> Patch<Date> {
        let patch = date(rule.name, required: rule.required)
        refuseClearing(rule, patch.isNull)
        return patch
    }

    /// A list of texts by its rule.
    public mutating func read(_ rule: FieldRule) -> Patch<[String]> {
        guard case let .textList(maxCount, maxLength) = rule.kind else { preconditionFailure("\(rule.name) is no list field") }
        let patch = stringList(rule.name, maxCount: maxCount, maxLength: maxLength)
        refuseClearing(rule, patch.isNull)
        return patch
    }

    private mutating func refuseClearing(_ rule: FieldRule, _ isNull: Bool) {
        if isNull, !rule.clearable, !rule.required { addIssue(rule.refusal) }
    }
}
