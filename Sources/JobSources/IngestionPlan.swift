import CareerCopilotCore
import Foundation

/// What storing a chunk of postings does, decided without a database: given the postings, the
/// links and jobs already stored for them and the jobs they might duplicate, which jobs to
/// update, which postings join another source's job (and why), which are new, and what each
/// posting's outcome is. `IngestionService` reads the inputs and applies the plan.
///
/// The rules, in order, for each posting:
/// 1. An id the chunk already made new is that job again, unchanged (a board that lists one
///    id twice).
/// 2. A link (same source and id) updates its job when a value changed; a job the importer may
///    not change is answered unchanged and left alone. A link that joined another source's job
///    (a merge) never updates it: the job keeps the values of the source that brought it, or
///    two sources would overwrite each other on every run. The link is seen, and its URL
///    follows the posting's.
/// 3. Else a duplicate (`Deduplicator`, among jobs no posting of this source lists) joins it —
///    unless the importer may not change it: then it is answered unchanged.
/// 4. Else, for an import whose id another person's private job holds, a copy of the importer's
///    own, under no id.
/// 5. Else a new job.
public struct IngestionPlan: Sendable {
    public enum Outcome: Sendable, Equatable { case new, updated, unchanged, merged }

    /// A stored job a posting is linked to.
    public struct LinkedJob: Sendable {
        public var jobID: Int
        /// The link's URL.
        public var url: String?
        /// The job's source columns (nil: not read, and so never updated).
        public var stored: SourcedJob?
        public var mayChange: Bool
        /// The posting joined a job another source brought (its link has a merge reason).
        public var joined: Bool

        public init(jobID: Int, url: String?, stored: SourcedJob?, mayChange: Bool, joined: Bool = false) {
            self.jobID = jobID
            self.url = url
            self.stored = stored
            self.mayChange = mayChange
            self.joined = joined
        }
    }

    /// A stored job a new posting might duplicate.
    public struct Candidate: Sendable {
        public var jobID: Int
        public var companyKey: String
        public var posting: Deduplicator.Posting
        /// Sources that list it.
        public var sources: Set<String>
        public var mayChange: Bool

        public init(jobID: Int, companyKey: String, posting: Deduplicator.Posting, sources: Set<String>, mayChange: Bool) {
            self.jobID = jobID
            self.companyKey = companyKey
            self.posting = posting
            self.sources = sources
            self.mayChange = mayChange
        }
    }

    /// What became of one posting.
    public enum Result: Sendable, Equatable {
        /// A stored job.
        case existing(jobID: Int, Outcome)
        /// The new job `inserts[index]` (new), or the same again (unchanged).
        case inserted(index: Int, repeated: Bool)
        /// The importer's own copy `copies[index]` (new).
        case copied(index: Int)
    }

    public struct Update: Sendable, Equatable {
        public var jobID: Int
        public var job: SourcedJob
        /// The job's skills now: the posting's, or the stored text's when it brought no text.
        public var skills: [String]
    }

    public struct Merge: Sendable, Equatable {
        public var posting: NormalizedPosting
        public var jobID: Int
        /// Why, in words (`Deduplicator`).
        public var reason: String
    }

    public struct LinkURL: Sendable, Equatable {
        public var key: PostingKey
        public var url: String
    }

    /// One per posting, in order.
    public private(set) var results: [Result] = []
    public private(set) var linkURLs: [LinkURL] = []
    public private(set) var updates: [Update] = []
    public private(set) var merges: [Merge] = []
    /// New jobs, linked to their posting.
    public private(set) var inserts: [NormalizedPosting] = []
    /// An importer's own copies, under no id and without a link.
    public private(set) var copies: [NormalizedPosting] = []
    /// Links listed again.
    public private(set) var seen: [PostingKey] = []

    /// - Parameters:
    ///   - links: the postings' links, by key.
    ///   - taken: keys whose job belongs to someone the importer is not.
    ///   - candidates: jobs the postings without a link might duplicate, newest first.
    public init(
        postings: [NormalizedPosting], links: [PostingKey: LinkedJob], taken: Set<PostingKey> = [], candidates: [Candidate] = [],
        policy: Deduplicator.Policy = Deduplicator.Policy()
    ) {
        var links = links
        var candidates = candidates
        var inserted: [PostingKey: Int] = [:]
        for posting in postings {
            let key = PostingKey(posting)
            if let index = inserted[key] {
                results.append(.inserted(index: index, repeated: true))
            } else if let link = links[key] {
                results.append(.existing(jobID: link.jobID, relist(posting, link: link, links: &links)))
            } else if let (index, reason) = Self.duplicate(of: posting, in: candidates, policy: policy) {
                let candidate = candidates[index]
                if candidate.mayChange {
                    merges.append(Merge(posting: posting, jobID: candidate.jobID, reason: reason))
                    // Now this source lists it: no second posting of the source may join it.
                    candidates[index].sources.insert(posting.source)
                    links[key] = LinkedJob(jobID: candidate.jobID, url: posting.url, stored: nil, mayChange: true)
                }
                results.append(.existing(jobID: candidate.jobID, candidate.mayChange ? .merged : .unchanged))
            } else if taken.contains(key) {
                copies.append(posting)
                results.append(.copied(index: copies.count - 1))
            } else {
                inserts.append(posting)
                inserted[key] = inserts.count - 1
                results.append(.inserted(index: inserts.count - 1, repeated: false))
            }
        }
    }

    /// A posting whose link exists: the job takes its values (if it may), the link is seen.
    private mutating func relist(_ posting: NormalizedPosting, link: LinkedJob, links: inout [PostingKey: LinkedJob]) -> Outcome {
        guard link.mayChange else { return .unchanged }
        let key = PostingKey(posting)
        seen.append(key)
        if link.url != posting.url {
            linkURLs.append(LinkURL(key: key, url: posting.url))
            links[key]?.url = posting.url
        }
        guard !link.joined, let stored = link.stored, let changed = stored.applying(posting) else { return .unchanged }
        links[key]?.stored = changed
        // A listing without text keeps the stored text, and so the skills read from it.
        updates.append(Update(jobID: link.jobID, job: changed, skills: posting.description.html.isEmpty ? changed.skills : posting.skills))
        return .updated
    }

    /// The candidate this posting duplicates, and why, newest first. Jobs a source already lists are
    /// never its postings' duplicates: two ids on one board are two postings.
    private static func duplicate(of posting: NormalizedPosting, in candidates: [Candidate], policy: Deduplicator.Policy) -> (Int, String)? {
        let incoming = Deduplicator.Posting(title: posting.title, company: posting.company, locations: posting.locations, applyURL: posting.url)
        let key = TextNormalizer.key(posting.company)
        for (index, candidate) in candidates.enumerated()
        where !candidate.sources.contains(posting.source) && (candidate.companyKey == key || candidate.posting.applyURL == posting.url) {
            let decision = Deduplicator.decide(candidate.posting, incoming, policy: policy)
            if decision.isSameJob { return (index, decision.reason) }
        }
        return nil
    }

    /// The outcome of each posting, once the new jobs have their ids (in `inserts`' and
    /// `copies`' order).
    public func outcomes(insertedIDs: [Int], copiedIDs: [Int]) -> [(outcome: Outcome, jobID: Int)] {
        results.map { result in
            switch result {
            case let .existing(jobID, outcome): (outcome, jobID)
            case let .inserted(index, repeated): (repeated ? .unchanged : .new, insertedIDs[index])
            case let .copied(index): (.new, copiedIDs[index])
            }
        }
    }
}
