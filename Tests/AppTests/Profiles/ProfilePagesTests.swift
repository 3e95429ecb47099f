import CareerCopilotCore
import CareerCopilotWeb
import Foundation
import Profiles
import Testing
import Vapor

@testable import App

/// The profile page as a person uses it: import a resume, review the draft (nothing saved
/// yet), correct a field, save; then see the scores on the job pages and recommendations.
@Suite("Profile pages")
struct ProfilePagesTests {
    static let resume = """
        Ada Lovelace
        ada@example.org | +44 20 7946 0018

        EXPERIENCE
        Senior Backend Engineer at Analytical Engines
        Mar 2017 – Present
        • Built the payments API in Go on Postgres
        • Ran it all on k8s

        SKILLS
        Go, PostgreSQL, Kubernetes, Docker
        """

    @Test(arguments: TestDatabase.all)
    func importReviewCorrectSave_thenScoresShow(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let browser = Browser(server)
            try await browser.signUp("ada@example.org")
            let jobID = try #require(
                try await server.request(
                    .POST, "/api/v1/jobs", json: ["title": "Backend Engineer", "company": "Globex", "description": "Requirements: Go, PostgreSQL, Kafka"],
                    headers: try await server.session("someone@example.org")
                ).data["id"]?.intValue)

            let empty = try await browser.get(SiteURL.profile.path)
            #expect(empty.status == .ok)
            #expect(empty.text.contains("Import a resume"))

            let review = try await browser.upload(SiteURL.importResume.path, filename: "ada.txt", Data(Self.resume.utf8))
            #expect(review.status == .ok, "\(review.text.prefix(300))")
            #expect(review.text.contains("Nothing is saved yet"))
            #expect(review.text.contains("value=\"Senior Backend Engineer\""))
            #expect(review.text.contains("value=\"Analytical Engines\""))
            #expect(review.text.contains("value=\"Kubernetes\""), "k8s is read as Kubernetes")
            #expect(try await browser.get(SiteURL.profile.path).text.contains("value=\"Ada Lovelace\"") == false, "nothing is saved by an import")

            // The person corrects the title and saves the reviewed form.
            var fields = ProfileForm.values(of: ProfileFormTestsSupport.read(review.text))
            fields["work[0].position"] = "Staff Backend Engineer"
            fields["version"] = ProfileFormTestsSupport.hidden("version", in: review.text)
            let saved = try await browser.submit(SiteURL.profile.path, fields)
            #expect(saved.status == .seeOther, "\(saved.text.suffix(900))")
            let page = try await browser.get(SiteURL.profile.path).text
            #expect(page.contains("value=\"Staff Backend Engineer\""))
            #expect(page.contains("value=\"Ada Lovelace\""))

            // A bad date is refused next to its field, and what was typed is kept.
            fields["work[0].startDate"] = "last spring"
            fields["version"] = ProfileFormTestsSupport.hidden("version", in: page)
            let refused = try await browser.submit(SiteURL.profile.path, fields)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("value=\"last spring\""))
            #expect(refused.text.contains("Must be a date like 2020"))
            #expect(refused.text.contains("Experience 1: From"), "the summary names the row and the field as the page does")

            try await MatchingAPITests.refreshMatches(server)
            let jobs = try await browser.get(SiteURL.jobs.path(query: [("sort", "-match")])).text
            #expect(jobs.contains("% match"))
            let job = try await browser.get(SiteURL.job(jobID).path).text
            #expect(job.contains("How you match"))
            #expect(job.contains("data-skill=\"Kafka\""))
            let recommendations = try await browser.get(SiteURL.recommendations.path).text
            #expect(recommendations.contains("Backend Engineer"))
            #expect(try await browser.get(SiteURL.home.path).text.contains("Recommended for you"))

            let bad = try await browser.upload(SiteURL.importResume.path, filename: "photo.pdf", Data([0x89, 0x50, 0x4E, 0x47, 0, 1, 2]))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("PNG image"))

            let export = try await browser.get(SiteURL.exportProfile.path)
            #expect(export.headers.first(name: "Content-Disposition")?.contains("resume.json") == true)
            #expect(export.text.contains("Staff Backend Engineer"))
        }
    }

    @Test(arguments: [TestDatabase.sqlite])
    func aSaveFromAnOldCopy_isRefused_andKeepsWhatWasTyped(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let browser = Browser(server)
            try await browser.signUp("ada@example.org")
            let page = try await browser.get(SiteURL.profile.path).text
            let version = ProfileFormTestsSupport.hidden("version", in: page)
            #expect(try await browser.submit(SiteURL.profile.path, ["version": version, "basics.name": "Ada"]).status == .seeOther)
            let stale = try await browser.submit(SiteURL.profile.path, ["version": version, "basics.name": "Ada King"])
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("value=\"Ada King\""))
        }
    }
}

/// Reads a rendered profile form back into its fields (as a browser would submit it).
enum ProfileFormTestsSupport {
    static func hidden(_ name: String, in html: String) -> String {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return "" }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The inputs of the page with a value (boxes only when checked), as a profile.
    static func read(_ html: String) -> Profiles.Profile {
        var fields: [String: String] = [:]
        var rest = html[...]
        while let input = rest.range(of: "<input ") {
            let tag = rest[input.lowerBound...].prefix { $0 != ">" }
            let unchecked = tag.contains("type=\"checkbox\"") && !tag.contains(" checked")
            if !unchecked, let name = attribute("name", in: tag), let value = attribute("value", in: tag) { fields[name] = HTMLEntities.decode(value) }
            rest = rest[input.upperBound...]
        }
        return ProfileForm.profile(from: fields).profile
    }

    private static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[range.upperBound...].prefix { $0 != "\"" })
    }
}
