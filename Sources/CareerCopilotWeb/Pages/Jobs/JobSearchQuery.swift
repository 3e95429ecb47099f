import CareerCopilotCore
import Foundation

/// The jobs page's address read the way a page should: what the API's parser accepts, plus
/// the page's own fields (`posted`: within so many days; `salary_min` as typed, "80k"), and
/// whatever it cannot use left out with a word rather than a bare 400 — an address may come
/// from an old bookmark or a hand edit.
public enum JobSearchQuery {
    public struct Reading: Sendable {
        public var filter: JobFilter
        public var sort: Sorting<JobFilter.SortField>
        public var page: Paging
        /// What was left out, as the person sees it: "Sort by “bogus”".
        public var ignored: [String]
        /// With keywords and no sort chosen, the jobs are ranked by how well they answer the
        /// keywords, in this mode (hybrid unless chosen); with a sort, every word must match.
        public var mode: SearchMode
        public var sortChosen: Bool
        /// The keywords as typed, when they rank the jobs.
        public var rankedText: String? {
            guard !sortChosen, let keywords = filter.keywords, !keywords.isEmpty else { return nil }
            return text
        }
        var text: String?
    }

    public static func read(_ items: [(name: String, value: String)], now: Date = Date()) -> Reading {
        var ignored: [String] = []
        var usable: [(name: String, value: String)] = []
        var mode = SearchMode.hybrid
        for item in items {
            switch item.name {
            case "mode":
                if let chosen = SearchMode(rawValue: item.value) { mode = chosen } else { ignored.append(describe(item)) }
            case "posted":
                if let days = Int(item.value), (1...3_650).contains(days) {
                    usable.append(("posted_after", ISODate.format(now.addingTimeInterval(-Double(days) * 86_400))))
                } else {
                    ignored.append(describe(item))
                }
            case "salary_min":
                if let amount = PayAmount.read(item.value) { usable.append((item.name, String(amount.value))) } else { ignored.append(describe(item)) }
            default:
                // Each parameter on its own: one that the API refuses is left out, the rest kept.
                if (try? JobFilter.parse([item])) != nil { usable.append(item) } else { ignored.append(describe(item)) }
            }
        }
        // Each item parsed alone, so together they parse too (repeats: the first one counts).
        let parsed = (try? JobFilter.parse(usable)) ?? (JobFilter(), JobFilter.defaultSort, Paging(page: 1, pageSize: Paging.defaultPageSize))
        let sortChosen = usable.contains { $0.name == "sort" }
        let text = usable.first { $0.name == "q" }?.value.trimmingCharacters(in: .whitespacesAndNewlines)
        return Reading(filter: parsed.0, sort: parsed.1, page: parsed.2, ignored: ignored, mode: mode, sortChosen: sortChosen, text: text)
    }

    /// The labels of the search form, for saying what was left out.
    static let labels = [
        "q": "Keywords", "mode": "Search by", "company": "Company", "location": "Location", "remote": "Workplace", "source": "Source", "skill": "Skill",
        "salary_min": "Pay at least", "posted": "Posted", "is_active": "Status", "match_min": "Match", "sort": "Sort by", "page": "Page",
        "page_size": "Jobs per page",
    ]

    static func describe(_ item: (name: String, value: String)) -> String {
        let value = item.value.count > 40 ? String(item.value.prefix(40)) + "…" : item.value
        return "\(labels[item.name] ?? item.name) “\(value)”"
    }

    /// The message a page shows for what it left out.
    public static func notice(_ ignored: [String]) -> String? {
        guard !ignored.isEmpty else { return nil }
        return "Part of this search could not be used and was left out: \(ignored.joined(separator: ", "))."
    }
}
