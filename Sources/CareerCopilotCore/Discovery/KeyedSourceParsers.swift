import Foundation

/// The keys of the sources that need them, from the environment. A source whose keys are
/// missing cannot be added, and fails its run with a message that names the variables.
public struct SourceCredentials: Sendable, Equatable {
    public var adzunaAppID: String?
    public var adzunaAppKey: String?
    public var usajobsAPIKey: String?
    /// USAJOBS wants the caller's e-mail address as its User-Agent.
    public var usajobsEmail: String?
    /// Hosts besides the services' own that the operator lets receive the keys (a mirror, a
    /// test server): `CC_SOURCE_KEY_HOSTS`. An admin in the app cannot add to it.
    public var extraKeyHosts: Set<String>

    public init(
        adzunaAppID: String? = nil, adzunaAppKey: String? = nil, usajobsAPIKey: String? = nil, usajobsEmail: String? = nil,
        extraKeyHosts: Set<String> = []
    ) {
        self.adzunaAppID = adzunaAppID
        self.adzunaAppKey = adzunaAppKey
        self.usajobsAPIKey = usajobsAPIKey
        self.usajobsEmail = usajobsEmail
        self.extraKeyHosts = Set(extraKeyHosts.map { $0.lowercased() })
    }

    /// Whether a keyed source's keys may be sent to `url`: only to its service's own host, or
    /// to a host the operator listed. Other sources carry no keys, so any host is fine.
    public func mayReceiveKeys(_ kind: SourceKind, url: String) -> Bool {
        guard kind.needsKeys else { return true }
        guard let host = URLComponents(string: url)?.host?.lowercased(), !host.isEmpty else { return false }
        return host == URLComponents(string: kind.defaultBaseURL)?.host || extraKeyHosts.contains(host)
    }

    /// Why a source of this kind cannot run with these credentials; nil when it can.
    public func missing(for kind: SourceKind) -> String? {
        switch kind {
        case .adzuna where adzunaAppID == nil || adzunaAppKey == nil:
            "Adzuna needs CC_ADZUNA_APP_ID and CC_ADZUNA_APP_KEY (free keys at developer.adzuna.com)"
        case .usajobs where usajobsAPIKey == nil || usajobsEmail == nil:
            "USAJOBS needs CC_USAJOBS_API_KEY and CC_USAJOBS_EMAIL (free key at developer.usajobs.gov)"
        default: nil
        }
    }

    /// Query parameters whose values are secrets: hidden wherever a URL is logged or stored.
    public static let secretParameters: Set<String> = ["app_key", "app_id", "api_key", "apikey", "key", "token", "access_token"]

    /// The URL with secret query values replaced by `***`, for logs and error messages.
    public static func redact(_ url: String) -> String {
        guard var components = URLComponents(string: url), let items = components.queryItems,
              items.contains(where: { secretParameters.contains($0.name.lowercased()) }) else { return url }
        components.queryItems = items.map { secretParameters.contains($0.name.lowercased()) ? URLQueryItem(name: $0.name, value: "***") : $0 }
        return components.string ?? url
    }
}

/// A search source's identifier: query parameters written as a query string
/// (`country=gb&what=swift developer&where=London`), checked against the names it accepts.
public struct SearchQuery: Sendable, Equatable {
    public var parameters: [(name: String, value: String)]

    public static func == (lhs: SearchQuery, rhs: SearchQuery) -> Bool {
        lhs.parameters.map { "\($0.name)=\($0.value)" } == rhs.parameters.map { "\($0.name)=\($0.value)" }
    }

    public init(_ identifier: String) {
        parameters = identifier.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard let name = parts.first, !name.isEmpty else { return nil }
            let value = parts.count > 1 ? parts[1] : ""
            return (name, value.removingPercentEncoding ?? value)
        }
    }

    public subscript(name: String) -> String? {
        parameters.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The parameters, percent-encoded, without the ones in `excluding`.
    public func encoded(excluding: Set<String> = []) -> String {
        parameters.filter { !excluding.contains($0.name) }.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }
}

