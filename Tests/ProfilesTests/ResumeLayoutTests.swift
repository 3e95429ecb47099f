import CareerCopilotCore
import Testing

@testable import Profiles

/// The layouts real resumes come in, beyond one heading per section and one role per block:
/// headings in the writer's own words, roles on one line or in a table, titles without a
/// title's words, wrapped lines, sidebars, certificates whose names hold dashes.
@Suite("Resume layouts")
struct ResumeLayoutTests {
    @Test func headings_inTheWritersOwnWords() {
        let headings: [(String, ResumeSection)] = [
            ("Where I've worked", .work), ("Where I’ve Worked", .work), ("PROFESSIONAL HISTORY", .work), ("Relevant Work Experience", .work),
            ("Technical Toolkit", .skills), ("Languages Spoken", .languages), ("Certifications & Licenses", .certificates),
            ("CONTACT", .basics), ("Volunteer Work", .volunteer), ("Programming Languages", .skills),
        ]
        for (line, section) in headings {
            #expect(ResumeSections.heading(line) == section, "\(line)")
        }
        for line in ["Experience with Kubernetes", "Open Source", "Area | Skills", "Technical Lead", "Project Management"] {
            #expect(ResumeSections.heading(line) == nil, "\(line)")
        }
    }

    @Test func phones_atTheEndOfALine_inBrackets_andBesideOtherItems() {
        let phones: [(String, String?)] = [
            ("(512) 555-0199", "(512) 555-0199"), ("heloise@example.fr · +33 6 39 98 12 34", "+33 6 39 98 12 34"),
            ("Chicago, IL 60614 | (312) 555-0147 | m@example.com", "(312) 555-0147"), ("Phone: +1 (206) 555 0173", "+1 (206) 555 0173"),
            ("2014 - 2016", nil), ("03/2017 - 12/2019", nil), ("Chicago, IL 60614", nil),
        ]
        for (line, phone) in phones {
            #expect(BasicsSection.phone(in: line) == phone, "\(line)")
        }
    }

    @Test func rolesOnOneLine_splitByPipes_titleFirst() {
        let entries = WorkSection.entries([
            "Lead iOS Developer | Thistle Bank | London | Since 2022", "- Own the design system",
            "Junior Mobile Developer | Appleyard Digital | Lagos, Nigeria | 2018 to 2020",
        ])
        #expect(entries.map(\.position) == ["Lead iOS Developer", "Junior Mobile Developer"])
        #expect(entries.map(\.name) == ["Thistle Bank", "Appleyard Digital"])
        #expect(entries.map(\.location) == ["London", "Lagos, Nigeria"])
        #expect(entries[0].dates == .init(start: .init(year: 2022), isCurrent: true))
    }

    @Test func employerBeforeTitle_andThePlaceBesideTheDates() {
        let entries = WorkSection.entries(["Kallbrand Energi AB — Staff Platform Engineer", "Stockholm | Since 2021", "➢ Ran the clusters"])
        #expect(entries.count == 1)
        #expect(entries[0].name == "Kallbrand Energi AB" && entries[0].position == "Staff Platform Engineer")
        #expect(entries[0].location == "Stockholm")
        #expect(entries[0].unplaced.isEmpty)
    }

    @Test func titleDatesAndEmployerOnSeparateLines() {
        let entries = WorkSection.entries([
            "Senior Engineer\tJan 2019 – Present", "Alpenbank Digital GmbH, Munich", "• Own the payments API",
            "Working Student\tOct 2013 – Mar 2015", "Brezn Software GmbH, Garching", "• Wrote tests",
        ])
        #expect(entries.map(\.position) == ["Senior Engineer", "Working Student"])
        #expect(entries.map(\.name) == ["Alpenbank Digital GmbH", "Brezn Software GmbH"])
        #expect(entries.map(\.location) == ["Munich", "Garching"])
    }

