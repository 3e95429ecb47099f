import CareerCopilotCore
import JobSources

/// `/jobs`: search, filters, sort and pages over the catalogue.
public enum JobsPage {
    public struct Model: Sendable {
        /// The search as submitted (`searchFields`).
        public var search: [String: String]
        public var jobs: [JobSummary]
        public var total: Int
        public var page: Int
        public var pageSize: Int

        public init(search: [String: String], jobs: [JobSummary], total: Int, page: Int, pageSize: Int) {
            self.search = search
            self.jobs = jobs
            self.total = total
            self.page = page
            self.pageSize = pageSize
        }

        var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }
        var isFiltered: Bool { searchFields.contains { !(search[$0] ?? "").isEmpty } }
    }

    /// The parameters the search form sends, in the order links repeat them. `posted` (days)
    /// and `salary_min` as typed ("80k") are the page's; the controller turns them into the
    /// API's filters.
    public static let searchFields = [
        "q", "mode", "company", "location", "remote", "source", "skill", "salary_min", "posted", "is_active", "match_min", "sort",
    ]
    static let refinements = searchFields.filter { $0 != "q" && $0 != "mode" }

    /// How keywords find jobs: by what they mean and the words (the default), by meaning
    /// alone, or by the words alone.
    static let modeChoices: [(value: String, label: String)] = [("", "Meaning and words"), ("semantic", "Meaning"), ("keyword", "Words")]

    /// Where jobs come from, as the Source filter offers them: the boards discovery reads, jobs
    /// added by hand or imported, and the demo.
    static let sourceChoices: [(value: String, label: String)] =
        [("", "Any")]
        + SourceKind.allCases.map { ($0.rawValue, SourcesPage.label($0)) }
        + [("manual", "Added by hand"), ("import", "Imported from a page"), (DemoDataset.source, "Demo data")]

    static let postedChoices: [(value: String, label: String)] = [("", "Any time"), ("1", "Past day"), ("7", "Past week"), ("30", "Past month")]

    static let sortChoices: [(value: String, label: String)] = [
        ("", "Relevance"), ("-posted_at", "Newest first"), ("posted_at", "Oldest first"), ("-id", "Recently added"), ("-match", "Best match"),
        ("-salary_max", "Highest pay"), ("title", "Title A–Z"), ("company", "Company A–Z"),
    ]

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.document(title: "Jobs", context: context) {
            div(.class("page-head")) {
                h1 { "Jobs" }
                a(.class("btn", "btn-primary"), .href(.newJob)) { "Add a job" }
            }
            searchForm(model)
            if model.jobs.isEmpty {
                if model.total > 0 {
                    Components.emptyState(title: "Past the last page", message: "There are \(Formatting.plural(model.total, "job")), on fewer pages.") {
                        a(.class("btn"), .href(SiteURL.jobs.path(query: searchFields.map { ($0, model.search[$0] ?? "") }))) { "First page" }
                    }
                } else if model.isFiltered {
                    Components.emptyState(title: "No jobs match", message: "Try fewer words or clear the filters.") {
                        a(.class("btn"), .href(.jobs)) { "Clear filters" }
                    }
                } else {
                    Components.emptyState(title: "No jobs yet", message: "Add a job you found, or load the demo data from the dashboard.") {
                        a(.class("btn", "btn-primary"), .href(.newJob)) { "Add a job" }
                    }
                }
            } else {
                p(.class("result-count"), .role("status")) { resultCount(model) }
                let here = SiteURL.jobs.path(query: searchFields.map { ($0, model.search[$0] ?? "") } + (model.page > 1 ? [("page", String(model.page))] : []))
                Components.trackForm(model.jobs, returnTo: here, context: context)
                pagination(model)
            }
        }
    }

    private static func resultCount(_ model: Model) -> String {
        let first = (model.page - 1) * model.pageSize + 1
        let last = first + model.jobs.count - 1
        return "\(Formatting.amount(Double(first)))–\(Formatting.amount(Double(last))) of \(Formatting.plural(model.total, "job"))"
    }

    /// Keywords always in view; the other filters and the sort fold away (open when used).
    private static func searchForm(_ model: Model) -> HTML {
        let state = FormState(values: model.search)
        let refined = refinements.contains { !state[$0].isEmpty }
        return form(.id("job-search"), .class("search"), .method("get"), .action(.jobs), .role("search"), .aria("label", "Search jobs")) {
            div(.class("search-row")) {
                label(.for("q"), .class("visually-hidden")) { "Keywords" }
                input(
                    .type("search"), .id("q"), .name("q"), .value(state["q"]), .placeholder("What you want to do, a title, a skill or a company"),
                    .maxlength(200))
                label(.for("mode"), .class("visually-hidden")) { "Search by" }
                select(.id("mode"), .name("mode")) {
                    for choice in modeChoices {
                        option(.value(choice.value), .if(state["mode"] == choice.value, .selected)) { choice.label }
                    }
                }
                button(.type("submit"), .class("btn", "btn-primary")) { "Search" }
                if model.isFiltered { a(.class("btn"), .href(.jobs)) { "Clear" } }
            }
            details(.class("filters-more"), .if(refined, .open)) {
                summary { "Filters and sort" }
                div(.class("filters")) {
                    Components.textField(.init(name: "company", label: "Company", maxLength: 200), state)
                    Components.textField(.init(name: "location", label: "Location", maxLength: 200), state)
                    Components.selectField(
                        .init(name: "remote", label: "Workplace"),
                        options: [("", "Any")] + RemoteType.allCases.map { ($0.rawValue, Formatting.remoteLabel($0)) }, state
                    )
                    Components.selectField(.init(name: "source", label: "Source"), options: sourceChoices, state)
                    Components.textField(.init(name: "skill", label: "Skill", hint: "Such as Swift or C++.", maxLength: 100), state)
                    Components.textField(.init(name: "salary_min", label: "Pay at least", hint: "Such as 80000 or 80k.", maxLength: 40), state)
                    Components.selectField(.init(name: "posted", label: "Posted"), options: postedChoices, state)
                    Components.selectField(.init(name: "is_active", label: "Status"), options: [("", "Any"), ("true", "Open"), ("false", "Closed")], state)
                    Components.selectField(
                        .init(name: "match_min", label: "Match", hint: "From your profile."),
                        options: [("", "Any"), ("50", "50% or more"), ("70", "70% or more"), ("85", "85% or more")], state)
                    Components.selectField(
                        .init(name: "sort", label: "Sort by", hint: "Relevance ranks by the keywords; an order keeps jobs with every word."),
                        options: sortChoices, state)
                    div(.class("actions")) {
                        button(.type("submit"), .class("btn")) { "Apply filters" }
                    }
                }
            }
        }
    }

    private static func pagination(_ model: Model) -> HTML {
        guard model.pageCount > 1 else { return .empty }
        let base = searchFields.map { ($0, model.search[$0] ?? "") }
        return nav(.class("pagination"), .aria("label", "Pages")) {
            if model.page > 1 {
                a(.class("btn"), .rel("prev"), .href(SiteURL.jobs.path(query: base + [("page", String(model.page - 1))]))) { "← Previous" }
            } else {
                span {}
            }
            span(.class("muted")) { "Page \(model.page) of \(Formatting.amount(Double(model.pageCount)))" }
            if model.page < model.pageCount {
                a(.class("btn"), .rel("next"), .href(SiteURL.jobs.path(query: base + [("page", String(model.page + 1))]))) { "Next →" }
            } else {
                span {}
            }
        }
    }
}
