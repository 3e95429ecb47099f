import CareerCopilotCore
import Foundation
import Testing

@testable import Profiles

@Suite("Profile documents, forms and the other sections")
struct ProfileDocumentTests {
    @Test func aDocument_readsIntoTheTypedProfile_andMergesBackKeepingUnknownFields() {
        let stored: JSONValue = [
            "basics": ["name": "Ada", "x_pronouns": "she/her", "location": ["city": "London", "x_zone": "GMT"]],
            "work": [["name": "Acme", "position": "Engineer", "startDate": "2020-01", "x_team": "Core"], ["name": "Old Co"]],
            "awards": [["title": "Best paper"]],
        ]
        var profile = Profile(document: stored)
        #expect(profile.basics.name == "Ada")
        #expect(profile.basics.city == "London")
        #expect(profile.work.map(\.name) == ["Acme", "Old Co"])
        profile.basics.name = "Ada King"
        profile.work[0].position = "Senior Engineer"
        profile.work.removeLast()
        let merged = profile.merged(into: stored)
        #expect(merged["basics"]?["name"] == "Ada King")
        #expect(merged["basics"]?["x_pronouns"] == "she/her")
        #expect(merged["basics"]?["location"]?["x_zone"] == "GMT")
        #expect(merged["work"]?[0]?["x_team"] == "Core", "an entry keeps its unknown members")
        #expect(merged["work"]?[0]?["position"] == "Senior Engineer")
        #expect(merged["work"]?[1] == nil, "a removed entry is gone")
        #expect(merged["awards"]?[0]?["title"] == "Best paper", "a section the product does not read is kept")
    }

    @Test(arguments: [
        ("2020", true), ("2020-03", true), ("2020-03-15", true), ("2020-13", false), ("March 2020", false), ("20-03", false), ("2020-03-32", false),
    ])
    func jsonResumeDates(text: String, valid: Bool) {
        #expect((ProfileDate(text) != nil) == valid)
    }

    @Test func checks_nameEveryProblemByItsPath() {
        let issues = ProfileSchema.check([
            "basics": ["email": ["not", "text"]], "work": [["startDate": "soon", "highlights": "one"]],
            "preferences": ["remote": ["anywhere"], "min_salary": "lots"],
        ])
        #expect(issues.contains("basics.email must be a string, not an array"))
        #expect(issues.contains("work[0].startDate must be a date like 2020, 2020-03 or 2020-03-15"))
        #expect(issues.contains("work[0].highlights must be an array, not a string"))
        #expect(issues.contains { $0.hasPrefix("preferences.remote[0] must be one of") })
        #expect(issues.contains("preferences.min_salary must be a number, not a string"))
        #expect(ProfileSchema.check(.array([])) == ["the profile must be a JSON object"])
        var deep: JSONValue = "x"
        for _ in 0..<40 { deep = ["x_nest": deep] }
        #expect(ProfileSchema.check(deep).contains { $0.contains("nests deeper") })
    }

    @Test func otherSections_areReadIntoTheirFields() {
        let education = EducationSection.entries([
            "Technische Universität München", "M.Sc. in Informatics, 2014 – 2016", "University of Vienna — BSc Computer Science (2010–2014)",
        ])
        #expect(education.map(\.institution) == ["Technische Universität München", "University of Vienna"])
        #expect(education.map(\.studyType) == ["M.Sc.", "BSc"])
        #expect(education.map(\.area) == ["Informatics", "Computer Science"])
        #expect(education.map(\.startDate) == ["2014", "2010"])
        #expect(education.map(\.endDate) == ["2016", "2014"])

        let languages = LanguagesSection.entries(["English (native), German – B2; Spanish: conversational"])
        #expect(languages.map(\.language) == ["English", "German", "Spanish"])
        #expect(languages.map(\.fluency) == ["native", "B2", "conversational"])

        let certificates = CertificatesSection.entries(["• AWS Certified Solutions Architect — Amazon Web Services, 2022"])
        #expect(certificates.first?.name == "AWS Certified Solutions Architect")
        #expect(certificates.first?.issuer == "Amazon Web Services")
        #expect(certificates.first?.date == "2022")

        let projects = ProjectsSection.entries([
            "Ledger — a double-entry bookkeeping library https://github.com/ada/ledger", "- 2k stars", "Tiny Lisp (2019)", "An interpreter in 500 lines.",
        ])
        #expect(projects.map(\.name) == ["Ledger", "Tiny Lisp"])
        #expect(projects.first?.url == "https://github.com/ada/ledger")
        #expect(projects.first?.highlights == ["2k stars"])
        #expect(projects.last?.startDate == "2019")
        #expect(projects.last?.description == "An interpreter in 500 lines.")
    }

    @Test func wordXML_becomesLines_withTabsAndBullets() {
        let xml = """
            <w:document><w:body><w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9000"/></w:tabs></w:pPr>\
            <w:r><w:t>Senior Engineer</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">Jan 2019 – Present</w:t></w:r></w:p>\
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>Shipped &amp; ran the &lt;core&gt;</w:t></w:r></w:p>\
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Go</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Rust</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
            </w:body></w:document>
            """
        #expect(WordText.text(ofDocumentXML: xml) == "Senior Engineer\tJan 2019 – Present\n• Shipped & ran the <core>\nGo | Rust\n")
    }

    @Test func csvTables_readQuotedFieldsAndHeadersByName() {
        let rows = Table.rows("\u{FEFF}Company Name,Title,Description\r\n\"Acme, Inc.\",Engineer,\"Line one\nLine \"\"two\"\"\"\r\nSolo,,\r\n")
        #expect(rows.count == 2)
        #expect(rows[0]["company name"] == "Acme, Inc.")
        #expect(rows[0]["description"] == "Line one\nLine \"two\"")
        #expect(rows[1]["title"] == "")
    }

    @Test func markdown_losesItsMarksButKeepsLinks() {
        let text = MarkdownText.plain("# Ada Lovelace\n**Acme** — Engineer\n[GitHub](https://github.com/ada) · <https://ada.dev>\n---\n## Skills")
        #expect(text == "Ada Lovelace\nAcme — Engineer\nGitHub https://github.com/ada · <https://ada.dev>\n\nSkills")
    }

    @Test func aResumeWithoutHeadings_isReadForWhatItShows_andSaysSo() {
        let draft = ResumeReader.draft(text: "Jane Roe\njane@roe.dev\nI build things in Swift and Postgres.", format: .text)
        #expect(draft.profile.basics.name == "Jane Roe")
        #expect(draft.profile.basics.email == "jane@roe.dev")
        #expect(draft.profile.skills.map(\.name) == ["Swift", "PostgreSQL"])
        #expect(draft.profile.work.isEmpty, "no role is invented")
        #expect(draft.notes.contains { $0.contains("No section headings") })
        #expect(draft.unplaced.contains("I build things in Swift and Postgres."))
    }

    @Test func anEmptyResume_givesAnEmptyDraft_neverAJohnDoe() {
        let draft = ResumeReader.draft(text: "\n\n  \n", format: .text)
        #expect(draft.profile.isEmpty)
        #expect(draft.document == .object([:]))
    }
}