    @Test func aTitleWithoutTitleWords_sitsWhereTheOtherRolesPutTheirs() {
        let entries = WorkSection.entries([
            "Head Baker", "Crumb & Co", "2020 – 2022", "• Ran the ovens", "Barista", "Bean There", "2018 – 2020", "• Made coffee",
            "Pastry Chef", "Flour Power", "2016 – 2018",
        ])
        #expect(entries.map(\.position) == ["Head Baker", "Barista", "Pastry Chef"])
        #expect(entries.map(\.name) == ["Crumb & Co", "Bean There", "Flour Power"])
    }

    @Test func aTable_isReadByItsColumnNames() {
        let entries = WorkSection.entries(["Role | Company | Dates", "Barista | Bean There | 2018 – 2020", "Cook | Salt & Smoke | 2016 – 2018"])
        #expect(entries.map(\.position) == ["Barista", "Cook"])
        #expect(entries.map(\.name) == ["Bean There", "Salt & Smoke"])
        #expect(entries.map { $0.dates?.start.year } == [2018, 2016])
    }

    @Test func certificateNames_keepTheirDashesColonsAndBrackets() {
        let certificates = CertificatesSection.entries([
            "AWS Certified Security – Specialty, 2020", "Microsoft Certified: Azure Security Engineer Associate, 2023",
            "Certified Information Systems Security Professional (CISSP), 2022", "Google Cloud Certified - Professional Cloud Developer",
            "CKA — The Linux Foundation (2021)",
        ])
        #expect(
            certificates.map(\.name) == [
                "AWS Certified Security – Specialty", "Microsoft Certified: Azure Security Engineer Associate",
                "Certified Information Systems Security Professional (CISSP)", "Google Cloud Certified - Professional Cloud Developer", "CKA",
            ])
        #expect(certificates.map(\.issuer) == [nil, nil, nil, nil, "The Linux Foundation"])
        #expect(certificates.map(\.date) == ["2020", "2023", "2022", nil, "2021"])
    }

    @Test func aCertificateWrappedOverTwoLines_isOne() {
        let certificates = CertificatesSection.entries([
            "Databricks Certified Data Engineer", "Associate (2023)", "iSAQB Certified Professional for Software Architecture",
            "– Foundation Level (2019)", "SnowPro Core Certification (2021)",
        ])
        #expect(
            certificates.map(\.name) == [
                "Databricks Certified Data Engineer Associate", "iSAQB Certified Professional for Software Architecture – Foundation Level",
                "SnowPro Core Certification",
            ])
        let bulleted = CertificatesSection.entries(["– AWS Certified Developer", "– Professional Scrum Master I (2020)"])
        #expect(bulleted.count == 2, "in a list of dashes, a dash is the next item")
    }

    @Test func skillTables_andNamesWithTheirAbbreviation() {
        let skills = SkillsSection.skills([
            "Area | Skills", "Cloud | AWS, Azure, Terraform", "Languages | Python, Go", "Amazon Web Services (AWS); Java (Spring); Crossplane",
        ])
        #expect(skills.map(\.name) == ["AWS", "Azure", "Terraform", "Python", "Go", "Java", "Spring", "Crossplane"])
        #expect(skills.first?.group == "Cloud")
        #expect(skills.last?.isKnown == false, "a skill the taxonomy does not know is kept as written")
    }

    @Test func aSchoolInATableCell_keepsItsPlace_aSchoolInALine_doesNot() {
        let table = EducationSection.entries(["Degree | Institution | Years", "B.Sc. Mathematics | St. Joseph's College, Bengaluru | 2011 – 2014"])
        #expect(table.map(\.institution) == ["St. Joseph's College, Bengaluru"])
        let line = EducationSection.entries(["B.Sc. Computer Engineering, Middle East Technical University, Ankara\t2008 – 2012"])
        #expect(line.map(\.institution) == ["Middle East Technical University"])
        #expect(line.map(\.area) == ["Computer Engineering"])
        let abbreviated = EducationSection.entries(["M.Sc. Eng. Automatic Control and Robotics — AGH University of Krakow"])
        #expect(abbreviated.map(\.studyType) == ["M.Sc. Eng."])
        #expect(abbreviated.map(\.area) == ["Automatic Control and Robotics"])
    }

    @Test func wrappedLines_areJoined_butNotAcrossBulletsHeadingsOrDates() {
        let lines = [
            "• Lead engineer of the booking core (Kotlin,", "PostgreSQL) behind 1.2M rides a month", "• Split the monolith along the pricing",
            "domains without a freeze", "Senior Software Engineer", "Hafenblick Commerce AG, Hamburg", "Apr 2017 – Sep 2021",
            "Kotlin, Java, Domain-", "Driven Design", "Skills", "Airflow", "dbt",
        ]
        #expect(
            WrappedLines.joined(lines, hyphenated: true) == [
                "• Lead engineer of the booking core (Kotlin, PostgreSQL) behind 1.2M rides a month",
                "• Split the monolith along the pricing domains without a freeze", "Senior Software Engineer", "Hafenblick Commerce AG, Hamburg",
                "Apr 2017 – Sep 2021", "Kotlin, Java, Domain-Driven Design", "Skills", "Airflow", "dbt",
            ])
    }

    @Test func aSidebarsContactBlockFirst_theNameIsTheLineTheAddressSpells() {
        let text = """
            CONTACT
            rafael.duarte@example.nl
            +31 6 1234 5678
            SKILLS
            Python
            CERTIFICATIONS
            Databricks Certified Data Engineer Associate (2023)
            RAFAEL DUARTE
            Senior Data Engineer
            EXPERIENCE
            Data Engineer
            Mercado Azul • Lisbon, Portugal
            Jan 2018 – Sep 2021
            """
        let draft = ResumeReader.draft(text: text, format: .pdf)
        #expect(draft.profile.basics.name == "RAFAEL DUARTE")
        #expect(draft.profile.basics.phone == "+31 6 1234 5678")
        #expect(draft.profile.certificates.map(\.name) == ["Databricks Certified Data Engineer Associate"])
        #expect(draft.profile.work.map(\.name) == ["Mercado Azul"])

        let unnamed = ResumeReader.draft(text: "CONTACT\nx9@example.nl\nSKILLS\nJane Roe Smith\nPython", format: .pdf)
        #expect(unnamed.profile.basics.name == nil, "a name-like line the address does not spell is not taken for the name")
    }

    @Test func markdown_emphasisQuotesTablesAndSetextHeadings() {
        let text = MarkdownText.plain(
            "Priya Raman\n===========\n> Data Scientist\n*Toronto, ON* | *Feb 2022 – Present*\n* bullet\n| Area | Tools |\n|---|---|\n| ML | a_b, _c_ |\n[me@example.ca](mailto:me@example.ca)"
        )
        #expect(text == "Priya Raman\n\nData Scientist\nToronto, ON | Feb 2022 – Present\n* bullet\nArea | Tools\n\nML | a_b, c\nme@example.ca")
    }

    @Test func wordLists_byStyle_andLayoutTables_cellAfterCell() {
        let styles = """
            <w:styles><w:style w:type="paragraph" w:styleId="Aufzhlungszeichen"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Custom"><w:basedOn w:val="Aufzhlungszeichen"/></w:style>\
            <w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>
            """
        #expect(WordText.listStyles(ofStylesXML: styles) == ["Aufzhlungszeichen", "Custom"])
        let xml = """
            <w:body><w:p><w:pPr><w:pStyle w:val="Custom"/></w:pPr><w:r><w:t>Led the team</w:t></w:r></w:p>\
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>CONTACT</w:t></w:r></w:p><w:p><w:r><w:t>a@b.de</w:t></w:r></w:p></w:tc>\
            <w:tc><w:p><w:r><w:t>Ada</w:t></w:r><w:r><w:noBreakHyphen/><w:t>Lovelace</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body>
            """
        #expect(WordText.text(ofDocumentXML: xml, listStyles: ["Custom"]) == "• Led the team\nCONTACT\na@b.de\nAda-Lovelace\n")
    }
}
