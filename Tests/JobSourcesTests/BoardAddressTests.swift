import CareerCopilotCore
import Foundation
import Testing

@testable import JobSources

@Suite("Board addresses")
struct BoardAddressTests {
    @Test(arguments: [
        ("https://boards.greenhouse.io/acme", SourceKind.greenhouse, "acme"), ("boards.greenhouse.io/acme/jobs/4012?gh_src=x", .greenhouse, "acme"),
        ("https://job-boards.greenhouse.io/embed/job_board?for=acme", .greenhouse, "acme"),
        ("https://boards-api.greenhouse.io/v1/boards/acme/jobs", .greenhouse, "acme"),
        ("https://jobs.lever.co/globex/1234-abcd", .lever, "globex"), ("https://jobs.eu.lever.co/globex", .leverEU, "globex"),
        ("https://jobs.ashbyhq.com/initech", .ashby, "initech"), ("https://jobs.smartrecruiters.com/Umbrella/743999", .smartrecruiters, "Umbrella"),
        ("https://apply.workable.com/hooli/j/ABC123", .workable, "hooli"), ("https://piedpiper.recruitee.com/o/engineer", .recruitee, "piedpiper"),
    ])
    func namesTheBoard(address: String, kind: SourceKind, identifier: String) {
        let board = BoardAddress.recognize(address)
        #expect(board?.kind == kind && board?.identifier == identifier)
    }

    @Test(arguments: [
        "https://example.com/careers", "acme", "", "https://boards.greenhouse.io/", "https://boards.greenhouse.io/a%2Fb",
        "https://evil.com/boards.greenhouse.io/acme", "javascript:alert(1)",
    ])
    func otherAddresses_nameNoBoard(address: String) {
        #expect(BoardAddress.recognize(address) == nil)
    }
}
