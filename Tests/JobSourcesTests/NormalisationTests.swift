import CareerCopilotCore
import Foundation
import Testing

@testable import JobSources

@Suite("Discovery: places and workplaces")
struct PlaceTests {
    @Test(
        arguments: [
            ("Remote (EU)", RemoteType.remote), ("Hybrid - Berlin", .hybrid), ("On-site, Paris", .onsite), ("Berlin, Germany", nil),
            ("Remote-friendly", .remote), ("WFH", .remote), ("Not remote", .onsite), ("Anywhere in the world", .remote),
            ("Office-based (no remote)", .onsite), ("Partly remote", .hybrid),
        ] as [(String, RemoteType?)])
    func remoteWords_areRead(text: String, expected: RemoteType?) {
        #expect(RemoteDetector.detect(text) == expected)
    }

    @Test func sourceFlags_areRead() {
        #expect(RemoteDetector.fromFlag("on-site") == .onsite)
        #expect(RemoteDetector.fromFlag("TELECOMMUTE") == .remote)
        #expect(RemoteDetector.fromFlag("Hybrid") == .hybrid)
        #expect(RemoteDetector.fromFlag("unspecified") == nil)
    }

    @Test func severalLocations_areSplitAndTidied() {
        #expect(LocationNormalizer.split("Denver, CO; New York, NY; Westlake, TX") == ["Denver, CO", "New York, NY", "Westlake, TX"])
        #expect(LocationNormalizer.split("  London  /  Berlin / london ") == ["London", "Berlin"])
        #expect(LocationNormalizer.split("Remote (US) or Austin, TX") == ["Remote (US)", "Austin, TX"])
        #expect(LocationNormalizer.split(nil).isEmpty)
        #expect(LocationNormalizer.split(" ; ").isEmpty)
    }
}

@Suite("Discovery: deduplication")
struct DeduplicatorTests {
    typealias Posting = Deduplicator.Posting

    static func posting(_ title: String, _ company: String = "Acme", _ locations: [String] = ["Berlin, Germany"], url: String? = nil) -> Posting {
        Posting(title: title, company: company, locations: locations, applyURL: url)
    }

    @Test(
        arguments: [
            (posting("Backend Engineer"), posting("Backend Engineer "), true),
            (posting("Sr. Backend Eng"), posting("Senior Back-end Engineer"), true),
            (posting("Backend Engineer (m/f/d)"), posting("Backend Engineer"), true),
            (posting("Backend Engineer"), posting("Senior Backend Engineer"), false),
            (posting("Backend Engineer"), posting("Backend Engineer", "Acme", ["Munich, Germany"]), false),
            (posting("Backend Engineer"), posting("Backend Engineer", "Acme", []), true),
            (posting("Backend Engineer"), posting("Backend Engineer", "Globex"), false),
            (posting("Software Engineer II"), posting("Software Engineer III"), false),
            (posting("Data Engineer"), posting("Data Scientist"), false),
            (posting("Frontend Developer", "ACME"), posting("Front-End Developers", "acme"), true),
            (
                posting("Platform Engineer", url: "https://boards.greenhouse.io/acme/jobs/123?gh_src=abc"),
                posting("Infrastructure Engineer", "Acme Inc", ["Remote"], url: "https://boards.greenhouse.io/acme/jobs/123/"), true
            ),
        ] as [(Posting, Posting, Bool)])
    func decision(first: Posting, second: Posting, same: Bool) {
        let decision = Deduplicator.decide(first, second)
        #expect(decision.isSameJob == same, "\(first.title) / \(second.title): \(decision.reason)")
        #expect(!decision.reason.isEmpty)
    }

    @Test func reasons_explainTheDecision() {
        #expect(Deduplicator.decide(Self.posting("Backend Engineer"), Self.posting("Senior Backend Engineer")).reason == "different levels (none vs senior)")
        #expect(Deduplicator.decide(Self.posting("A"), Self.posting("A", "B")).reason == "different companies")
    }

    @Test func canonicalURLs_dropWhatVaries() {
        #expect(Deduplicator.canonicalURL("https://www.Example.com/jobs/1/?utm_source=x&b=2&a=1#apply") == "example.com/jobs/1?a=1&b=2")
        #expect(Deduplicator.canonicalURL("http://jobs.lever.co/acme/abc?lever-origin=applied") == "jobs.lever.co/acme/abc")
        #expect(Deduplicator.canonicalURL("javascript:alert(1)") == nil)
        #expect(Deduplicator.canonicalURL("not a url") == nil)
    }

    @Test func threshold_isConfigurable() {
        let first = Self.posting("Senior Backend Engineer Payments")
        let second = Self.posting("Senior Backend Engineer")
        #expect(!Deduplicator.decide(first, second).isSameJob)
        #expect(Deduplicator.decide(first, second, policy: .init(titleSimilarity: 0.6)).isSameJob)
    }
}
