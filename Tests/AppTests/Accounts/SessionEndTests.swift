import CareerCopilotCore
import CareerCopilotWeb
import Foundation
import Testing
import Vapor

@testable import App

/// A session that ends while a person is typing (issue 13, point 2): the save lands on the
/// sign-in page, which says why, keeps the return address and the submitted form, and after
/// signing in offers to send it again.
@Suite("A session ending during a save")
struct SessionEndTests {
    /// The hidden fields of the form with this id, as a browser would send them.
    static func hiddenFields(of formID: String, in html: String) throws -> [String: String] {
        let start = try #require(html.range(of: "id=\"\(formID)\""))
        let form = html[start.upperBound...]
        let body = String(form[..<(form.range(of: "</form>")?.lowerBound ?? form.endIndex)])
        var fields: [String: String] = [:]
        let pattern = try Regex(#"<input type="hidden" name="([^"]*)" value="([^"]*)""#)
        for match in body.matches(of: pattern) {
            let name = String(match.output[1].substring ?? ""), value = String(match.output[2].substring ?? "")
            fields[name] = value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        }
        return fields
    }

    @Test(arguments: [false, true])
    func notesSentAfterTheSessionEnded_areSavedAfterSigningIn(tokenLostToo: Bool) async throws {
        try await withServer(.sqlite, adjust: HardeningTests.accounts) { server in
            let browser = Browser(server)
            try await browser.signUp("ada@example.com")
            let jobID = try #require(
                try await browser.submit(SiteURL.jobs.path, ["title": "Engineer", "company": "Acme"]).location?.split(separator: "/").last.flatMap { Int($0) })
            let applicationPath = try #require(try await browser.submit(SiteURL.trackJob(jobID).path).location)
            let notes = "Call Ingrid on Monday <not before 10> & bring the \"portfolio\""
            let oldToken = browser.csrfToken

            // The session ends while the notes are being typed (signed out elsewhere, or expired).
            browser.forget("cc_access")
            browser.forget("cc_refresh")
            if tokenLostToo { browser.forget("cc_csrf") }
            let sent = try await browser.submit("\(applicationPath)/notes", ["notes": notes], csrf: oldToken, headers: [("Sec-Fetch-Site", "same-origin")])
            #expect(sent.status == .unauthorized)
            #expect(sent.text.contains("Your session ended before this could be saved"))
            let carried = try Self.hiddenFields(of: "login-form", in: sent.text)
            #expect(carried["resume_action"] == "\(applicationPath)/notes")
            #expect(carried["resume.notes"] == notes, "what was typed travels with the sign-in form")
            #expect(carried["next"] == applicationPath, "the return address is kept")

            // Signing in offers to send it again; one click saves it.
            var signIn = carried
            signIn.removeValue(forKey: "csrf_token")
            signIn["email"] = "ada@example.com"
            signIn["password"] = "correct horse battery"
            let signedIn = try await browser.submit(SiteURL.login.path, signIn)
            #expect(signedIn.status == .ok)
            #expect(signedIn.text.contains("has not been saved yet"))
            var again = try Self.hiddenFields(of: "resume-form", in: signedIn.text)
            #expect(again["notes"] == notes)
            again.removeValue(forKey: "csrf_token")
            let saved = try await browser.submit("\(applicationPath)/notes", again)
            #expect(saved.status == .seeOther)
            #expect(try await browser.get(applicationPath).text.contains("Call Ingrid on Monday &lt;not before 10&gt;"))
        }
    }

    @Test func aFormFromElsewhere_isStillRefused() async throws {
        try await withServer(.sqlite, adjust: HardeningTests.accounts) { server in
            let browser = Browser(server)
            try await browser.signUp("ada@example.com")
            browser.forget("cc_access")
            browser.forget("cc_refresh")
            // No token, and the browser says the form came from another site: nothing is carried.
            let forged = try await browser.submit(
                SiteURL.jobs.path, ["title": "Forged", "company": "X"], csrf: "wrong", headers: [("Sec-Fetch-Site", "cross-site")])
            #expect(forged.status == .forbidden)
            #expect(!forged.text.contains("Forged"))
            // Signed in, a wrong token is refused as before.
            try await browser.signUp("bob@example.com")
            #expect(
                try await browser.submit(SiteURL.jobs.path, ["title": "T", "company": "C"], csrf: "wrong", headers: [("Sec-Fetch-Site", "same-origin")]).status
                    == .forbidden)
        }
    }
}
