import CareerCopilotCore
import Foundation

/// `/sources` (admins): the job sources, how each last run went, adding one, running one now.
public enum SourcesPage {
    public struct Row: Sendable {
        public var id: Int
        public var name: String
        public var kind: String
        public var identifier: String
        public var schedule: String
        public var lastRunAt: Date?
        public var lastStatus: String?
        public var lastError: String?
        /// "3 new · 1 updated · …", when it ran.
        public var lastCounts: String?

        public init(id: Int, name: String, kind: String, identifier: String, schedule: String, lastRunAt: Date?, lastStatus: String?, lastError: String?, lastCounts: String?) {
            self.id = id
            self.name = name
            self.kind = kind
            self.identifier = identifier
            self.schedule = schedule
            self.lastRunAt = lastRunAt
            self.lastStatus = lastStatus
            self.lastError = lastError
            self.lastCounts = lastCounts
        }
    }

    public static let fields = ["name", "kind", "identifier", "schedule"]

    public static func render(_ rows: [Row], form: FormState, context: PageContext) -> String {
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
                        Components.emptyState(title: "No sources yet", message: "Add a board on the right: its jobs arrive in the catalogue on its schedule, or at once with Run now.") {}
                    } else {
                        ol(.class("job-list"), .id("source-list")) {
                            for row in rows { sourceCard(row, context: context) }
                        }
                    }
                }
                aside(.class("card"), .aria("labelledby", "add-source-title")) {
                    h2(.id("add-source-title")) { "Add a source" }
                    Components.errorSummary(form)
                    Components.postForm("/sources", context, .id("source-form"), .novalidate) {
                        div(.class("stack")) {
                            Components.textField(.init(name: "name", label: "Name", required: true, hint: "Shown in lists and reports, e.g. “Stripe”.", maxLength: 100), form)
                            Components.selectField(.init(name: "kind", label: "Kind"), options: SourceKind.allCases.map { ($0.rawValue, label($0)) }, form)
                            Components.textField(.init(name: "identifier", label: "Board, site or page", hint: "The board token (greenhouse), site (lever), board name (ashby), tag (remoteok) or careers page URL.", maxLength: 2_048), form)
                            Components.textField(.init(name: "schedule", label: "Schedule", hint: "every 6h, @daily or five cron fields (UTC).", maxLength: 100), form)
                        }
                        div(.class("form-actions")) { button(.type("submit"), .class("btn", "btn-primary")) { "Add source" } }
                    }
                }
            }
        }
    }

    static func label(_ kind: SourceKind) -> String {
        switch kind {
        case .greenhouse: "Greenhouse board"
        case .lever: "Lever site"
        case .leverEU: "Lever site (EU)"
        case .ashby: "Ashby board"
        case .smartrecruiters: "SmartRecruiters company"
        case .workable: "Workable account"
        case .recruitee: "Recruitee company"
        case .remotive: "Remotive"
        case .remoteok: "RemoteOK"
        case .arbeitnow: "Arbeitnow"
        case .careers: "Careers page (schema.org)"
        }
    }

    private static func sourceCard(_ row: Row, context: PageContext) -> HTML {
        li(.class("job-card"), .data("source-id", String(row.id))) {
            h2 { row.name }
            ul(.class("job-meta")) {
                li { strong { SourceKind(rawValue: row.kind).map(label) ?? row.kind } }
                if !row.identifier.isEmpty { li { row.identifier } }
                li { row.schedule }
            }
            div(.class("job-badges")) {
                switch row.lastStatus {
                case "succeeded": span(.class("badge", "badge-success")) { "Last run succeeded" }
                case "failed": span(.class("badge", "badge-danger")) { "Last run failed" }
                default: span(.class("badge")) { "Not run yet" }
                }
                if let at = row.lastRunAt { span(.class("badge")) { Formatting.time(at, withTime: true) } }
            }
            if let counts = row.lastCounts { p(.class("muted")) { counts } }
            if let error = row.lastError { p(.class("field-error")) { error } }
            div(.class("actions")) {
                Components.postForm("/sources/\(row.id)/run", context) {
                    button(.type("submit"), .class("btn", "btn-small", "btn-primary")) { "Run now" }
                }
                Components.postForm("/sources/\(row.id)/delete", context, .data("confirm", "Remove this source? Its jobs stay.")) {
                    button(.type("submit"), .class("btn", "btn-small", "btn-danger")) { "Remove" }
                }
            }
        }
    }
}
