import CareerCopilotCore
import Foundation

/// USAJOBS search API: `GET /api/search?…&ResultsPerPage=&Page=`, with the operator's free key
/// in `Authorization-Key` and their e-mail address as `User-Agent`; the identifier is the
/// search, as a query string.
public struct USAJobs: JobSource {
    public let name = "usajobs"
    public let label = "USAJOBS search (key)"
    public let identifierMeaning = "a query: Keyword=software&LocationName=Denver, Colorado"
    public let defaultBaseURL = "https://data.usajobs.gov"
    public let maximumPages = 10
    public let keys: SourceKeys? = SourceKeys(
        variables: ["CC_USAJOBS_API_KEY", "CC_USAJOBS_EMAIL"],
        missingMessage: "USAJOBS needs CC_USAJOBS_API_KEY and CC_USAJOBS_EMAIL (free key at developer.usajobs.gov)"
    )

    public static let pageSize = 250
    static let parameters: Set<String> = [
        "Keyword", "LocationName", "PositionTitle", "Organization", "RemoteIndicator", "JobCategoryCode", "PayGradeLow", "PayGradeHigh",
        "DatePosted", "Radius", "PositionScheduleTypeCode", "SortField",
    ]

    public func identifierIssues(_ identifier: String) -> [String] {
        var issues: [String] = []
        if identifier.isEmpty { issues.append("identifier must be \(identifierMeaning)") }
        if let unknown = SearchQuery(identifier).parameters.first(where: { !Self.parameters.contains($0.name) }) {
            issues.append("identifier has an unknown USAJOBS parameter '\(unknown.name)'")
        }
        return issues
    }

    public func firstPageURL(_ board: SourceBoard) -> String {
        pageURL(board, page: 1)
    }

    private func pageURL(_ board: SourceBoard, page: Int) -> String {
        "\(board.base)/api/search?\(SearchQuery(board.identifier).encoded())&ResultsPerPage=\(Self.pageSize)&Page=\(page)"
    }

    public func requestHeaders(_ board: SourceBoard) -> [(name: String, value: String)] {
        board.keysAllowed ? [("Authorization-Key", board.key("CC_USAJOBS_API_KEY")), ("User-Agent", board.key("CC_USAJOBS_EMAIL"))] : []
    }

    public func read(_ body: Data, page: FetchedPage, board: SourceBoard) throws(SourcePayloadError) -> SourcePage {
        let (postings, pages) = try Self.postings(in: body)
        return SourcePage(postings: postings, next: page.number < pages && !postings.isEmpty ? pageURL(board, page: page.number + 1) : nil)
    }

    /// USAJOBS search: `SearchResult.SearchResultItems[].MatchedObjectDescriptor`; pay ranges
    /// are strings with an interval code (`PA` per year, `PH` per hour …).
    public static func postings(in data: Data) throws(SourcePayloadError) -> (postings: [RawPosting], pages: Int) {
        let result = try Payload.json(data)["SearchResult"]
        guard let items = result?["SearchResultItems"]?.arrayValue else { throw SourcePayloadError("no SearchResult.SearchResultItems") }
        let postings = items.compactMap { item -> RawPosting? in
            let job = item["MatchedObjectDescriptor"]
            guard let id = (item["MatchedObjectId"] ?? job?["PositionID"]).flatMap(Payload.identifier) else { return nil }
            var posting = RawPosting(source: "usajobs", externalID: id)
            posting.title = job?["PositionTitle"]?.stringValue
            posting.company = job?["OrganizationName"]?.stringValue?.nilIfEmpty ?? job?["DepartmentName"]?.stringValue
            let places = (job?["PositionLocation"]?.arrayValue ?? []).compactMap { $0["LocationName"]?.stringValue }
            posting.location = places.isEmpty ? job?["PositionLocationDisplay"]?.stringValue : places.joined(separator: "; ")
            let details = job?["UserArea"]?["Details"]
            if details?["RemoteIndicator"]?.boolValue == true {
                posting.remote = .remote
            } else if details?["TeleworkEligible"]?.boolValue == true {
                posting.remote = .hybrid
            }
            posting.descriptionHTML =
                [details?["JobSummary"]?.stringValue, job?["QualificationSummary"]?.stringValue]
                .compactMap { $0?.nilIfEmpty }.map { "<p>\(HTMLEscaping.text($0))</p>" }.joined().nilIfEmpty
            posting.url = job?["PositionURI"]?.stringValue ?? job?["ApplyURI"]?.arrayValue?.first?.stringValue
            if let pay = job?["PositionRemuneration"]?.arrayValue?.first {
                posting.salaryMin = Payload.number(pay["MinimumRange"])
                posting.salaryMax = Payload.number(pay["MaximumRange"])
                posting.salaryCurrency = "USD"
                posting.salaryPeriod =
                    switch pay["RateIntervalCode"]?.stringValue?.uppercased() {
                    case "PA": .year
                    case "PM": .month
                    case "BW", "PW": .week
                    case "PD": .day
                    case "PH": .hour
                    default: nil
                    }
            }
            posting.employmentType = Payload.employment(job?["PositionSchedule"]?.arrayValue?.first?["Name"]?.stringValue)
            posting.postedAt = (job?["PublicationStartDate"]?.stringValue).flatMap { ISODate.parse($0) ?? ISODate.parse($0 + "Z") }
            return posting
        }
        let pages = result?["UserArea"]?["NumberOfPages"].flatMap { $0.intValue ?? $0.stringValue.flatMap { Int($0) } } ?? 1
        return (postings, pages)
    }
}

extension SourceKind {
    public static let usajobs = SourceKind(USAJobs())
}
