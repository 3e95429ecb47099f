import Testing

@testable import Matching

@Suite("Matching: jobs already applied to")
struct AppliedJobsTests {
    static let applied = AppliedJobs([
        .init(jobID: 1, title: "Senior Backend Engineer", company: "Acme Inc.", url: "https://boards.greenhouse.io/acme/jobs/42?gh_src=x"),
        .init(jobID: 2, title: "Data Engineer", company: "Globex GmbH", url: nil),
        .init(jobID: 3, title: "Product Designer", company: "Initech", url: "https://initech.example/careers/7"),
    ])

    @Test(
        arguments: [
            (10, "Sr. Backend Engineer", "ACME", nil, Int?.some(1)),
            (11, "Senior Back-end Engineer", "acme", "https://elsewhere.example/1", 1),
            (12, "Backend Engineer", "Acme Inc.", nil, nil),
            (13, "Staff Backend Engineer", "Acme", nil, nil),
            (14, "Senior Backend Engineer", "Globex", nil, nil),
            (15, "Senior Frontend Engineer", "Acme", nil, nil),
            (2, "Anything", "Anyone", nil, 2),
            (16, "Something else", "Someone", "http://www.boards.greenhouse.io/acme/jobs/42/", 1),
            (17, "Data Engineer", "Globex", nil, 2),
            (18, "", "", nil, nil),
        ] as [(Int, String, String, String?, Int?)])
    func anApplication_isRecognised_byIDURLOrRepost(jobID: Int, title: String, company: String, url: String?, expected: Int?) {
        #expect(Self.applied.match(jobID: jobID, title: title, company: company, url: url)?.jobID == expected, "\(title) at \(company)")
    }

    @Test(arguments: [
        ("Acme Inc.", "acme"), ("ACME", "acme"), ("The Acme Company", "acme"), ("Acme & Co. KG", "acme"), ("S.A.", "sa"), ("Acme Labs GmbH", "acmelabs"),
    ])
    func companyKeys_dropCaseAndLegalForms(name: String, key: String) {
        #expect(CompanyKey.of(name) == key)
    }

    @Test func manyApplications_areLookedUpThroughTheIndex() {
        let many = AppliedJobs((0..<20_000).map { .init(jobID: $0, title: "Engineer \($0)", company: "Company \($0)", url: nil) })
        #expect(many.match(jobID: -1, title: "Engineer 19999", company: "Company 19999", url: nil)?.jobID == 19_999)
        #expect(many.match(jobID: -1, title: "Engineer", company: "Nobody", url: nil) == nil)
    }
}
