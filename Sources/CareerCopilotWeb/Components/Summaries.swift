import CareerCopilotCore
import Foundation

/// A job as lists and cards show it.
public struct JobSummary: Sendable {
    public var id: Int
    public var title: String
    public var company: String
    public var location: String?
    public var remote: RemoteType?
    public var employmentType: EmploymentType?
    public var salaryMin: Double?
    public var salaryMax: Double?
    public var salaryCurrency: String?
    public var salaryPeriod: SalaryPeriod?
    public var source: String
    public var postedAt: Date?
    public var isActive: Bool
    /// Only the viewer sees it: a job they added or imported and have not shared.
    public var isPrivate = false
    /// The viewer's application for it, when they track it.
    public var tracking: Tracking?
    /// The viewer's stored match score, once their profile has scored it.
    public var matchScore: Int?

    public struct Tracking: Sendable {
        public var applicationID: Int
        public var status: ApplicationStatus

        public init(applicationID: Int, status: ApplicationStatus) {
            self.applicationID = applicationID
            self.status = status
        }
    }

    public init(
        id: Int, title: String, company: String, location: String?, remote: RemoteType?, employmentType: EmploymentType?,
        salaryMin: Double?, salaryMax: Double?, salaryCurrency: String?, salaryPeriod: SalaryPeriod?,
        source: String, postedAt: Date?, isActive: Bool
    ) {
        self.id = id
        self.title = title
        self.company = company
        self.location = location
        self.remote = remote
        self.employmentType = employmentType
        self.salaryMin = salaryMin
        self.salaryMax = salaryMax
        self.salaryCurrency = salaryCurrency
        self.salaryPeriod = salaryPeriod
        self.source = source
        self.postedAt = postedAt
        self.isActive = isActive
    }

    var salary: String? {
        Formatting.salary(min: salaryMin, max: salaryMax, currency: salaryCurrency, period: salaryPeriod)
    }

    var isDemo: Bool { source == DemoDataset.source }
}

/// An application as the board and the dashboard show it.
public struct ApplicationSummary: Sendable {
    public var id: Int
    public var status: ApplicationStatus
    public var jobID: Int
    public var jobTitle: String
    public var company: String
    public var location: String?
    public var isDemo: Bool
    public var updatedAt: Date?

    public init(id: Int, status: ApplicationStatus, jobID: Int, jobTitle: String, company: String, location: String?, isDemo: Bool, updatedAt: Date?) {
        self.id = id
        self.status = status
        self.jobID = jobID
        self.jobTitle = jobTitle
        self.company = company
        self.location = location
        self.isDemo = isDemo
        self.updatedAt = updatedAt
    }
}

extension Components {
    static var privateBadge: HTML {
        span(.class("badge"), .title("Only you can see this job: you added it and have not shared it")) { "Only you" }
    }

    /// One job in a list: title linking to the job, company, place, pay, badges, and — when
    /// the list sits in a `trackForm` — whether the viewer tracks it, or a button to start.
    static func jobCard(_ job: JobSummary, trackable: Bool = false) -> HTML {
        li(.class("job-card"), .data("job-id", String(job.id))) {
            h2 { a(.class("job-link"), .href(.job(job.id))) { job.title } }
            ul(.class("job-meta")) {
                li { strong { job.company } }
                if let location = job.location { li { location } }
                if let salary = job.salary { li { salary } }
                if let posted = job.postedAt {
                    li {
                        "Posted "; Formatting.time(posted)
                    }
                }
            }
            div(.class("job-badges")) {
                if let score = job.matchScore { MatchViews.badge(score) }
                if let remote = job.remote { span(.class("badge", "badge-accent")) { Formatting.remoteLabel(remote) } }
                if let type = job.employmentType { span(.class("badge")) { Formatting.employmentLabel(type) } }
                if job.isDemo { demoBadge } else { span(.class("badge")) { job.source } }
                if !job.isActive { span(.class("badge", "badge-danger")) { "Closed" } }
                if job.isPrivate { privateBadge }
            }
            if let tracking = job.tracking {
                a(.class("tracking"), .href(.application(tracking.applicationID))) {
                    "On your board: "; statusBadge(tracking.status)
                }
            } else if trackable {
                button(
                    .type("submit"), .class("btn", "btn-small", "track-inline"), Attribute("formaction", SiteURL.trackJob(job.id).path),
                    .aria("label", "Track \(job.title) at \(job.company)")
                ) { "Track" }
            }
        }
    }

    /// A list of job cards with Track buttons: one form around them (one token, one return
    /// address), each button sending it to its own job's address.
    static func trackForm(_ jobs: [JobSummary], returnTo: String, context: PageContext) -> HTML {
        postForm(.jobs, context, .id("track-list")) {
            input(.type("hidden"), .name("return_to"), .value(returnTo))
            ol(.class("job-list"), .id("job-list")) {
                for job in jobs { jobCard(job, trackable: true) }
            }
        }
    }
}
