import Testing

@testable import Profiles

@Suite("Resume dates")
struct ResumeDatesTests {
    static let ranges: [(line: String, start: ResumeDate, end: ResumeDate?, current: Bool)] = [
        ("Senior Engineer, Acme — Jan 2020 – Present", .init(year: 2020, month: 1), nil, true),
        ("March 2017 - Feb. 2019", .init(year: 2017, month: 3), .init(year: 2019, month: 2), false),
        ("2019-03 – 2021-06 | Berlin", .init(year: 2019, month: 3), .init(year: 2021, month: 6), false),
        ("03/2019 - 06/2021", .init(year: 2019, month: 3), .init(year: 2021, month: 6), false),
        ("Backend developer (2018 to 2020)", .init(year: 2018), .init(year: 2020), false),
        ("Since 2019", .init(year: 2019), nil, true),
        ("Sept 2015 — Aug 2016", .init(year: 2015, month: 9), .init(year: 2016, month: 8), false),
        ("Okt. 2016 bis heute", .init(year: 2016, month: 10), nil, true),
        ("BSc Computer Science, 2016", .init(year: 2016), .init(year: 2016), false),
        ("2012–2016", .init(year: 2012), .init(year: 2016), false),
        ("June, 2021 to date", .init(year: 2021, month: 6), nil, true),
    ]

    @Test(arguments: ranges.indices)
    func aRange_isReadAsWritten(index: Int) throws {
        let expected = Self.ranges[index]
        let found = try #require(ResumeDates.range(in: expected.line), "\(expected.line)")
        #expect(found.range.start == expected.start, "\(expected.line)")
        #expect(found.range.end == expected.end, "\(expected.line)")
        #expect(found.range.isCurrent == expected.current, "\(expected.line)")
    }

    @Test func theMatchedText_isTheDatesOnly() throws {
        let line = "Platform Engineer at Acme, Jan 2020 – Present"
        let found = try #require(ResumeDates.range(in: line))
        #expect(line[found.text] == "Jan 2020 – Present")
    }

    @Test func numbersThatAreNoDates_areLeftAlone() {
        for line in ["Cut costs by 35% across 12 teams", "Call +49 30 1234 5678", "Marchand & Co", "Python 3.12, Go 1.22", "Version 9999", ""] {
            #expect(ResumeDates.range(in: line) == nil, "\(line)")
        }
    }

    @Test func anEndBeforeItsStart_isNoRange() throws {
        let found = try #require(ResumeDates.range(in: "2021 - 2018"))
        #expect(found.range.end == found.range.start, "read as the lone first date")
    }

    @Test func datesPrintAsJSONResumeWritesThem() {
        #expect(ResumeDate(year: 2020, month: 1).description == "2020-01")
        #expect(ResumeDate(year: 2020).description == "2020")
        #expect(ResumeDate(year: 2019, month: 12) < ResumeDate(year: 2020))
    }
}

@Suite("Resume sections")
struct ResumeSectionsTests {
    @Test func headings_underTheirManyNames() {
        let headings: [(String, ResumeSection)] = [
            ("PROFESSIONAL EXPERIENCE", .work), ("Employment History:", .work), ("## Work Experience", .work), ("Berufserfahrung", .work),
            ("Education & Training", .education), ("Core Competencies", .skills), ("Areas of Expertise", .skills),
            ("Licenses & Certifications", .certificates), ("About Me", .summary), ("Honors & Awards", .awards), ("Languages", .languages),
        ]
        for (line, section) in headings {
            #expect(ResumeSections.heading(line) == section, "\(line)")
        }
    }

    @Test func contentLines_areNoHeadings() {
        for line in ["Led the experience team of 12", "Skills: Swift, Go", "Education 2016", "Experience with Kubernetes and Terraform at scale"] {
            #expect(ResumeSections.heading(line) == nil, "\(line)")
        }
    }

    @Test func aResume_isSplitInOrder_andUnknownSubheadingsStayInside() {
        let text = """
            Ada Lovelace
            ada@example.com · Berlin

            SUMMARY
            Engineer who likes engines.

            Experience
            Analytical Engines Ltd — Jan 2020 – Present
            Selected clients
            • Babbage & Co

            Education
            University of London, 2016
            """
        let parts = ResumeSections.split(text)
        #expect(parts.map(\.section) == [.basics, .summary, .work, .education])
        #expect(parts[0].lines == ["Ada Lovelace", "ada@example.com · Berlin"])
        #expect(parts[2].lines == ["Analytical Engines Ltd — Jan 2020 – Present", "Selected clients", "• Babbage & Co"])
        #expect(parts[2].heading == "Experience")
    }
}

