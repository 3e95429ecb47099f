import CareerCopilotCore

/// `/`: where the search stands, what is new, what to do next.
public enum DashboardPage {
    public struct Model: Sendable {
        public var countsByStatus: [ApplicationStatus: Int]
        public var recentJobs: [JobSummary]
        public var recentApplications: [ApplicationSummary]
        public var jobCount: Int
        /// Whether the viewer may load the demo dataset (admins, when it is not loaded yet).
        public var canLoadDemo: Bool
        /// The best matches for the viewer's profile; nil when they have no profile.
        public var recommendations: [RecommendationsPage.Item]?

        public init(
            countsByStatus: [ApplicationStatus: Int], recentJobs: [JobSummary], recentApplications: [ApplicationSummary], jobCount: Int, canLoadDemo: Bool
        ) {
            self.countsByStatus = countsByStatus
            self.recentJobs = recentJobs
            self.recentApplications = recentApplications
            self.jobCount = jobCount
            self.canLoadDemo = canLoadDemo
        }

        var applicationCount: Int { countsByStatus.values.reduce(0, +) }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.document(title: "Dashboard", context: context) {
            div(.class("page-head")) {
                div {
                    h1 { "Dashboard" }
                    p(.class("muted")) {
                        "\(Formatting.plural(model.applicationCount, "application")) tracked · \(Formatting.plural(model.jobCount, "job")) in the catalogue"
                    }
                }
                div(.class("actions")) {
                    a(.class("btn"), .href(.newJob)) { "Add a job" }
                    a(.class("btn", "btn-primary"), .href(.jobs)) { "Browse jobs" }
                }
            }
            if model.applicationCount == 0 && model.jobCount == 0 {
                gettingStarted(model, context: context)
            } else {
                statusSummary(model)
                recommendations(model)
                div(.class("columns-2")) {
                    recentJobs(model)
                    recentApplications(model, context: context)
                }
            }
        }
    }

    private static func statusSummary(_ model: Model) -> HTML {
        section(.id("status-summary"), .aria("labelledby", "status-summary-title")) {
            h2(.id("status-summary-title"), .class("visually-hidden")) { "Applications by status" }
            ul(.class("stats")) {
                for status in ApplicationStatus.allCases {
                    li(.class("stat"), .data("status", status.rawValue)) {
                        a(.href(SiteURL.applications.path(fragment: "column-\(status.rawValue)"))) {
                            span(.class("stat-value")) { String(model.countsByStatus[status] ?? 0) }
                            span(.class("stat-label")) { Formatting.statusLabel(status) }
                        }
                    }
                }
            }
        }
    }

    private static func recommendations(_ model: Model) -> HTML {
        section(.class("card"), .id("recommendations"), .aria("labelledby", "recommendations-title")) {
            h2(.id("recommendations-title")) { "Recommended for you" }
            if let items = model.recommendations {
                if items.isEmpty {
                    p(.class("muted")) { "No matches yet: scores appear shortly after you save your profile." }
                } else {
                    RecommendationsPage.list(items)
                    p { a(.href(.recommendations)) { "All recommendations →" } }
                }
            } else {
                p {
                    "Import your resume on your "; a(.href(.profile)) { "profile" }; " to see the jobs that fit you best, and why."
                }
            }
        }
    }

    private static func recentJobs(_ model: Model) -> HTML {
        section(.id("recent-jobs"), .aria("labelledby", "recent-jobs-title")) {
            h2(.id("recent-jobs-title")) { "Recently added jobs" }
            if model.recentJobs.isEmpty {
                p(.class("muted")) {
                    "No jobs yet. "; a(.href(.newJob)) { "Add the first one" }
                }
            } else {
                ol(.class("job-list")) {
                    for job in model.recentJobs { Components.jobCard(job) }
                }
                p { a(.href(SiteURL.jobs.path(query: [("sort", "-id")]))) { "All jobs →" } }
            }
        }
    }

    private static func recentApplications(_ model: Model, context: PageContext) -> HTML {
        aside(.id("next-steps"), .class("card"), .aria("labelledby", "next-steps-title")) {
            h2(.id("next-steps-title")) { "Latest activity" }
            if model.recentApplications.isEmpty {
                p(.class("muted")) { "You are not tracking any job yet. Open a job and choose Track to start an application." }
            } else {
                ul(.class("steps")) {
                    for application in model.recentApplications {
                        li {
                            a(.href(.application(application.id))) { application.jobTitle }
                            " at \(application.company) "
                            Components.statusBadge(application.status)
                        }
                    }
                }
                p { a(.href(.applications)) { "Open the board →" } }
            }
            if model.canLoadDemo { demoForm(context) }
        }
    }

    private static func gettingStarted(_ model: Model, context: PageContext) -> HTML {
        section(.id("getting-started"), .class("empty"), .aria("labelledby", "getting-started-title")) {
            h2(.id("getting-started-title")) { "Welcome! Let's start your search" }
            p { "Career Copilot keeps every job you find and every application you send in one place." }
            ol(.class("steps", "muted")) {
                if context.viewer?.isAdmin == true {
                    li {
                        "Let it find jobs for you: "; a(.href(.sources)) { "add a job board, feed or careers page" }; " and it reads it on a schedule."
                    }
                } else {
                    li { "Jobs from the job boards your admin adds appear here by themselves." }
                }
                li { "Add a job you found — or load the demo data to look around first." }
                li { "Choose Track on a job to start an application." }
                li { "Move it across the board as you apply, interview and get offers." }
            }
            div(.class("actions")) {
                a(.class("btn", "btn-primary"), .href(.newJob)) { "Add your first job" }
                if model.canLoadDemo { demoForm(context) }
            }
        }
    }

    static func demoForm(_ context: PageContext) -> HTML {
        Components.postForm(.demo, context, .id("demo-form")) {
            button(.type("submit"), .class("btn")) { "Load demo data" }
        }
    }
}
