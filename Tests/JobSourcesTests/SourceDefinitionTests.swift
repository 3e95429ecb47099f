import CareerCopilotCore
import Foundation
import Testing

@testable import JobSources

@Suite("Discovery: source definitions")
struct SourceDefinitionTests {
    @Test func requests_followTheConfiguredBase() {
        #expect(SourceDefinition(kind: .greenhouse, identifier: "stripe").firstPageURL == "https://boards-api.greenhouse.io/v1/boards/stripe/jobs?content=true")
        #expect(SourceDefinition(kind: .leverEU, identifier: "acme").firstPageURL == "https://api.eu.lever.co/v0/postings/acme?mode=json&skip=0&limit=100")
        #expect(
            SourceDefinition(kind: .ashby, identifier: "openai", baseURL: "http://127.0.0.1:9/").firstPageURL
                == "http://127.0.0.1:9/posting-api/job-board/openai?includeCompensation=true")
        #expect(SourceDefinition(kind: .remoteok, identifier: "swift").firstPageURL == "https://remoteok.com/api?tags=swift")
    }

    @Test func leverPages_untilAShortOne() throws {
        let definition = SourceDefinition(kind: .lever, identifier: "acme", baseURL: "http://board.test")
        let full = "[" + (0..<100).map { #"{"id": "\#($0)", "text": "Role \#($0)"}"# }.joined(separator: ",") + "]"
        #expect(try definition.read(Data(full.utf8), pageURL: "", pageNumber: 1).next == "http://board.test/v0/postings/acme?mode=json&skip=100&limit=100")
        #expect(try definition.read(Data(#"[{"id": "x", "text": "Last"}]"#.utf8), pageURL: "", pageNumber: 2).next == nil)
    }

    @Test func arbeitnowLinks_stayOnTheConfiguredHost() throws {
        let definition = SourceDefinition(kind: .arbeitnow, identifier: "", baseURL: "http://127.0.0.1:8123")
        let page = try definition.read(
            Data(#"{"data": [], "links": {"next": "https://www.arbeitnow.com/api/job-board-api?page=2"}}"#.utf8), pageURL: "", pageNumber: 1)
        #expect(page.next == "http://127.0.0.1:8123/api/job-board-api?page=2")
    }

    @Test func definitions_areValidated() {
        #expect(SourceDefinition(kind: .greenhouse, identifier: "stripe").issues().isEmpty)
        #expect(SourceDefinition(kind: .greenhouse, identifier: "../admin").issues().count == 1)
        #expect(SourceDefinition(kind: .jsonLD, identifier: "file:///etc/passwd").issues().count == 1)
        #expect(SourceDefinition(kind: .arbeitnow, identifier: "x").issues().count == 1)
        #expect(SourceDefinition(kind: .ashby, identifier: "a", baseURL: "ftp://x").issues().count == 1)
    }
}
