import Foundation

/// A form's fields in the order the page shows them, with the labels the person sees:
/// `["title": "Title", "salary_min": "Salary from"]` (a literal keeps its order).
public struct FormFields: Sendable, ExpressibleByDictionaryLiteral {
    public let names: [String]
    public let labels: [String: String]

    public init(dictionaryLiteral elements: (String, String)...) {
        names = elements.map(\.0)
        labels = Dictionary(elements) { first, _ in first }
    }

    /// Fields named as they are, in this order (a form whose fields are not known in advance).
    public init(names: [String], labels: [String: String] = [:]) {
        self.names = names
        self.labels = labels
    }

    public func label(_ name: String) -> String {
        labels[name] ?? name.replacingOccurrences(of: "_", with: " ").capitalizedFirst
    }
}

/// A submitted form as a page shows it again: the user's input, kept, and the problems found,
/// each placed next to its field when it names one ("salary_max must be …"), in the words of
/// the form: its labels, in its order.
public struct FormState: Sendable {
    public var values: [String: String]
    /// Problems of one field, by field name.
    public private(set) var fieldErrors: [String: [String]] = [:]
    /// Problems of the whole form (a wrong password, a conflict).
    public private(set) var formErrors: [String] = []
    public private(set) var fields: FormFields = [:]

    public init(values: [String: String] = [:], issues: [String] = [], fields: FormFields = [:]) {
        self.values = values
        self.fields = fields
        for issue in issues {
            // Longest name first, so "salary_max" is not taken for "salary".
            if let field = fields.names.sorted(by: { $0.count > $1.count }).first(where: { issue.hasPrefix($0 + " ") }) {
                fieldErrors[field, default: []].append(Self.humanised(issue, field: field, fields: fields))
            } else {
                formErrors.append(Self.labelled(issue, fields: fields))
            }
        }
    }

    public var hasErrors: Bool { !fieldErrors.isEmpty || !formErrors.isEmpty }

    public subscript(_ field: String) -> String { values[field] ?? "" }

    /// The fields with problems, in the form's order.
    public var fieldsWithErrors: [String] {
        fields.names.filter { fieldErrors[$0] != nil } + fieldErrors.keys.filter { !fields.names.contains($0) }.sorted()
    }

    /// "salary_max must be at least salary_min" reads better next to its field as "Must be at
    /// least “Salary from”".
    static func humanised(_ issue: String, field: String, fields: FormFields = [:]) -> String {
        let rest = issue.dropFirst(field.count + 1)
        guard let first = rest.first else { return issue }
        return labelled(first.uppercased() + rest.dropFirst(), fields: fields)
    }

    /// Other fields' names in a message ("salary_min"), as their labels. Plain words
    /// ("title") are left alone: they read as themselves.
    static func labelled(_ message: String, fields: FormFields) -> String {
        var message = message
        for name in fields.names.sorted(by: { $0.count > $1.count }) where name.contains("_") {
            message = message.replacingOccurrences(of: name, with: "“\(fields.label(name))”")
        }
        return message
    }
}
