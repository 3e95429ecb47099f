/// A submitted form as a page shows it again: the user's input, kept, and the problems found,
/// each placed next to its field when it names one ("salary_max must be …").
public struct FormState: Sendable {
    public var values: [String: String]
    /// Problems of one field, by field name.
    public private(set) var fieldErrors: [String: [String]] = [:]
    /// Problems of the whole form (a wrong password, a conflict).
    public private(set) var formErrors: [String] = []

    public init(values: [String: String] = [:], issues: [String] = [], fields: [String] = []) {
        self.values = values
        for issue in issues {
            // Longest name first, so "salary_max" is not taken for "salary".
            if let field = fields.sorted(by: { $0.count > $1.count }).first(where: { issue.hasPrefix($0 + " ") }) {
                fieldErrors[field, default: []].append(Self.humanised(issue, field: field))
            } else {
                formErrors.append(issue)
            }
        }
    }

    public var hasErrors: Bool { !fieldErrors.isEmpty || !formErrors.isEmpty }

    public subscript(_ field: String) -> String { values[field] ?? "" }

    /// "salary_max must be …" reads better next to its field as "Must be …".
    static func humanised(_ issue: String, field: String) -> String {
        let rest = issue.dropFirst(field.count + 1)
        guard let first = rest.first else { return issue }
        return first.uppercased() + rest.dropFirst()
    }
}
