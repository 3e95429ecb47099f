import CareerCopilotCore
import Foundation
import Testing

@testable import CareerCopilotWeb

@Suite("Pages")
struct PageTests {
    static let context = PageContext(
        viewer: .init(name: "Ada <Lovelace>", email: "ada@example.com", isAdmin: true), singleUser: false, csrfToken: "tok\"en", section: .jobs
    )

    static func job(id: Int = 7, title: String = "Backend Engineer", source: String = "manual") -> JobSummary {
        JobSummary(
            id: id, title: title, company: "Acme", location: "Berlin", remote: .hybrid, employmentType: .fullTime,
            salaryMin: 70_000, salaryMax: 90_000, salaryCurrency: "EUR", salaryPeriod: .year, source: source,
            postedAt: Date(timeIntervalSince1970: 1_795_000_000), isActive: true
        )
    }

    @Test func layout_marksTheCurrentSection_andEscapesTheViewer() {
        let html = JobsPage.render(.init(search: [:], jobs: [Self.job()], total: 1, page: 1, pageSize: 20), context: Self.context)
        #expect(html.hasPrefix("<!doctype html><html lang=\"en\">"))
        #expect(html.contains("<a href=\"/jobs\" aria-current=\"page\">Jobs</a>"))
        #expect(html.contains("Ada &lt;Lovelace&gt;"))
        #expect(html.contains("value=\"tok&quot;en\""))
        #expect(html.contains("<form id=\"logout-form\" method=\"post\" action=\"/logout\">"))
        #expect(!html.contains("style="))
    }

    @Test func singleUser_hasNoSignOut() {
        var context = Self.context
        context.singleUser = true
        let html = DashboardPage.render(.init(countsByStatus: [:], recentJobs: [], recentApplications: [], jobCount: 0, canLoadDemo: true), context: context)
        #expect(!html.contains("logout-form"))
        #expect(html.contains("id=\"getting-started\""))
        #expect(html.contains("id=\"demo-form\""))
    }

    @Test func emptyDashboard_pointsAdminsAtJobSources() {
        let empty = DashboardPage.Model(countsByStatus: [:], recentJobs: [], recentApplications: [], jobCount: 0, canLoadDemo: true)
        #expect(DashboardPage.render(empty, context: Self.context).contains("href=\"/sources\">add a job board"))
        var user = Self.context
        user.viewer?.isAdmin = false
        let html = DashboardPage.render(empty, context: user)
        #expect(!html.contains("href=\"/sources\"") && html.contains("job boards your admin adds"))
    }

    @Test func jobsPage_linksPagesWithTheSearchKept() {
        let jobs = (1...20).map { Self.job(id: $0) }
        let html = JobsPage.render(.init(search: ["q": "swift & go", "remote": "remote"], jobs: jobs, total: 45, page: 2, pageSize: 20), context: Self.context)
        #expect(html.contains("href=\"/jobs?q=swift%20%26%20go&amp;remote=remote&amp;page=1\""))
        #expect(html.contains("href=\"/jobs?q=swift%20%26%20go&amp;remote=remote&amp;page=3\""))
        #expect(html.contains("21–40 of 45 jobs"))
        #expect(html.contains("<option value=\"remote\" selected>Remote</option>"))
    }

    @Test func jobsPage_empty_saysWhatToDo() {
        let html = JobsPage.render(.init(search: ["q": "cobol"], jobs: [], total: 0, page: 1, pageSize: 20), context: Self.context)
        #expect(html.contains("No jobs match"))
        #expect(html.contains("Clear filters"))
    }

    @Test func jobPage_showsDescriptionSanitised_andTitleAsText() {
        let model = JobPage.Model(
            job: Self.job(title: "<script>alert(1)</script>Engineer", source: "demo"), url: "javascript:alert(1)",
            description: "<p>Hello</p><script>alert(2)</script><img src=x onerror=alert(3)>", skills: ["Swift"],
            inactiveSince: nil, createdAt: nil, applicationID: nil, applicationStatus: nil, canEdit: true
        )
        let html = JobPage.render(model, context: Self.context)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;Engineer"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("href=\"javascript:"))
        #expect(html.contains("<div class=\"description\" id=\"job-description\"><p>Hello</p>"))
        #expect(html.contains("id=\"track-form\""))
        #expect(html.contains(">Demo</span>"))
    }

    @Test func board_hasAColumnPerStatus_andOffersTheRestOfALongColumn() {
        let card = ApplicationSummary(id: 3, status: .applied, jobID: 7, jobTitle: "iOS", company: "Acme", location: nil, isDemo: false, updatedAt: nil)
        let columns = ApplicationStatus.allCases.map { BoardPage.Column(status: $0, cards: $0 == .applied ? [card] : [], total: $0 == .applied ? 40 : 0) }
        let html = BoardPage.render(.init(columns: columns, focus: nil), context: Self.context)
        for status in ApplicationStatus.allCases {
            #expect(html.contains("data-status=\"\(status.rawValue)\""))
        }
        #expect(html.contains("<select name=\"status_3\" aria-labelledby=\"card-3\">"))
        #expect(html.contains("<option selected>Applied</option>"))
        #expect(html.contains("name=\"move\" value=\"3\""))
        #expect(html.contains("href=\"/applications?status=applied\">Show all 40</a>"))
    }

    @Test func form_showsErrorsNextToFields_andKeepsInput() {
        let state = FormState(
            values: ["title": "", "company": "Acme", "url": "ftp://x"], issues: ["title is required", "url must be an http(s) URL"], fields: JobFormPage.fields)
        let html = JobFormPage.render(jobID: nil, state, context: Self.context)
        #expect(html.contains("id=\"error-summary\""))
        #expect(html.contains("<p class=\"field-error\" id=\"title-error\">Is required</p>"))
        #expect(html.contains("aria-describedby=\"url-hint url-error\" aria-invalid=\"true\""))
        #expect(html.contains("value=\"Acme\""))
        #expect(html.contains("value=\"ftp://x\""))
    }

    @Test func errorPage_saysTheStatus() {
        let html = ErrorPage.render(status: 404, reason: "Not Found", message: "Nothing here", requestID: nil, context: Self.context)
        #expect(html.contains("data-status=\"404\""))
        #expect(html.contains("<span class=\"visually-hidden\">404 </span>Not Found</h1>"), "the status once for the eye, in the heading for screen readers")
        #expect(html.components(separatedBy: ">404<").count == 2)
    }
}