extension SourceParsers {
    /// Adzuna search: `{"count": n, "results": [...]}`. Predicted salaries (Adzuna's estimate,
    /// `salary_is_predicted` "1") are not the employer's and are left out.
    public static func adzuna(_ data: Data, currency: String?) throws(SourcePayloadError) -> (postings: [RawPosting], total: Int) {
        let body = try json(data)
        guard let results = body["results"]?.arrayValue else { throw SourcePayloadError(message: "no results array") }
        let postings = results.compactMap { item -> RawPosting? in
            guard let id = item["id"].flatMap(identifier) else { return nil }
            var posting = RawPosting(source: SourceKind.adzuna.rawValue, externalID: id)
            posting.title = item["title"]?.stringValue
            posting.company = item["company"]?["display_name"]?.stringValue
            posting.location = item["location"]?["display_name"]?.stringValue
            posting.descriptionHTML = item["description"]?.stringValue
            posting.url = item["redirect_url"]?.stringValue
            let predicted = item["salary_is_predicted"]?.stringValue == "1" || item["salary_is_predicted"]?.intValue == 1
            if !predicted {
                posting.salaryMin = number(item["salary_min"])
                posting.salaryMax = number(item["salary_max"])
                if posting.salaryMin != nil || posting.salaryMax != nil { (posting.salaryCurrency, posting.salaryPeriod) = (currency, .year) }
            }
            posting.employmentType = employment(item["contract_time"]?.stringValue) ?? employment(item["contract_type"]?.stringValue)
            posting.postedAt = item["created"]?.stringValue.flatMap(ISODate.parse)
            return posting
        }
        return (postings, body["count"]?.intValue ?? postings.count)
    }

    /// The currency Adzuna's salaries are in, by the country of the search.
    public static func adzunaCurrency(country: String) -> String? {
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

    /// USAJOBS search: `SearchResult.SearchResultItems[].MatchedObjectDescriptor`; pay ranges
    /// are strings with an interval code (`PA` per year, `PH` per hour …).
    public static func usajobs(_ data: Data) throws(SourcePayloadError) -> (postings: [RawPosting], pages: Int) {
        let result = try json(data)["SearchResult"]
        guard let items = result?["SearchResultItems"]?.arrayValue else { throw SourcePayloadError(message: "no SearchResult.SearchResultItems") }
        let postings = items.compactMap { item -> RawPosting? in
            let job = item["MatchedObjectDescriptor"]
            guard let id = (item["MatchedObjectId"] ?? job?["PositionID"]).flatMap(identifier) else { return nil }
            var posting = RawPosting(source: SourceKind.usajobs.rawValue, externalID: id)
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
            posting.descriptionHTML = [details?["JobSummary"]?.stringValue, job?["QualificationSummary"]?.stringValue]
                .compactMap { $0?.nilIfEmpty }.map { "<p>\(HTMLEscaping.text($0))</p>" }.joined().nilIfEmpty
            posting.url = job?["PositionURI"]?.stringValue ?? job?["ApplyURI"]?.arrayValue?.first?.stringValue
            if let pay = job?["PositionRemuneration"]?.arrayValue?.first {
                posting.salaryMin = number(pay["MinimumRange"])
                posting.salaryMax = number(pay["MaximumRange"])
                posting.salaryCurrency = "USD"
                posting.salaryPeriod = switch pay["RateIntervalCode"]?.stringValue?.uppercased() {
                case "PA": .year
                case "PM": .month
                case "BW", "PW": .week
                case "PD": .day
                case "PH": .hour
                default: nil
                }
            }
            posting.employmentType = employment(job?["PositionSchedule"]?.arrayValue?.first?["Name"]?.stringValue)
            posting.postedAt = (job?["PublicationStartDate"]?.stringValue).flatMap { ISODate.parse($0) ?? ISODate.parse($0 + "Z") }
            return posting
        }
        let pages = result?["UserArea"]?["NumberOfPages"].flatMap { $0.intValue ?? $0.stringValue.flatMap { Int($0) } } ?? 1
        return (postings, pages)
    }

    /// SmartRecruiters posting detail (`…/postings/{id}`): the description lives in
    /// `jobAd.sections`, each with a title and HTML text.
    public static func smartRecruitersDescription(_ data: Data) throws(SourcePayloadError) -> String? {
        smartRecruitersSections(try json(data))
    }

    static func smartRecruitersSections(_ posting: JSONValue) -> String? {
        let sections = posting["jobAd"]?["sections"]
        let order = ["companyDescription", "jobDescription", "qualifications", "additionalInformation"]
        return order.compactMap { key -> String? in
            guard let section = sections?[key], let text = section["text"]?.stringValue, !text.isEmpty else { return nil }
            let title = section["title"]?.stringValue.map { "<h3>\(HTMLEscaping.text($0))</h3>" } ?? ""
            return title + text
        }.joined().nilIfEmpty
    }
}
