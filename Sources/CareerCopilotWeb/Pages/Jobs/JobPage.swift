import CareerCopilotCore
import Foundation
import Matching

/// `/jobs/{id}`: the job, its sanitised description, and what the viewer can do with it.
public enum JobPage {
    public struct Model: Sendable {
        public var job: JobSummary
        public var url: String?
        public var description: String
        public var skills: [String]
        public var inactiveSince: Date?
        public var createdAt: Date?
        /// The viewer's application for this job, if they track it.
        public var applicationID: Int?
        public var applicationStatus: ApplicationStatus?
        public var canEdit: Bool
        /// Where the job is listed (discovered jobs).
        public var sources: [SourceLink]
        /// How the job fits the viewer's profile; nil when they have none.
        public var match: Match?
        /// Open jobs most alike in meaning (semantic search); empty before it is ready.
        public var similar: [JobSummary] = []

        public init(
            job: JobSummary, url: String?, description: String, skills: [String], inactiveSince: Date?, createdAt: Date?,
            applicationID: Int?, applicationStatus: ApplicationStatus?, canEdit: Bool, sources: [SourceLink] = []
        ) {
            self.job = job
            self.url = url
            self.description = description
            self.skills = skills
            self.inactiveSince = inactiveSince
            self.createdAt = createdAt
            self.applicationID = applicationID
            self.applicationStatus = applicationStatus
            self.canEdit = canEdit
            self.sources = sources
        }
    }

    /// One source listing the job; `mergeReason` says why it was judged the same job as the
    /// one another source had brought.
    public struct SourceLink: Sendable {
        public var name: String
        public var url: String?
        public var mergeReason: String?
        public var missing: Bool

        public init(name: String, url: String?, mergeReason: String?, missing: Bool) {
            self.name = name
            self.url = url
            self.mergeReason = mergeReason
            self.missing = missing
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let job = model.job
        return Layout.document(title: "\(job.title) at \(job.company)", context: context) {
            div(.class("page-head")) {
                div {
                    p(.class("muted")) { a(.href(.jobs)) { "← Jobs" } }
                    h1 { job.title }
                    p(.class("muted")) {
                        strong { job.company }; job.location.map { " · \($0)" } ?? ""
                    }
                }
                actions(model, context: context)
            }
            div(.class("detail")) {
                article(.class("card"), .aria("labelledby", "description-title")) {
                    h2(.id("description-title")) { "About the role" }
                    if model.description.isEmpty {
                        p(.class("muted")) { "No description was given." }
                    } else {
                        div(.class("description"), .id("job-description")) { HTML.sanitized(model.description) }
                    }
                }
                aside(.class("card")) {
                    h2 { "Details" }
                    facts(model)
                }
            }
            if let match = model.match { MatchViews.explanation(match) } else { MatchViews.noProfile }
            if !model.similar.isEmpty { similarJobs(model.similar) }
        }
    }

    private static func similarJobs(_ jobs: [JobSummary]) -> HTML {
        section(.class("card"), .id("similar-jobs"), .aria("labelledby", "similar-title")) {
            h2(.id("similar-title")) { "Similar jobs" }
            ul(.class("plain-list")) {
                for job in jobs {
                    li {
                        a(.href(.job(job.id))) { job.title }
                        span(.class("muted")) { " · \(job.company)" + (job.location.map { " · \($0)" } ?? "") }
                    }
                }
            }
        }
    }

    private static func actions(_ model: Model, context: PageContext) -> HTML {
        let job = model.job
        return div(.class("actions")) {
            if let applicationID = model.applicationID {
                a(.class("btn"), .id("application-link"), .href(.application(applicationID))) {
                    "Tracked"
                    if let status = model.applicationStatus { " · \(Formatting.statusLabel(status))" }
                }
            } else {
                Components.postForm(.trackJob(job.id), context, .id("track-form")) {
                    button(.type("submit"), .class("btn", "btn-primary")) { "Track this job" }
                }
            }
            if let url = model.url {
                a(.class("btn"), .href(url), .rel("noopener noreferrer nofollow"), Attribute("target", "_blank")) { "Apply on the company's site ↗" }
            }
            Components.postForm(.blocklist, context, .id("hide-company-form")) {
                input(.type("hidden"), .name("company"), .value(job.company))
                input(.type("hidden"), .name("return_to"), .value(SiteURL.jobs.path))
                button(.type("submit"), .class("btn"), .title("Hide every job from \(job.company) from your lists; undo it in Settings")) {
                    "Hide this company"
                }
            }
            if model.canEdit {
                a(.class("btn"), .href(.editJob(job.id))) { "Edit" }
                Components.postForm(.deleteJob(job.id), context, .id("delete-job-form"), .data("confirm", "Delete this job?")) {
                    button(.type("submit"), .class("btn", "btn-danger")) { "Delete" }
                }
            }
        }
    }

    private static func facts(_ model: Model) -> HTML {
        let job = model.job
        return dl(.class("job-facts")) {
            dt { "Status" }
            dd {
                if job.isActive {
                    span(.class("badge", "badge-success")) { "Open" }
                } else {
                    span(.class("badge", "badge-danger")) { "Closed" }
                    if let since = model.inactiveSince { " since "; Formatting.time(since) }
                }
                if job.isDemo { " "; Components.demoBadge }
                if job.isPrivate { " "; Components.privateBadge }
            }
            if let salary = job.salary { dt { "Salary" }; dd { salary } }
            if let remote = job.remote { dt { "Workplace" }; dd { Formatting.remoteLabel(remote) } }
            if let type = job.employmentType { dt { "Contract" }; dd { Formatting.employmentLabel(type) } }
            if let location = job.location { dt { "Location" }; dd { location } }
            if model.sources.isEmpty {
                dt { "Source" }; dd { job.source }
            } else {
                dt { "Seen on" }
                dd {
                    ul(.class("source-links"), .id("job-sources")) {
                        for link in model.sources {
                            li {
                                if let url = link.url { a(.href(url), .rel("noopener noreferrer nofollow")) { link.name } } else { link.name }
                                if link.missing { span(.class("muted")) { " (no longer listed)" } }
                                if let reason = link.mergeReason { p(.class("muted", "merge-reason")) { "Joined this job: \(reason)" } }
                            }
                        }
                    }
                }
            }
            if let posted = job.postedAt { dt { "Posted" }; dd { Formatting.time(posted) } }
            if let created = model.createdAt { dt { "Added" }; dd { Formatting.time(created) } }
            if !model.skills.isEmpty {
                dt { "Skills" }
                dd { div(.class("job-badges")) { for skill in model.skills { span(.class("badge")) { skill } } } }
            }
        }
    }
}
