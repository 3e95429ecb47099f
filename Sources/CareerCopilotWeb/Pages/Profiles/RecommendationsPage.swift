import CareerCopilotCore
import Matching

/// `/recommendations`: the jobs that fit the person best, each with its score and why.
public enum RecommendationsPage {
    public struct Item: Sendable {
        public var job: JobSummary
        public var match: Match
        /// Why the job counts as applied to already (shown when the person asks to see those).
        public var applied: String?

        public init(job: JobSummary, match: Match, applied: String?) {
            self.job = job
            self.match = match
            self.applied = applied
        }
    }

    public struct Model: Sendable {
        /// Nil when the person has no profile yet.
        public var items: [Item]?
        public var total: Int
        public var showApplied: Bool

        public init(items: [Item]?, total: Int, showApplied: Bool) {
            self.items = items
            self.total = total
            self.showApplied = showApplied
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.document(title: "Recommended for you", context: context) {
            div(.class("page-head")) {
                div {
                    h1 { "Recommended for you" }
                    p(.class("muted")) { "Open jobs that fit your profile best. Hidden companies and jobs you track are left out." }
                }
                div(.class("actions")) {
                    a(.class("btn"), .href(.profile)) { "Edit profile" }
                    a(.class("btn"), .href(SiteURL.recommendations.path(query: [("applied", model.showApplied ? "" : "show")]))) {
                        model.showApplied ? "Hide jobs I track" : "Show jobs I track"
                    }
                }
            }
            if let items = model.items {
                if items.isEmpty {
                    Components.emptyState(
                        title: "No recommendations yet",
                        message: "Scores are computed in the background after you save your profile; new jobs are scored as they arrive."
                    ) {
                        a(.class("btn"), .href(.jobs)) { "Browse jobs" }
                    }
                } else {
                    list(items)
                }
            } else {
                Components.emptyState(
                    title: "Start with your profile", message: "Import your resume or fill in your profile, and the best-fitting jobs appear here."
                ) {
                    a(.class("btn", "btn-primary"), .href(.profile)) { "Create your profile" }
                }
            }
        }
    }

    /// The recommendations as cards: score, summary, skills met and missing.
    static func list(_ items: [Item]) -> HTML {
        ol(.class("job-list"), .id("recommendation-list")) {
            for item in items {
                li(.class("job-card"), .data("job-id", String(item.job.id))) {
                    h2 { a(.class("job-link"), .href(.job(item.job.id))) { item.job.title } }
                    ul(.class("job-meta")) {
                        li { strong { item.job.company } }
                        if let location = item.job.location { li { location } }
                        if let salary = item.job.salary { li { salary } }
                    }
                    div(.class("job-badges")) {
                        MatchViews.badge(item.match.score, passes: item.match.passes)
                        if let applied = item.applied { span(.class("badge", "badge-accent"), .data("applied", "true")) { "Tracked: " + applied } }
                    }
                    p(.class("muted")) { item.match.summary }
                    if !item.match.matchedSkills.isEmpty { p { "You have: " + item.match.matchedSkills.prefix(8).joined(separator: ", ") } }
                    if !item.match.missingSkills.isEmpty { p { "Missing: " + item.match.missingSkills.prefix(8).joined(separator: ", ") } }
                }
            }
        }
    }
}
