import CareerCopilotCore
import Foundation
import JobSources

/// `/sources` (admins): the job sources, how each last run went, adding one, running one now.
public enum SourcesPage {
    public struct Row: Sendable {
        public var id: Int
        public var name: String
        public var type: String
        public var identifier: String
        public var schedule: String
        public var enabled: Bool
        public var lastRunAt: Date?
        public var lastStatus: String?
        public var lastError: String?
        /// "3 new · 1 updated · …", when it ran.
        public var lastCounts: String?
        /// A run is queued or under way: the page follows it (script) until it ends.
        public var running = false

        public init(
            id: Int, name: String, type: String, identifier: String, schedule: String, enabled: Bool, lastRunAt: Date?, lastStatus: String?, lastError: String?,
            lastCounts: String?
        ) {
            self.id = id
            self.name = name
            self.type = type
            self.identifier = identifier
            self.schedule = schedule
            self.enabled = enabled
            self.lastRunAt = lastRunAt
            self.lastStatus = lastStatus
            self.lastError = lastError
            self.lastCounts = lastCounts
        }
    }

    public static let fields: FormFields = [
        "name": "Name", "type": "Type", "identifier": "Board, site, feed or page", "base_url": "Base URL", "schedule": "Schedule",
    ]
    /// The fields of a source's own edit form (`/sources/{id}/edit`).
    public static let editFields: FormFields = ["schedule": "Schedule", "enabled": "State"]

    /// `editing`: the source whose edit form `form` belongs to (it failed validation).
    public static func render(_ rows: [Row], form: FormState, editing: Int? = nil, context: PageContext) -> String {
        Layout.document(title: "Sources", context: context) {
            div(.class("page-head")) {
                div {
                    h1 { "Job sources" }
                    p(.class("muted")) { "Public job boards and careers pages that Career Copilot reads on a schedule." }
                }
            }
            div(.class("columns-2")) {
                section(.aria("labelledby", "sources-title")) {
                    h2(.id("sources-title"), .class("visually-hidden")) { "Sources" }
                    if rows.isEmpty {
                        Components.emptyState(
                            title: "No sources yet",
                            message: "Add a board on the right: its jobs arrive in the catalogue on its schedule, or at once with Run now."
                        ) {}
                    } else {
                        p(.class("visually-hidden"), .id("sources-status"), .role("status"), .aria("live", "polite")) {}
                        ol(.class("job-list"), .id("source-list")) {
                            for row in rows { sourceCard(row, form: editing == row.id ? form : nil, context: context) }
                        }
                    }
                }
                aside(.class("card"), .aria("labelledby", "add-source-title")) {
                    h2(.id("add-source-title")) { "Add a source" }
                    if editing == nil { Components.errorSummary(form) }
                    Components.postForm(.sources, context, .id("source-form"), .novalidate) {
                        div(.class("stack")) {
                            Components.textField(
                                .init(name: "name", label: "Name", required: true, hint: "Shown in lists and reports, e.g. “Stripe”.", maxLength: 100), form)
                            Components.selectField(
                                .init(name: "type", label: "Type"), options: SourceKind.allCases.map { ($0.rawValue, label($0)) },
                                editing == nil ? form : FormState())
                            Components.textField(
                                .init(
                                    name: "identifier", label: "Board, site, feed or page",
                                    hint:
                                        "Paste the board's address (boards.greenhouse.io/acme, jobs.lever.co/acme …) and the type follows; or the board token, a tag (remoteok), a feed or careers page URL, or a query (adzuna: country=gb&what=swift; usajobs: Keyword=software).",
                                    maxLength: 2_048), editing == nil ? form : FormState())
                            Components.textField(
                                .init(
                                    name: "base_url", label: "Base URL", type: "url",
                                    hint: "Leave empty. Only for a board served from another address than its usual one (a proxy, a regional host).",
                                    maxLength: 2_048), editing == nil ? form : FormState())
                            Components.textField(
                                .init(name: "schedule", label: "Schedule", hint: "every 6h, @daily or five cron fields (UTC).", maxLength: 100),
                                editing == nil ? form : FormState())
                        }
                        div(.class("form-actions")) { button(.type("submit"), .class("btn", "btn-primary")) { "Add source" } }
                    }
                }
            }
        }
    }

    static func label(_ kind: SourceKind) -> String { kind.source.label }

    private static func sourceCard(_ row: Row, form: FormState?, context: PageContext) -> HTML {
        li(.class("job-card"), .data("source-id", String(row.id)), .if(row.running, .data("running", ""))) {
            h2 { row.name }
            ul(.class("job-meta")) {
                li { strong { SourceKind(rawValue: row.type).map(label) ?? row.type } }
                if !row.identifier.isEmpty { li { row.identifier } }
                li { row.schedule }
            }
            div(.class("job-badges")) {
                if row.running {
                    span(.class("badge", "badge-accent"), .role("status")) {
                        "Running… "; a(.href(.sources)) { "refresh" }
                    }
                }
                switch row.lastStatus {
                case "succeeded": span(.class("badge", "badge-success")) { "Last run succeeded" }
                case "failed": span(.class("badge", "badge-danger")) { "Last run failed" }
                default: span(.class("badge")) { "Not run yet" }
                }
                if !row.enabled { span(.class("badge", "badge-warning")) { "Paused" } }
                if let at = row.lastRunAt { span(.class("badge")) { Formatting.time(at, withTime: true) } }
            }
            if let counts = row.lastCounts { p(.class("muted")) { counts } }
            if let error = row.lastError { p(.class("field-error")) { error } }
            editForm(row, form: form, context: context)
            div(.class("actions")) {
                Components.postForm(.runSource(row.id), context) {
                    button(.type("submit"), .class("btn", "btn-small", "btn-primary")) { "Run now" }
                }
                Components.postForm(.deleteSource(row.id), context, .data("confirm", "Remove this source? Its jobs stay.")) {
                    button(.type("submit"), .class("btn", "btn-small", "btn-danger")) { "Remove" }
                }
            }
        }
    }

    /// Schedule and pause/resume, in a fold of the card (open when it failed validation).
    private static func editForm(_ row: Row, form: FormState?, context: PageContext) -> HTML {
        let state = form ?? FormState(values: ["schedule": row.schedule, "enabled": row.enabled ? "true" : "false"])
        return details(.class("source-edit"), .if(form != nil, .open)) {
            summary { "Edit schedule" }
            Components.errorSummary(state)
            Components.postForm(.editSource(row.id), context, .novalidate) {
                div(.class("stack")) {
                    Components.textField(.init(name: "schedule", label: "Schedule", maxLength: 100, id: "schedule-\(row.id)"), state)
                    Components.selectField(
                        .init(name: "enabled", label: "State", id: "enabled-\(row.id)"), options: [("true", "Runs on its schedule"), ("false", "Paused")], state
                    )
                }
                div(.class("form-actions")) { button(.type("submit"), .class("btn", "btn-small")) { "Save" } }
            }
        }
    }
}
