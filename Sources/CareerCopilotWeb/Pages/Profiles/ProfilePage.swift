import Foundation

/// `/profile`: the person's profile, edited in one form, and a resume import whose draft is
/// shown in that same form to review before anything is saved.
public enum ProfilePage {
    public struct Model: Sendable {
        public var form: FormState
        /// The stored profile's edit version, sent back with the form (decision 0015).
        public var version: String
        public var updatedAt: Date?
        public var review: Review?
        public var importForm = FormState()

        public init(form: FormState, version: String, updatedAt: Date?, review: Review? = nil) {
            self.form = form
            self.version = version
            self.updatedAt = updatedAt
            self.review = review
        }
    }

    /// What an import read, shown above the form it filled.
    public struct Review: Sendable {
        public var format: String
        public var notes: [String]
        public var unplaced: [String]
        /// Form fields the reader was unsure of.
        public var unsure: Set<String>
        /// The file's own document (JSON Resume), kept so that saving keeps what the form does
        /// not show; nil for a resume read from text.
        public var document: String?

        public init(format: String, notes: [String], unplaced: [String], unsure: Set<String>, document: String?) {
            self.format = format
            self.notes = notes
            self.unplaced = unplaced
            self.unsure = unsure
            self.document = document
        }
    }

    public static let importFields: FormFields = ["file": "Resume file"]

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.document(title: "Profile", context: context) {
            div(.class("page-head")) {
                h1 { "Profile" }
                a(.href(SiteURL.exportProfile.path), .class("btn"), .id("export-profile")) { "Export JSON Resume" }
            }
            p(.class("muted")) {
                "Your experience, skills and what you are looking for: every job's match score is computed from it. Only you can see it."
                if let updatedAt = model.updatedAt { " Last saved "; Formatting.time(updatedAt); "." }
            }
            section(.class("card"), .id("import"), .aria("labelledby", "import-title")) {
                h2(.id("import-title")) { "Import a resume" }
                p(.class("muted")) {
                    "PDF, Word (DOCX), text, Markdown, JSON Resume, or your LinkedIn data export (the ZIP). You review what was read before anything is saved."
                }
                Components.errorSummary(model.importForm)
                HTML.element(
                    "form", [.method("post"), .action(SiteURL.importResume), Attribute("enctype", "multipart/form-data"), .id("import-form")]
                ) {
                    Components.csrfField(context)
                    Components.textField(
                        .init(
                            name: "file", label: "Resume file", type: "file", required: true,
                            extra: [Attribute("accept", ".pdf,.docx,.txt,.md,.markdown,.json,.zip")]), model.importForm)
                    div(.class("form-actions")) { button(.type("submit"), .class("btn")) { "Read resume" } }
                }
            }
            if let review = model.review { reviewPanel(review) }
            Components.errorSummary(model.form)
            Components.postForm(.profile, context, .id("profile-form")) {
                input(.type("hidden"), .name("version"), .value(model.version))
                if let document = model.review?.document { input(.type("hidden"), .name("draft_document"), .value(document)) }
                profileSections(model.form, model.review?.unsure ?? [])
                div(.class("form-actions")) {
                    button(.type("submit"), .class("btn", "btn-primary"), .id("save-profile")) { model.review == nil ? "Save profile" : "Save this profile" }
                }
            }
        }
    }

    private static func reviewPanel(_ review: Review) -> HTML {
        section(.class("card", "notice"), .id("review"), .role("status"), .aria("labelledby", "review-title")) {
            h2(.id("review-title")) { "Review what was read (\(review.format))" }
            p { "Nothing is saved yet. Check the fields below — those marked “check” the reader was unsure of — correct them, then save." }
            if !review.notes.isEmpty { ul { for note in review.notes { li { note } } } }
            if !review.unplaced.isEmpty {
                details(.id("unplaced")) {
                    summary { "\(Formatting.plural(review.unplaced.count, "line")) could not be placed in a field" }
                    ul(.class("steps")) { for line in review.unplaced.prefix(100) { li { line } } }
                }
            }
        }
    }

    /// A field of the form, marked when the import was unsure of it.
    private static func field(_ name: String, _ unsure: Set<String>, type: String = "text", hint: String? = nil, wide: Bool = false)
        -> Components.Field
    {
        let check = unsure.contains(name) ? "Check this: the reader was not sure." : nil
        return Components.Field(
            name: name, label: ProfileForm.label(name, inRow: false), type: type, hint: [check, hint].compactMap { $0 }.joined(separator: " ").nilIfEmpty,
            wide: wide)
    }

    @HTMLBuilder
    private static func profileSections(_ form: FormState, _ unsure: Set<String>) -> HTML {
        section(.class("card"), .aria("labelledby", "basics-title")) {
            h2(.id("basics-title")) { "About you" }
            div(.class("form-grid")) {
                Components.textField(field("basics.name", unsure), form)
                Components.textField(field("basics.label", unsure, hint: "E.g. “Backend engineer”."), form)
                Components.textField(field("basics.email", unsure, type: "email"), form)
                Components.textField(field("basics.phone", unsure), form)
                Components.textField(field("basics.city", unsure), form)
                Components.textField(field("basics.url", unsure), form)
                Components.textArea(
                    field("basics.profiles", unsure, hint: "One link a line (GitHub, LinkedIn …).", wide: true), form, rows: 2)
                Components.textArea(field("basics.summary", unsure, wide: true), form, rows: 4)
            }
        }
        section(.class("card"), .id("preferences"), .aria("labelledby", "preferences-title")) {
            h2(.id("preferences-title")) { "What you are looking for" }
            p(.class("muted")) { "A preference marked “must” rules jobs out; otherwise it only lowers their score." }
            div(.class("form-grid")) {
                Components.textField(field("preferences.target_titles", unsure, hint: "Separated by commas."), form)
                Components.textField(field("preferences.locations", unsure, hint: "Separated by semicolons: “Berlin; Munich”."), form)
                Components.textField(field("preferences.min_salary", unsure), form)
                Components.textField(field("preferences.salary_currency", unsure, hint: "Three letters, e.g. EUR."), form)
            }
            fieldset {
                legend { "Work place" }
                for (kind, label) in [("remote", "Remote"), ("hybrid", "Hybrid"), ("onsite", "On-site")] {
                    checkbox("preferences.remote.\(kind)", label, form)
                }
            }
            fieldset {
                legend { "Must match (rule other jobs out)" }
                for (kind, label) in [("titles", "Titles"), ("locations", "Locations"), ("remote", "Work place"), ("salary", "Salary")] {
                    checkbox("preferences.hard_filters.\(kind)", label, form)
                }
            }
        }
        listSection("work", form) { key in
            div(.class("form-grid")) {
                Components.textField(field(key + "position", unsure), form)
                Components.textField(field(key + "name", unsure), form)
                Components.textField(field(key + "startDate", unsure, hint: "2020-03 or 2020."), form)
                Components.textField(field(key + "endDate", unsure, hint: "Empty while it goes on."), form)
                Components.textField(field(key + "location", unsure), form)
                Components.textArea(field(key + "highlights", unsure, hint: "One a line.", wide: true), form, rows: 3)
            }
        }
        listSection("education", form) { key in
            div(.class("form-grid")) {
                Components.textField(field(key + "institution", unsure), form)
                Components.textField(field(key + "studyType", unsure), form)
                Components.textField(field(key + "area", unsure), form)
                Components.textField(field(key + "startDate", unsure), form)
                Components.textField(field(key + "endDate", unsure), form)
            }
        }
        listSection("skills", form) { key in
            div(.class("form-grid")) {
                Components.textField(field(key + "name", unsure), form)
                Components.textField(field(key + "level", unsure, hint: "E.g. Expert."), form)
                Components.textField(field(key + "years", unsure), form)
            }
        }
        listSection("projects", form) { key in
            div(.class("form-grid")) {
                Components.textField(field(key + "name", unsure), form)
                Components.textField(field(key + "url", unsure), form)
                Components.textArea(field(key + "description", unsure, wide: true), form, rows: 2)
            }
        }
        listSection("certificates", form) { key in
            div(.class("form-grid")) {
                Components.textField(field(key + "name", unsure), form)
                Components.textField(field(key + "issuer", unsure), form)
                Components.textField(field(key + "date", unsure), form)
            }
        }
        listSection("languages", form) { key in
            div(.class("form-grid")) {
                Components.textField(field(key + "language", unsure), form)
                Components.textField(field(key + "fluency", unsure), form)
            }
        }
    }

    /// A list of the profile (roles, schools …): its filled rows and spare ones to add to.
    private static func listSection(_ list: String, _ form: FormState, row: (_ key: String) -> HTML) -> HTML {
        let rows = ProfileForm.rowCount(list, form.values) + (ProfileForm.spareRows[list] ?? 1)
        return section(.class("card"), .id(list), .aria("labelledby", "\(list)-title")) {
            h2(.id("\(list)-title")) { ProfileForm.listTitles[list] ?? list }
            for index in 0..<rows {
                fieldset(.class("profile-row"), .data("row", String(index))) { row("\(list)[\(index)].") }
            }
        }
    }

    private static func checkbox(_ name: String, _ label: String, _ form: FormState) -> HTML {
        HTML.element("label", [.class("checkbox")]) {
            input(.type("checkbox"), .name(name), .value("true"), .if(form[name] == "true", Attribute("checked", nil)))
            " \(label)"
        }
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
