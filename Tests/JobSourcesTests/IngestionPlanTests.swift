import CareerCopilotCore
import Foundation
import JobSources
import Testing

/// The decisions of storing a chunk, table by table, without a database.
@Suite("Discovery: the ingestion plan")
struct IngestionPlanTests {
    static func posting(
        _ id: String, source: String = "greenhouse", title: String = "Backend Engineer", company: String = "Acme",
        location: String = "Berlin", text: String = "<p>Go and Postgres</p>"
    ) -> NormalizedPosting {
        var raw = RawPosting(source: source, externalID: id)
        raw.title = title
        raw.company = company
        raw.location = location
        raw.descriptionHTML = text
        raw.url = "https://jobs.example/\(source)/\(id)"
        return try! PostingNormalizer.normalize(raw, now: Date(timeIntervalSince1970: 1_800_000_000))
    }

    static func linked(_ posting: NormalizedPosting, jobID: Int, mayChange: Bool = true, joined: Bool = false) -> (PostingKey, IngestionPlan.LinkedJob) {
        (PostingKey(posting), IngestionPlan.LinkedJob(jobID: jobID, url: posting.url, stored: SourcedJob(posting), mayChange: mayChange, joined: joined))
    }

    static func candidate(
        _ jobID: Int, title: String = "Backend Engineer", company: String = "Acme", sources: Set<String> = ["lever"],
        mayChange: Bool = true
    ) -> IngestionPlan.Candidate {
        IngestionPlan.Candidate(
            jobID: jobID, companyKey: TextNormalizer.key(company),
            posting: Deduplicator.Posting(title: title, company: company, locations: ["Berlin"], applyURL: "https://elsewhere.example/\(jobID)"),
            sources: sources, mayChange: mayChange
        )
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let postings: [NormalizedPosting]
        var links: [(PostingKey, IngestionPlan.LinkedJob)] = []
        var taken: Set<PostingKey> = []
        var candidates: [IngestionPlan.Candidate] = []
        /// Per posting: the outcome and the job (negative: the n-th new job, from -1).
        let expected: [(IngestionPlan.Outcome, Int)]
        var updates = 0, merges = 0, inserts = 0, copies = 0, seen = 0, linkURLs = 0
        var testDescription: String { name }
    }

    static let unchanged = posting("1")
    static var retitled: NormalizedPosting { posting("1", title: "Senior Backend Engineer") }
    static var moved: NormalizedPosting { var moved = posting("1"); moved.url = "https://jobs.example/moved"; return moved }
    static var textless: NormalizedPosting { posting("1", title: "Backend Engineer II", text: "") }

    static let cases: [Case] = [
        Case(name: "a new posting is a new job", postings: [posting("1")], expected: [(.new, -1)], inserts: 1),
        Case(name: "an id listed twice is one job", postings: [posting("1"), posting("1")], expected: [(.new, -1), (.unchanged, -1)], inserts: 1),
        Case(
            name: "listed again unchanged: seen, nothing written", postings: [unchanged], links: [linked(unchanged, jobID: 7)],
            expected: [(.unchanged, 7)], seen: 1),
        Case(
            name: "listed again changed: updated", postings: [retitled], links: [linked(unchanged, jobID: 7)],
            expected: [(.updated, 7)], updates: 1, seen: 1),
        Case(
            name: "a moved link follows the posting's URL", postings: [moved], links: [linked(unchanged, jobID: 7)],
            expected: [(.updated, 7)], updates: 1, seen: 1, linkURLs: 1),
        Case(
            name: "a posting that joined another source's job never rewrites it", postings: [retitled],
            links: [linked(unchanged, jobID: 7, joined: true)], expected: [(.unchanged, 7)], seen: 1),
        Case(
            name: "a job the importer may not change is left alone", postings: [retitled], links: [linked(unchanged, jobID: 7, mayChange: false)],
            expected: [(.unchanged, 7)]),
        Case(
            name: "a duplicate from another source joins it", postings: [posting("1")], candidates: [candidate(9)],
            expected: [(.merged, 9)], merges: 1),
        Case(
            name: "a duplicate the importer may not change is answered, not joined", postings: [posting("1")],
            candidates: [candidate(9, mayChange: false)], expected: [(.unchanged, 9)]),
        Case(
            name: "a job its own source lists is no duplicate", postings: [posting("1")], candidates: [candidate(9, sources: ["greenhouse"])],
            expected: [(.new, -1)], inserts: 1),
        Case(
            name: "two postings of one source never join one job", postings: [posting("1"), posting("2")], candidates: [candidate(9)],
            expected: [(.merged, 9), (.new, -1)], merges: 1, inserts: 1),
        Case(
            name: "another level is another job", postings: [posting("1", title: "Senior Backend Engineer")], candidates: [candidate(9)],
            expected: [(.new, -1)], inserts: 1),
        Case(
            name: "an id another person holds: the importer's own copy", postings: [posting("1")], taken: [PostingKey(posting("1"))],
            expected: [(.new, -2)], copies: 1),
    ]

    @Test(arguments: cases)
    func decides(_ row: Case) {
        let plan = IngestionPlan(
            postings: row.postings, links: Dictionary(row.links, uniquingKeysWith: { first, _ in first }), taken: row.taken, candidates: row.candidates
        )
        let outcomes = plan.outcomes(insertedIDs: plan.inserts.indices.map { -1 - $0 }, copiedIDs: plan.copies.indices.map { -2 - $0 })
        #expect(outcomes.map(\.outcome) == row.expected.map(\.0))
        #expect(outcomes.map(\.jobID) == row.expected.map(\.1))
        #expect(plan.updates.count == row.updates)
        #expect(plan.merges.count == row.merges)
        #expect(plan.inserts.count == row.inserts)
        #expect(plan.copies.count == row.copies)
        #expect(plan.seen.count == row.seen)
        #expect(plan.linkURLs.count == row.linkURLs)
    }

    @Test func aListingWithoutText_keepsTheStoredTextAndItsSkills() throws {
        let (key, link) = Self.linked(Self.unchanged, jobID: 7)
        let plan = IngestionPlan(postings: [Self.textless], links: [key: link])
        let update = try #require(plan.updates.first)
        #expect(update.job.description == "<p>Go and Postgres</p>")
        #expect(update.job.title == "Backend Engineer II")
        #expect(update.skills.contains("Go") && update.skills.contains("PostgreSQL"))
    }

    @Test func aMerge_saysWhy() throws {
        let plan = IngestionPlan(postings: [Self.posting("1")], links: [:], candidates: [Self.candidate(9)])
        let merge = try #require(plan.merges.first)
        #expect(merge.reason.contains("same company"))
    }

    @Test func theStoredDate_survivesAListingWithoutOne() throws {
        var stored = SourcedJob(Self.unchanged)
        stored.postedAt = Date(timeIntervalSince1970: 1_700_000_000)
        var undated = Self.posting("1", title: "Staff Engineer")
        undated.postedAt = nil
        #expect(stored.applying(undated)?.postedAt == stored.postedAt)
    }
}
