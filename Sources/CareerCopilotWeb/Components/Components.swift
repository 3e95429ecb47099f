import CareerCopilotCore

/// Small pieces the pages share.
enum Components {
    static func csrfField(_ context: PageContext) -> HTML {
        input(.type("hidden"), .name("csrf_token"), .value(context.csrfToken))
    }

    /// A form that posts to one of our paths, with its CSRF token.
    static func postForm(_ address: SiteURL, _ context: PageContext, _ attributes: Attribute..., @HTMLBuilder content: () -> HTML) -> HTML {
        HTML.element("form", [.method("post"), .action(address)] + attributes) {
            csrfField(context)
            content()
        }
    }

    /// A form sent back to the path it came from (a confirmation, a form kept across a sign-in).
    static func postForm(toPath path: String, _ context: PageContext, _ attributes: Attribute..., @HTMLBuilder content: () -> HTML) -> HTML {
        HTML.element("form", [.method("post"), .action(path)] + attributes) {
            csrfField(context)
            content()
        }
    }

    /// The problems of the whole form, and a count of the field problems, read first by
    /// screen readers (`role=alert`).
    static func errorSummary(_ state: FormState) -> HTML {
        guard state.hasErrors else { return .empty }
        return div(.class("error-summary"), .role("alert"), .id("error-summary")) {
            strong { "Please correct the following:" }
            ul {
                for error in state.formErrors { li { error } }
                for field in state.fieldsWithErrors {
                    for error in state.fieldErrors[field] ?? [] {
                        li { a(.href("#\(field)")) { "\(state.fields.label(field)): \(error)" } }
                    }
                }
            }
        }
    }

    struct Field {
        var name: String
        var label: String
        var type = "text"
        var required = false
        var hint: String?
        var autocomplete: String?
        var maxLength: Int?
        var extra: [Attribute] = []
        var wide = false
        /// The element id, when two forms of a page have a field of the same name.
        var id: String?

        var htmlID: String { id ?? name }
    }

    /// A labelled input with its hint and errors wired to it (`aria-describedby`).
    static func textField(_ field: Field, _ state: FormState) -> HTML {
        let errors = state.fieldErrors[field.name] ?? []
        var attributes: [Attribute] = [
            .type(field.type), .id(field.htmlID), .name(field.name), .value(state[field.name]),
            .if(field.required, .required),
            field.autocomplete.map(Attribute.autocomplete) ?? .none,
            field.maxLength.map(Attribute.maxlength) ?? .none,
        ]
        attributes += describedBy(field, errors) + field.extra
        return fieldWrapper(field, errors) { HTML.void("input", attributes) }
    }

    static func textArea(_ field: Field, _ state: FormState, rows: Int = 8) -> HTML {
        let errors = state.fieldErrors[field.name] ?? []
        let attributes: [Attribute] =
            [
                .id(field.htmlID), .name(field.name), .rows(rows), .if(field.required, .required),
                field.maxLength.map(Attribute.maxlength) ?? .none,
            ] + describedBy(field, errors)
        return fieldWrapper(field, errors) { HTML.element("textarea", attributes) { state[field.name] } }
    }

    static func selectField(_ field: Field, options: [(value: String, label: String)], _ state: FormState) -> HTML {
        let errors = state.fieldErrors[field.name] ?? []
        let attributes: [Attribute] = [.id(field.htmlID), .name(field.name)] + describedBy(field, errors) + field.extra
        return fieldWrapper(field, errors) {
            HTML.element("select", attributes) {
                for choice in options {
                    option(.value(choice.value), .if(choice.value == state[field.name], .selected)) { choice.label }
                }
            }
        }
    }

    private static func describedBy(_ field: Field, _ errors: [String]) -> [Attribute] {
        var ids: [String] = []
        if field.hint != nil { ids.append("\(field.htmlID)-hint") }
        if !errors.isEmpty { ids.append("\(field.htmlID)-error") }
        return [
            ids.isEmpty ? .none : .aria("describedby", ids.joined(separator: " ")),
            .if(!errors.isEmpty, .aria("invalid", "true")),
        ]
    }

    private static func fieldWrapper(_ field: Field, _ errors: [String], control: () -> HTML) -> HTML {
        div(.class("field", field.wide ? "span-2" : "")) {
            label(.for(field.htmlID)) { field.label }
            if let hint = field.hint { p(.class("hint"), .id("\(field.htmlID)-hint")) { hint } }
            control()
            if !errors.isEmpty {
                p(.class("field-error"), .id("\(field.htmlID)-error")) { errors.joined(separator: " ") }
            }
        }
    }

    static func statusBadge(_ status: ApplicationStatus) -> HTML {
        let tone =
            switch status {
            case .offer, .accepted: "badge-success"
            case .rejected: "badge-danger"
            case .withdrawn: ""
            case .interviewing, .screening: "badge-warning"
            case .saved, .applied: "badge-accent"
            }
        return span(.class("badge", tone)) { Formatting.statusLabel(status) }
    }

    static let demoBadge = span(.class("badge", "badge-warning"), .title("Sample data: remove it in Settings")) { "Demo" }

    static func emptyState(title: String, message: String, @HTMLBuilder actions: () -> HTML) -> HTML {
        div(.class("empty")) {
            h2 { title }
            p { message }
            div(.class("actions")) { actions() }
        }
    }
}

extension String {
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
