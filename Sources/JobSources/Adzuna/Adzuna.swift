import CareerCopilotCore
import Foundation

/// Adzuna's search API: `GET /v1/api/jobs/{country}/search/{page}?app_id=&app_key=&…`, with the
/// operator's free keys; the identifier is the search, as a query string.
public struct Adzuna: JobSource {
    public let name = "adzuna"
    public let label = "Adzuna search (key)"
    public let identifierMeaning = "a query: country=gb&what=swift developer&where=London"
    public let defaultBaseURL = "https://api.adzuna.com"
    /// Adzuna allows 25 calls a minute and 250 a day.
    public let maximumPages = 5
    public let keys: SourceKeys? = SourceKeys(
        variables: ["CC_ADZUNA_APP_ID", "CC_ADZUNA_APP_KEY"],
        missingMessage: "Adzuna needs CC_ADZUNA_APP_ID and CC_ADZUNA_APP_KEY (free keys at developer.adzuna.com)"
    )

    public static let pageSize = 50
    static let parameters: Set<String> = [
        "country", "what", "where", "what_or", "what_exclude", "category", "distance", "max_days_old", "salary_min", "full_time",
        "permanent", "contract", "sort_by",
    ]

    public func identifierIssues(_ identifier: String) -> [String] {
        var issues: [String] = []
        let query = SearchQuery(identifier)
        if query["country"].map({ $0.count == 2 && $0.allSatisfy(\.isLetter) }) != true {
            issues.append("identifier must name a two-letter country: \(identifierMeaning)")
        }
        if let unknown = query.parameters.first(where: { !Self.parameters.contains($0.name) }) {
            issues.append("identifier has an unknown Adzuna parameter '\(unknown.name)'")
        }
        return issues
    }

    public func firstPageURL(_ board: SourceBoard) -> String {
        pageURL(board, page: 1)
    }

    private func pageURL(_ board: SourceBoard, page: Int) -> String {
        let query = SearchQuery(board.identifier)
        let country = (query["country"] ?? "gb").lowercased()
        let keys =
            board.keysAllowed
            ? "app_id=\(SearchQuery.encode(board.key("CC_ADZUNA_APP_ID")))&app_key=\(SearchQuery.encode(board.key("CC_ADZUNA_APP_KEY")))&" : ""
        return "\(board.base)/v1/api/jobs/\(country)/search/\(page)?\(keys)results_per_page=\(Self.pageSize)&\(query.encoded(excluding: ["country"]))"
    }

    public func read(_ body: Data, page: FetchedPage, board: SourceBoard) throws(SourcePayloadError) -> SourcePage {
        let (postings, total) = try Self.postings(in: body, currency: Self.currency(country: SearchQuery(board.identifier)["country"] ?? ""))
        let more = !postings.isEmpty && page.number * Self.pageSize < total
        return SourcePage(postings: postings, next: more ? pageURL(board, page: page.number + 1) : nil)
    }

    /// Adzuna search: `{"count": n, "results": [...]}`. Predicted salaries (Adzuna's estimate,
    /// `salary_is_predicted` "1") are not the employer's and are left out.
    public static func postings(in data: Data, currency: String?) throws(SourcePayloadError) -> (postings: [RawPosting], total: Int) {
        let body = try Payload.json(data)
        guard let results = body["results"]?.arrayValue else { throw SourcePayloadError("no results array") }
        let postings = results.compactMap { item -> RawPosting? in
            guard let id = item["id"].flatMap(Payload.identifier) else { return nil }
            var posting = RawPosting(source: "adzuna", externalID: id)
            posting.title = item["title"]?.stringValue
            posting.company = item["company"]?["display_name"]?.stringValue
            posting.location = item["location"]?["display_name"]?.stringValue
            posting.descriptionHTML = item["description"]?.stringValue
            posting.url = item["redirect_url"]?.stringValue
            let predicted = item["salary_is_predicted"]?.stringValue == "1" || item["salary_is_predicted"]?.intValue == 1
            if !predicted {
                posting.salaryMin = Payload.number(item["salary_min"])
                posting.salaryMax = Payload.number(item["salary_max"])
                if posting.salaryMin != nil || posting.salaryMax != nil { (posting.salaryCurrency, posting.salaryPeriod) = (currency, .year) }
            }
            posting.employmentType = Payload.employment(item["contract_time"]?.stringValue) ?? Payload.employment(item["contract_type"]?.stringValue)
            posting.postedAt = item["created"]?.stringValue.flatMap(ISODate.parse)
            return posting
        }
        return (postings, body["count"]?.intValue ?? postings.count)
    }

    /// The currency Adzuna's salaries are in, by the country of the search.
    public static func currency(country: String) -> String? {
        switch country.lowercased() {
        case "gb": "GBP"
        case "us": "USD"
        case "ca": "CAD"
        case "au": "AUD"
        case "nz": "NZD"
        case "in": "INR"
        case "sg": "SGD"
        case "za": "ZAR"
        case "br": "BRL"
        case "mx": "MXN"
        case "pl": "PLN"
        case "ch": "CHF"
        case "de", "fr", "nl", "it", "es", "at", "be": "EUR"
        default: nil
        }
    }
}

extension SourceKind {
    public static let adzuna = SourceKind(Adzuna())
}
