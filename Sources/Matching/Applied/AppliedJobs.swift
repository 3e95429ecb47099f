import CareerCopilotCore
import JobSources

/// The jobs a person has applied to, for telling them that a job in a list is one of those
/// again: the same job (its id), the same posting elsewhere (its canonical apply URL), or the
/// same role reposted on another board. A repost is `Deduplicator`'s rule: the same company,
/// the same level, and titles sharing at least 80% of their words ("Sr. Backend Engineer"
/// and "Senior Backend Engineer"), with the company compared without legal forms and case
/// ("Acme Inc." and "ACME"), as boards write it differently. Places are not compared: an
/// application records none. Lookups go through indexes, never through every entry.
public struct AppliedJobs: Sendable, Equatable {
    public struct Entry: Sendable, Equatable, Codable {
        public var jobID: Int
        public var title: String
        public var company: String
        public var url: String?

        public init(jobID: Int, title: String, company: String, url: String?) {
            self.jobID = jobID
            self.title = title
            self.company = company
            self.url = url
        }

        enum CodingKeys: String, CodingKey {
            case title, company, url
            case jobID = "job_id"
        }
    }

    private struct Shape: Sendable {
        var entry: Int
        var level: Set<String>
        var words: Set<String>
    }

    public let entries: [Entry]
    private let byID: [Int: Int]
    private let byURL: [String: Int]
    private let byCompany: [String: [Shape]]
    private let titleSimilarity: Double

    public init(_ entries: [Entry], policy: Deduplicator.Policy = Deduplicator.Policy()) {
        self.entries = entries
        titleSimilarity = policy.titleSimilarity
        var byID: [Int: Int] = [:]
        var byURL: [String: Int] = [:]
        var byCompany: [String: [Shape]] = [:]
        for (index, entry) in entries.enumerated() {
            if byID[entry.jobID] == nil { byID[entry.jobID] = index }
            if let url = entry.url.flatMap(Self.canonicalURL), byURL[url] == nil { byURL[url] = index }
            let company = CompanyKey.of(entry.company)
            guard !company.isEmpty else { continue }
            let (level, words) = Deduplicator.titleParts(String(entry.title.prefix(300)))
            byCompany[company, default: []].append(Shape(entry: index, level: level, words: words))
        }
        self.byID = byID
        self.byURL = byURL
        self.byCompany = byCompany
    }

    /// The application this job is, or reposts; nil when none. The closest title wins when
    /// several are alike, then the earliest entry.
    public func match(jobID: Int, title: String, company: String, url: String?) -> Entry? {
        if let index = byID[jobID] { return entries[index] }
        if let url = url.flatMap(Self.canonicalURL), let index = byURL[url] { return entries[index] }
        let key = CompanyKey.of(company)
        guard !key.isEmpty, let candidates = byCompany[key] else { return nil }
        let (level, words) = Deduplicator.titleParts(String(title.prefix(300)))
        guard !words.isEmpty else { return nil }
        var best: (index: Int, similarity: Double)?
        for candidate in candidates where candidate.level == level {
            let similarity = Deduplicator.jaccard(candidate.words, words)
            if similarity >= titleSimilarity, similarity > (best?.similarity ?? -1) { best = (candidate.entry, similarity) }
        }
        return best.map { entries[$0.index] }
    }

    public static func == (lhs: AppliedJobs, rhs: AppliedJobs) -> Bool {
        lhs.entries == rhs.entries && lhs.titleSimilarity == rhs.titleSimilarity
    }

    private static func canonicalURL(_ url: String) -> String? {
        url.utf8.count <= 4_000 ? Deduplicator.canonicalURL(url) : nil
    }
}
