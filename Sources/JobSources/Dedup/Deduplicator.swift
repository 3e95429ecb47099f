import CareerCopilotCore
import Foundation

/// Decides whether two postings from different sources are the same job, and says why.
/// The same canonical apply URL is the same job. Otherwise the company must be the same,
/// the titles must be the same role at the same level ("Senior Backend Engineer" is not
/// "Backend Engineer") and close enough in words, and the places must overlap: the same
/// title in two cities is two jobs.
public enum Deduplicator {
    public struct Posting: Sendable {
        public var title: String
        public var company: String
        public var locations: [String]
        public var applyURL: String?

        public init(title: String, company: String, locations: [String], applyURL: String?) {
            self.title = title
            self.company = company
            self.locations = locations
            self.applyURL = applyURL
        }
    }

    public struct Policy: Sendable {
        /// Shared share of title words (Jaccard) from which two titles are the same role.
        public var titleSimilarity = 0.8

        public init(titleSimilarity: Double = 0.8) {
            self.titleSimilarity = titleSimilarity
        }
    }

    public struct Decision: Sendable, Equatable {
        public let isSameJob: Bool
        /// Why, in words, for the merge log and the job's sources view.
        public let reason: String
    }

    public static func decide(_ first: Posting, _ second: Posting, policy: Policy = Policy()) -> Decision {
        if let a = first.applyURL.flatMap(canonicalURL), let b = second.applyURL.flatMap(canonicalURL), a == b {
            return Decision(isSameJob: true, reason: "same apply URL (\(a))")
        }
        guard TextNormalizer.key(first.company) == TextNormalizer.key(second.company) else {
            return Decision(isSameJob: false, reason: "different companies")
        }
        let (levelA, wordsA) = titleParts(first.title)
        let (levelB, wordsB) = titleParts(second.title)
        guard levelA == levelB else {
            return Decision(isSameJob: false, reason: "different levels (\(describe(levelA)) vs \(describe(levelB)))")
        }
        let similarity = jaccard(wordsA, wordsB)
        guard similarity >= policy.titleSimilarity else {
            return Decision(
                isSameJob: false,
                reason: String(format: "different titles (%.0f%% of words shared, %.0f%% needed)", similarity * 100, policy.titleSimilarity * 100))
        }
        let citiesA = Set(first.locations.map(LocationNormalizer.cityKey).filter { !$0.isEmpty })
        let citiesB = Set(second.locations.map(LocationNormalizer.cityKey).filter { !$0.isEmpty })
        if !citiesA.isEmpty, !citiesB.isEmpty, citiesA.isDisjoint(with: citiesB) {
            return Decision(
                isSameJob: false, reason: "different places (\(citiesA.sorted().joined(separator: ", ")) vs \(citiesB.sorted().joined(separator: ", ")))")
        }
        return Decision(isSameJob: true, reason: String(format: "same company, level and place; %.0f%% of title words shared", similarity * 100))
    }

    /// An apply URL without what varies between listings of the same job: scheme, `www.`,
    /// tracking parameters (`utm_*`, `gh_src`, `source`, `ref`, `lever-origin`…), the
    /// fragment and a trailing slash. Nil for anything that is not http(s).
    public static func canonicalURL(_ text: String) -> String? {
        guard var components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            var host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        let tracking: Set<String> = [
            "gh_src", "source", "src", "ref", "referrer", "lever-origin", "lever-source", "utm", "trk", "trackingid", "fbclid", "gclid",
        ]
        let kept = (components.queryItems ?? []).filter { item in
            let name = item.name.lowercased()
            return !name.hasPrefix("utm_") && !tracking.contains(name)
        }.sorted { $0.name < $1.name }
        components.queryItems = kept.isEmpty ? nil : kept
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        let query = components.percentEncodedQuery.map { "?" + $0 } ?? ""
        return host + path + query
    }

    static let levelWords: [String: String] = [
        "senior": "senior", "sr": "senior", "snr": "senior", "junior": "junior", "jr": "junior", "staff": "staff",
        "principal": "principal", "lead": "lead", "head": "head", "intern": "intern", "internship": "intern",
        "ii": "ii", "2": "ii", "iii": "iii", "3": "iii", "iv": "iv", "manager": "manager", "director": "director",
        "vp": "vp", "chief": "chief", "graduate": "graduate", "entry": "entry", "associate": "associate", "mid": "mid",
    ]
    static let synonyms: [String: String] = [
        "eng": "engineer", "engineering": "engineer", "dev": "developer", "developers": "developer", "swe": "software engineer",
        "frontend": "front end", "front-end": "front end", "backend": "back end", "back-end": "back end", "fullstack": "full stack",
        "full-stack": "full stack", "ml": "machine learning", "sre": "site reliability engineer", "devops": "devops",
    ]
    static let fillers: Set<String> = ["the", "a", "an", "and", "of", "for", "to", "in", "at", "with", "m", "f", "d", "x", "w", "remote", "hybrid", "onsite"]

    /// A title's level words and its other words, normalised ("Sr. Backend Eng" →
    /// [senior], [back, end, engineer]).
    public static func titleParts(_ title: String) -> (level: Set<String>, words: Set<String>) {
        var level = Set<String>()
        var words = Set<String>()
        let raw = title.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "-" }.map(String.init)
        for word in raw {
            if let normal = levelWords[word] {
                level.insert(normal)
            } else {
                for part in (synonyms[word] ?? word).split(separator: " ").map(String.init) where !fillers.contains(part) {
                    words.insert(part.hasSuffix("s") && part.count > 3 && !part.hasSuffix("ss") ? String(part.dropLast()) : part)
                }
            }
        }
        return (level, words)
    }

    /// The share of words two sets have in common (1 for two empty sets).
    public static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b)
        return union.isEmpty ? 1 : Double(a.intersection(b).count) / Double(union.count)
    }

    private static func describe(_ level: Set<String>) -> String {
        level.isEmpty ? "none" : level.sorted().joined(separator: " ")
    }
}
