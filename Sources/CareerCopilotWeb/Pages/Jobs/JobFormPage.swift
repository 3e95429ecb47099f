import CareerCopilotCore

/// `/jobs/new` and `/jobs/{id}/edit`: one form for both, errors next to their fields.
public enum JobFormPage {
    /// The form's fields, as the API names them.
    public static let fields: FormFields = [
        "title": "Title", "company": "Company", "location": "Location", "url": "Link to the posting", "remote": "Workplace",
        "employment_type": "Contract", "salary_min": "Salary from", "salary_max": "Salary to", "salary_currency": "Currency",
        "salary_period": "Paid per", "posted_at": "Posted on", "skills": "Skills", "description": "Description",
        "is_private": "Only I can see this job", "is_active": "The job is still open",
    ]
    /// The import form above it.
    public static let importFields: FormFields = ["url": "Posting URL"]

    /// What is saved now, where it differs from what the person submitted: shown when the job
    /// changed while they were editing it (decision 0015).
    public struct Conflict: Sendable {
        public var saved: [(label: String, value: String)]

        public init(saved: [(label: String, value: String)]) {
            self.saved = saved
        }
    }

    /// `jobID` nil: a new job, with the import-from-URL form above it (`imported`: that
    /// form as submitted).
    public static func render(jobID: Int?, _ state: FormState, imported: FormState = FormState(), conflict: Conflict? = nil, context: PageContext) -> String {
        let title = jobID == nil ? "Add a job" : "Edit job"
        let action = jobID.map { SiteURL.editJob($0) } ?? .jobs
        return Layout.document(title: title, context: context) {
            div(.class("page-head")) {
                div {
                    p(.class("muted")) { a(.href(jobID.map { SiteURL.job($0).path } ?? SiteURL.jobs.path)) { "← Back" } }
                    h1 { title }
                }
            }
            if jobID == nil {
                section(.class("card"), .id("import"), .aria("labelledby", "import-title")) {
                    h2(.id("import-title")) { "Import from a link" }
                    p(.class("muted")) {
                        "Paste the address of a posting: Greenhouse, Lever and Ashby jobs are read from their boards, any other page from its schema.org data."
                    }
                    Components.postForm(.importJob, context, .id("import-form"), .novalidate) {
                        Components.textField(
                            .init(name: "url", label: "Posting URL", type: "url", required: true, maxLength: 2_048, id: "import-url"), imported)
                        div(.class("form-actions")) { button(.type("submit"), .class("btn", "btn-primary")) { "Import" } }
                    }
                }
                h2 { "Or enter it yourself" }
            }
            if let conflict { conflictNotice(conflict) }
            div(.class("card")) {
                Components.errorSummary(state)
                Components.postForm(action, context, .id("job-form"), .novalidate) {
                    // The version the form was opened with: a save from an old copy is caught.
                    if jobID != nil { input(.type("hidden"), .name("version"), .value(state["version"])) }
                    div(.class("form-grid")) {
                        Components.textField(.init(name: "title", label: "Title", required: true, maxLength: 300, extra: [.autofocus]), state)
                        Components.textField(.init(name: "company", label: "Company", required: true, maxLength: 200), state)
                        Components.textField(.init(name: "location", label: "Location", hint: "City, country — or “Remote (EU)”.", maxLength: 300), state)
                        Components.textField(
                            .init(name: "url", label: "Link to the posting", type: "url", hint: "http:// or https://", maxLength: 2_048), state)
                        Components.selectField(
                            .init(name: "remote", label: "Workplace"),
                            options: [("", "Not stated")] + RemoteType.allCases.map { ($0.rawValue, Formatting.remoteLabel($0)) }, state)
                        Components.selectField(
                            .init(name: "employment_type", label: "Contract"),
                            options: [("", "Not stated")] + EmploymentType.allCases.map { ($0.rawValue, Formatting.employmentLabel($0)) }, state)
                        Components.textField(.init(name: "salary_min", label: "Salary from", hint: "Such as 80000, 80,000, 80.000 or 80k."), state)
                        Components.textField(.init(name: "salary_max", label: "Salary to", hint: "Leave empty for one amount."), state)
                        Components.textField(.init(name: "salary_currency", label: "Currency", hint: "Three letters, such as EUR or USD.", maxLength: 3), state)
                        Components.selectField(
                            .init(name: "salary_period", label: "Paid per"),
                            options: [("", "Not stated")] + SalaryPeriod.allCases.map { ($0.rawValue, $0.rawValue.capitalizedFirst) }, state)
                        Components.textField(.init(name: "posted_at", label: "Posted on", type: "date"), state)
                        Components.textField(.init(name: "skills", label: "Skills", hint: "Separated by commas: Swift, PostgreSQL, Kubernetes."), state)
                        Components.textArea(
                            .init(
                                name: "description", label: "Description",
                                hint: "Plain text, or HTML: links, lists, emphasis, headings and tables are kept, anything else is removed.",
                                maxLength: JobDraft.maxDescriptionLength, wide: true), state)
                        // On a new job, and on a private one: a shared job stays shared.
                        let privacyShown = jobID == nil || state["private_shown"] == "1" || state["is_private"] == "true"
                        let privateTicked = state["private_shown"].isEmpty ? jobID == nil || state["is_private"] == "true" : state["is_private"] == "true"
                        if privacyShown {
                            div(.class("field", "span-2")) {
                                input(.type("hidden"), .name("private_shown"), .value("1"))
                                label(.class("checkbox")) {
                                    input(.type("checkbox"), .name("is_private"), .value("true"), .id("is_private"), .if(privateTicked, .checked))
                                    "Only I can see this job"
                                }
                                p(.class("hint")) { "Untick to share it with everyone who uses Career Copilot here. A shared job stays shared." }
                            }
                        }
                        if jobID != nil {
                            div(.class("field", "span-2")) {
                                label(.class("checkbox")) {
                                    input(.type("checkbox"), .name("is_active"), .value("true"), .id("is_active"), .if(state["is_active"] == "true", .checked))
                                    "The job is still open"
                                }
                            }
                        }
                    }
                    div(.class("form-actions")) {
                        button(.type("submit"), .class("btn", "btn-primary")) { jobID == nil ? "Add job" : "Save changes" }
                        a(.class("btn"), .href(jobID.map { SiteURL.job($0).path } ?? SiteURL.jobs.path)) { "Cancel" }
                    }
                }
            }
        }
    }

    static func conflictNotice(_ conflict: Conflict) -> HTML {
        section(.class("card", "conflict"), .id("conflict"), .role("alert"), .aria("labelledby", "conflict-title")) {
            h2(.id("conflict-title")) { "This job changed while you were editing it" }
            p {
                "Nothing you typed is lost: your version is in the form below, not saved yet. "
                "Here is what is saved now. Save again to replace it with yours, or take what you need from it."
            }
            if conflict.saved.isEmpty {
                p(.class("muted")) { "The saved job now matches what you typed." }
            } else {
                dl(.class("job-facts"), .id("conflict-saved")) {
                    for field in conflict.saved {
                        dt { field.label }
                        dd { field.value.isEmpty ? "(empty)" : field.value }
                    }
                }
            }
        }
    }
}
