import CareerCopilotCore
import Foundation
import Testing

@testable import CareerCopilotWeb

@Suite("Forms")
struct FormTests {
    @Test func issues_arePlacedNextToTheFieldTheyName() {
        let state = FormState(
            values: ["title": ""],
            issues: ["title is required", "salary_max must be greater than or equal to salary_min", "A job with this id already exists"],
            fields: ["title": "Title", "salary": "Salary", "salary_min": "Salary from", "salary_max": "Salary to"]
        )
        #expect(state.fieldErrors["title"] == ["Is required"])
        #expect(state.fieldErrors["salary_max"] == ["Must be greater than or equal to “Salary from”"], "other fields named by their labels")
        #expect(state.fieldErrors["salary"] == nil)
        #expect(state.formErrors == ["A job with this id already exists"])
        #expect(state.hasErrors)
        #expect(state.fieldsWithErrors == ["title", "salary_max"], "in the form's order")
    }

    /// The summary used to say "Url:", "Salary max:" and list fields alphabetically.
    @Test func errorSummary_usesTheLabels_inTheFormsOrder() {
        let state = FormState(
            values: [:], issues: ["url must be an http(s) URL", "title is required", "salary_max must be greater than or equal to salary_min"],
            fields: JobFormPage.fields)
        let html = Components.errorSummary(state).rendered
        let title = html.range(of: "Title: Is required"), url = html.range(of: "Link to the posting: Must be"),
            salary = html.range(of: "Salary to: Must be greater than or equal to “Salary from”")
        #expect(title != nil && url != nil && salary != nil, "\(html)")
        if let title, let url, let salary { #expect(title.lowerBound < url.lowerBound && url.lowerBound < salary.lowerBound) }
        #expect(!html.contains("Salary max") && !html.contains("Url:") && !html.contains("to salary_min"))
    }

    /// Each form's list of labels is the one its page shows.
    @Test func formFields_matchTheLabelsOnThePage() {
        let context = PageContext(viewer: nil, singleUser: true, csrfToken: "t")
        let pages: [(String, FormFields)] = [
            (JobFormPage.render(jobID: 1, FormState(values: ["is_private": "true"]), context: context), JobFormPage.fields),
            (AuthPages.signup(FormState(), context: context), AuthPages.signupFields),
        ]
        for (html, fields) in pages {
            for name in fields.names {
                #expect(html.contains(fields.label(name)), "\(name): \(fields.label(name))")
            }
        }
    }

    @Test func jobForm_creating_leavesEmptyFieldsOut() throws {
        let body = FormBody.job(
            ["title": "  iOS Engineer ", "company": "Acme", "location": "", "salary_min": "120,000", "salary_max": "", "skills": "Swift, , SwiftUI,"],
            creating: true)
        #expect(body["title"] == .string("iOS Engineer"))
        #expect(body["location"] == nil)
        #expect(body["salary_min"] == .number(120_000))
        #expect(body["salary_max"] == nil)
        #expect(body["skills"] == .array([.string("Swift"), .string("SwiftUI")]))
        #expect(body["is_active"] == nil)
        let draft = try JobDraft.read(body, creating: true)
        #expect(draft.title.value == "iOS Engineer")
    }

    @Test func jobForm_editing_clearsEmptyFieldsAndReadsTheCheckbox() {
        let body = FormBody.job(["title": "T", "company": "C", "location": "", "skills": ""], creating: false)
        #expect(body["location"] == .null)
        #expect(body["skills"] == .array([]))
        #expect(body["is_active"] == .bool(false))
        #expect(FormBody.job(["is_active": "true"], creating: false)["is_active"] == .bool(true))
    }

    @Test func jobForm_notANumber_isRefusedByTheAPIsValidation() {
        let body = FormBody.job(["title": "T", "company": "C", "salary_min": "lots"], creating: true)
        #expect(body["salary_min"] == .string("lots"))
        #expect(throws: DomainError.self) { try JobDraft.read(body, creating: true) }
    }

    /// The issue's cases: "85.000,50" was stored as 85, "80k" was refused, "1e9" accepted.
    @Test func jobForm_readsPayAsPeopleWriteIt() throws {
        let body = FormBody.job(["title": "T", "company": "C", "salary_min": "85.000,50", "salary_max": "€90k"], creating: true)
        #expect(body["salary_min"] == .number(85_000.5))
        #expect(body["salary_max"] == .number(90_000))
        #expect(body["salary_currency"] == "EUR", "the sign names the currency when the field is empty")
        let named = FormBody.job(["title": "T", "company": "C", "salary_min": "$80k", "salary_currency": "CAD"], creating: true)
        #expect(named["salary_currency"] == "CAD", "a currency the person chose is kept")
        let odd = FormBody.job(["title": "T", "company": "C", "salary_min": "1e9"], creating: true)
        #expect(throws: DomainError.self) { try JobDraft.read(odd, creating: true) }
    }

    @Test func salary_readsNaturally() {
        #expect(Formatting.salary(min: 120_000, max: 150_000, currency: "USD", period: .year) == "USD 120,000 – 150,000 per year")
        #expect(Formatting.salary(min: 45, max: nil, currency: nil, period: .hour) == "from 45 per hour")
        #expect(Formatting.salary(min: nil, max: nil, currency: "EUR", period: nil) == nil)
        #expect(Formatting.amount(1_234_567) == "1,234,567")
        #expect(Formatting.amount(42.5) == "42.50")
    }
}

@Suite("Job search addresses")
struct JobSearchQueryTests {
    @Test func readsThePagesOwnFields_andLeavesOutWhatItCannotUse() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let reading = JobSearchQuery.read(
            [("q", "swift"), ("posted", "7"), ("salary_min", "80k"), ("sort", "bogus"), ("page", "0"), ("remote", "moon")], now: now)
        #expect(reading.filter.keywords?.words == ["swift"])
        #expect(reading.filter.postedAfter == now.addingTimeInterval(-7 * 86_400))
        #expect(reading.filter.salaryMin == 80_000)
        #expect(reading.sort.field == .postedAt && reading.sort.descending)
        #expect(reading.page.page == 1)
        #expect(reading.ignored == ["Sort by “bogus”", "Page “0”", "Workplace “moon”"])
        #expect(JobSearchQuery.notice([]) == nil)
    }
}