@Suite("Resume work sections")
struct WorkSectionTests {
    @Test func rolesOnOneLine_orSeveral_inTheOrdersResumesUse() {
        let lines = [
            "Senior Engineer, Acme — Jan 2020 – Present",
            "• Led the payments platform",
            "• Cut p99 latency by 40 %",
            "Software Engineer at Globex | Mountain View, CA | 2017 – 2019",
            "- Built the ingestion pipeline",
            "Initech        03/2015 - 06/2017",
            "Junior Developer",
            "Berlin, Germany",
            "1. Maintained the billing system",
        ]
        let entries = WorkSection.entries(lines)
        #expect(entries.count == 3)
        #expect(
            entries[0]
                == WorkEntry(
                    name: "Acme", position: "Senior Engineer", dates: .init(start: .init(year: 2020, month: 1), isCurrent: true),
                    highlights: ["Led the payments platform", "Cut p99 latency by 40 %"]))
        #expect(entries[1].position == "Software Engineer" && entries[1].name == "Globex" && entries[1].location == "Mountain View, CA")
        #expect(entries[1].dates == .init(start: .init(year: 2017), end: .init(year: 2019)))
        #expect(entries[2].name == "Initech" && entries[2].position == "Junior Developer" && entries[2].location == "Berlin, Germany")
        #expect(entries[2].dates == .init(start: .init(year: 2015, month: 3), end: .init(year: 2017, month: 6)))
        #expect(entries[2].highlights == ["Maintained the billing system"])
        #expect(entries.allSatisfy { $0.unplaced.isEmpty })
    }

    @Test func whatCannotBeToldApart_isLeftUnplaced_notGuessed() {
        let entries = WorkSection.entries(["Acme | Globex | 2018 – 2019", "• Something"])
        #expect(entries.count == 1)
        #expect(entries[0].name == nil && entries[0].position == nil)
        #expect(entries[0].unplaced == ["Acme", "Globex"])
    }

    @Test func bullets_ofEveryKind_andNumbersThatAreNoBullets() {
        for line in ["• a", "◦ a", "▪ a", "● a", "- a", "– a", "* a", "➤ a", "✓ a", "1. a", "12) a"] {
            #expect(ResumeBullets.content(of: line) == "a", "\(line)")
        }
        for line in ["-5 % churn", "2019 – 2021", "1.5 years", "Plain text", "•"] {
            #expect(ResumeBullets.content(of: line) == nil, "\(line)")
        }
    }
}

@Suite("Resume skills and basics")
struct SkillsAndBasicsTests {
    @Test func skills_areNamedAsTheTaxonomyNamesThem_andOwnWordsAreKept() {
        let skills = SkillsSection.skills([
            "Languages: Swift, Go; Python", "• Postgres | k8s | Terraform", "Databases: postgresql", "Storytelling with data",
        ])
        #expect(skills.map(\.name) == ["Swift", "Go", "Python", "PostgreSQL", "Kubernetes", "Terraform", "Storytelling with data"])
        #expect(skills.first?.group == "Languages")
        #expect(skills.last?.isKnown == false, "the person's own words are kept, marked as such")
        #expect(skills.filter(\.isKnown).count == 6)
    }

    @Test func basics_readWhatIsThere_andInventNothing() {
        let basics = BasicsSection.basics([
            "Ada Lovelace", "ada@Example.com | +49 30 1234 5678 | linkedin.com/in/ada", "https://ada.dev · Berlin",
        ])
        #expect(basics.name == "Ada Lovelace")
        #expect(basics.email == "ada@example.com")
        #expect(basics.phone == "+49 30 1234 5678")
        #expect(basics.profiles == ["https://linkedin.com/in/ada"])
        #expect(basics.url == "https://ada.dev")

        let empty = BasicsSection.basics(["", "2019 – 2021", "EXPERIENCE"])
        #expect(empty == ResumeBasics(), "an empty parse is empty, never a made-up person")
    }
}
