import Foundation

/// A source's payload as postings. Each parser reads its format schema-less (`JSONValue`), so a
/// field of an unexpected type is skipped, not fatal; a payload that is not the format at all
/// throws `SourcePayloadError`.
public enum SourceParsers {
    public static func json(_ data: Data) throws(SourcePayloadError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw SourcePayloadError(message: "not valid JSON (\(data.count) bytes)")
        }
    }

    /// Greenhouse Job Board API: `{"jobs": [...], "meta": {"total": n}}`.
    public static func greenhouse(_ data: Data, board: String) throws(SourcePayloadError) -> [RawPosting] {
        guard let jobs = try json(data)["jobs"]?.arrayValue else { throw SourcePayloadError(message: "no jobs array") }
        return jobs.compactMap { greenhousePosting($0, board: board) }
    }

    /// A Greenhouse board's own name (`GET /v1/boards/{token}`), if it gives a usable one.
    public static func greenhouseBoardName(_ data: Data) -> String? {
        guard let name = (try? json(data))?["name"]?.stringValue else { return nil }
        let tidy = TextNormalizer.collapsingWhitespace(TextNormalizer.removingControlCharacters(name))
        return tidy.isEmpty || tidy.count > 200 ? nil : tidy
    }

    /// One Greenhouse job object (a board's item, or `…/jobs/{id}`).
    public static func greenhousePosting(_ job: JSONValue, board: String) -> RawPosting? {
        guard let id = job["id"].flatMap(identifier) else { return nil }
        var posting = RawPosting(source: "greenhouse", externalID: id)
        posting.title = job["title"]?.stringValue
        posting.company = job["company_name"]?.stringValue ?? board
        posting.location = job["location"]?["name"]?.stringValue
        posting.descriptionHTML = job["content"]?.stringValue
        posting.url = job["absolute_url"]?.stringValue
        posting.postedAt = (job["first_published"]?.stringValue ?? job["updated_at"]?.stringValue).flatMap(ISODate.parse)
        for item in job["metadata"]?.arrayValue ?? [] {
            let name = item["name"]?.stringValue?.lowercased() ?? ""
            if item["value_type"]?.stringValue == "currency_range", let range = item["value"] {
                posting.salaryMin = number(range["min_value"])
                posting.salaryMax = number(range["max_value"])
                posting.salaryCurrency = range["unit"]?.stringValue
            } else if name.contains("workplace") || name.contains("remote") {
                posting.remote = RemoteDetector.detect(item["value"]?.stringValue)
            }
        }
        return posting
    }

    /// Lever Postings API: a bare array; the site name is the company.
    public static func lever(_ data: Data, site: String) throws(SourcePayloadError) -> [RawPosting] {
        guard let postings = try json(data).arrayValue else { throw SourcePayloadError(message: "not an array of postings") }
        return postings.compactMap { leverPosting($0, site: site) }
    }

    /// One Lever posting (a list's item, or `…/postings/{site}/{id}`).
    public static func leverPosting(_ item: JSONValue, site: String) -> RawPosting? {
        guard let id = item["id"].flatMap(identifier) else { return nil }
        var posting = RawPosting(source: "lever", externalID: id)
        posting.title = item["text"]?.stringValue
        posting.company = site
        let categories = item["categories"]
        posting.location = categories?["allLocations"]?.arrayValue?.compactMap(\.stringValue).joined(separator: "; ")
            .nilIfEmpty ?? categories?["location"]?.stringValue
        posting.remote = RemoteDetector.fromFlag(item["workplaceType"]?.stringValue)
        let lists = (item["lists"]?.arrayValue ?? []).map { list in
            "<h3>\(HTMLEscaping.text(list["text"]?.stringValue ?? ""))</h3><ul>\(list["content"]?.stringValue ?? "")</ul>"
        }.joined()
        posting.descriptionHTML = [item["description"]?.stringValue, lists, item["additional"]?.stringValue].compactMap { $0 }.joined()
        posting.url = item["hostedUrl"]?.stringValue ?? item["applyUrl"]?.stringValue
        if let range = item["salaryRange"] {
            posting.salaryMin = number(range["min"])
            posting.salaryMax = number(range["max"])
            posting.salaryCurrency = range["currency"]?.stringValue
            posting.salaryPeriod = period(range["interval"]?.stringValue)
        }
        posting.salaryText = item["salaryDescriptionPlain"]?.stringValue
        posting.employmentType = employment(categories?["commitment"]?.stringValue)
        posting.postedAt = ISODate.fromUnixSeconds(number(item["createdAt"]).map { $0 / 1000 })
        return posting
    }

    /// Ashby Posting API: `{"jobs": [...]}`; the board is the company; unlisted jobs are skipped.
    public static func ashby(_ data: Data, board: String) throws(SourcePayloadError) -> [RawPosting] {
        guard let jobs = try json(data)["jobs"]?.arrayValue else { throw SourcePayloadError(message: "no jobs array") }
        return jobs.compactMap { job in
            guard let id = job["id"].flatMap(identifier), job["isListed"]?.boolValue != false else { return nil }
            var posting = RawPosting(source: "ashby", externalID: id)
            posting.title = job["title"]?.stringValue
            posting.company = board
            let secondary = (job["secondaryLocations"]?.arrayValue ?? []).compactMap { $0["location"]?.stringValue }
            posting.location = ([job["location"]?.stringValue].compactMap { $0 } + secondary).joined(separator: "; ").nilIfEmpty
            posting.remote = RemoteDetector.fromFlag(job["workplaceType"]?.stringValue) ?? (job["isRemote"]?.boolValue == true ? .remote : nil)
            posting.descriptionHTML = job["descriptionHtml"]?.stringValue ?? job["descriptionPlain"]?.stringValue
            posting.url = job["jobUrl"]?.stringValue ?? job["applyUrl"]?.stringValue
            posting.postedAt = job["publishedAt"]?.stringValue.flatMap(ISODate.parse)
            posting.employmentType = employment(job["employmentType"]?.stringValue)
            let components = (job["compensation"]?["compensationTiers"]?.arrayValue ?? []).flatMap { $0["components"]?.arrayValue ?? [] }
            if let salary = components.first(where: { $0["compensationType"]?.stringValue?.lowercased() == "salary" }) {
                posting.salaryMin = number(salary["minValue"])
                posting.salaryMax = number(salary["maxValue"])
                posting.salaryCurrency = salary["currencyCode"]?.stringValue
                posting.salaryPeriod = period(salary["interval"]?.stringValue)
            } else {
                posting.salaryText = job["compensation"]?["compensationTierSummary"]?.stringValue
            }
            return posting
        }
    }

    /// RemoteOK: an array whose first element is a legal notice; ids are strings or numbers;
    /// a salary of 0 means unknown; every job is remote.
    public static func remoteOK(_ data: Data) throws(SourcePayloadError) -> [RawPosting] {
        guard let items = try json(data).arrayValue else { throw SourcePayloadError(message: "not an array") }
        return items.compactMap { item in
            guard let id = item["id"].flatMap(identifier), item["position"] != nil || item["title"] != nil else { return nil }
            var posting = RawPosting(source: "remoteok", externalID: id)
            posting.title = item["position"]?.stringValue ?? item["title"]?.stringValue
            posting.company = item["company"]?.stringValue
            posting.location = item["location"]?.stringValue
            posting.remote = .remote
            posting.descriptionHTML = item["description"]?.stringValue
            posting.url = item["apply_url"]?.stringValue ?? item["url"]?.stringValue
            posting.salaryMin = number(item["salary_min"]).flatMap { $0 > 0 ? $0 : nil }
            posting.salaryMax = number(item["salary_max"]).flatMap { $0 > 0 ? $0 : nil }
            if posting.salaryMin != nil || posting.salaryMax != nil { (posting.salaryCurrency, posting.salaryPeriod) = ("USD", .year) }
            posting.postedAt = item["date"]?.stringValue.flatMap(ISODate.parse) ?? ISODate.fromUnixSeconds(number(item["epoch"]))
            return posting
        }
    }

    /// Arbeitnow: `{"data": [...], "links": {"next": …}}`; `created_at` in Unix seconds.
    public static func arbeitnow(_ data: Data) throws(SourcePayloadError) -> (postings: [RawPosting], next: String?) {
        let body = try json(data)
        guard let items = body["data"]?.arrayValue else { throw SourcePayloadError(message: "no data array") }
        let postings = items.compactMap { item -> RawPosting? in
            guard let id = item["slug"].flatMap(identifier) else { return nil }
            var posting = RawPosting(source: "arbeitnow", externalID: id)
            posting.title = item["title"]?.stringValue
            posting.company = item["company_name"]?.stringValue
            posting.location = item["location"]?.stringValue
            if let remote = item["remote"]?.boolValue { posting.remote = remote ? .remote : nil }
            posting.descriptionHTML = item["description"]?.stringValue
            posting.url = item["url"]?.stringValue
            posting.employmentType = (item["job_types"]?.arrayValue ?? []).compactMap { employment($0.stringValue) }.first
            posting.postedAt = ISODate.fromUnixSeconds(number(item["created_at"]))
            return posting
        }
        return (postings, body["links"]?["next"]?.stringValue)
    }

    /// schema.org `JobPosting` in a page: JSON-LD (one object, an array, or inside `@graph`)
    /// and microdata (`itemscope itemtype=".../JobPosting"`), read the same way.
    public static func schemaOrg(html: String, pageURL: String) -> [RawPosting] {
        let objects = jsonLDBlocks(html).flatMap { block -> [JSONValue] in
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(block.utf8)) else { return [] }
            return jobPostings(in: value)
        } + Microdata.items(in: html).flatMap(jobPostings)
        var seen = Set<String>()
        return objects.map { schemaOrgPosting($0, pageURL: pageURL) }.filter { seen.insert($0.externalID).inserted }
    }

    /// One schema.org `JobPosting` object.
    static func schemaOrgPosting(_ object: JSONValue, pageURL: String) -> RawPosting {
        let identifier = object["identifier"]?["value"].flatMap(identifier) ?? object["identifier"].flatMap(identifier)
        // A relative `url` ("/jobs/7") is the page's.
        let url = object["url"]?.stringValue.flatMap { URL(string: $0, relativeTo: URL(string: pageURL))?.absoluteString } ?? pageURL
        var posting = RawPosting(source: SourceKind.jsonLD.rawValue, externalID: identifier.map { scopedID($0, within: pageURL) } ?? url)
        posting.title = object["title"]?.stringValue ?? object["name"]?.stringValue
        posting.company = object["hiringOrganization"]?["name"]?.stringValue ?? object["hiringOrganization"]?.stringValue
        let places = (object["jobLocation"]?.arrayValue ?? object["jobLocation"].map { [$0] } ?? []).compactMap { place -> String? in
            guard let address = place["address"] else { return place.stringValue }
            if let text = address.stringValue { return text }
            let parts = ["addressLocality", "addressRegion", "addressCountry"].compactMap { address[$0]?.stringValue ?? address[$0]?["name"]?.stringValue }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
        posting.location = places.joined(separator: "; ").nilIfEmpty
        if object["jobLocationType"]?.stringValue?.uppercased() == "TELECOMMUTE" { posting.remote = .remote }
        posting.descriptionHTML = object["description"]?.stringValue
        posting.url = url
        posting.postedAt = object["datePosted"]?.stringValue.flatMap(ISODate.parse)
        posting.employmentType = employment(object["employmentType"]?.stringValue ?? object["employmentType"]?.arrayValue?.first?.stringValue)
        if let salary = object["baseSalary"] {
            posting.salaryCurrency = salary["currency"]?.stringValue ?? object["salaryCurrency"]?.stringValue
            let value = salary["value"]
            if let amount = number(value) {
                posting.salaryMin = amount
            } else {
                posting.salaryMin = number(value?["minValue"]) ?? number(value?["value"])
                posting.salaryMax = number(value?["maxValue"])
                posting.salaryPeriod = period(value?["unitText"]?.stringValue)
            }
        }
        return posting
    }

    // MARK: Helpers

    /// A feed's or page's own id for a posting ("42", "job-7") is unique only there; two feeds
    /// share the source name (`rss`, `jsonld`), so such an id is scoped by the host it came
    /// from ("jobs.example#42"). Ids that are global by design (http(s) URLs, `urn:`, `tag:`)
    /// stay as they are.
    static func scopedID(_ id: String, within url: String) -> String {
        let scheme = URLComponents(string: id)?.scheme?.lowercased()
        if let scheme, ["http", "https", "urn", "tag"].contains(scheme) { return String(id.prefix(255)) }
        guard let host = URLComponents(string: url)?.host?.lowercased(), !host.isEmpty else { return String(id.prefix(255)) }
        return String("\(host)#\(id)".prefix(255))
    }

    static func jsonLDBlocks(_ html: String) -> [String] {
        var blocks: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<script", options: .caseInsensitive) {
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">") else { break }
            let tag = rest[open.lowerBound...tagEnd].lowercased()
            guard let close = rest[tagEnd...].range(of: "</script", options: .caseInsensitive) else { break }
            if tag.contains("application/ld+json") { blocks.append(String(rest[rest.index(after: tagEnd)..<close.lowerBound])) }
            rest = rest[close.upperBound...]
        }
        return blocks
    }

    static func jobPostings(in value: JSONValue) -> [JSONValue] {
        if let array = value.arrayValue { return array.flatMap(jobPostings) }
        if let graph = value["@graph"] { return jobPostings(in: graph) }
        let type = value["@type"]
        let types = type?.arrayValue?.compactMap(\.stringValue) ?? [type?.stringValue].compactMap { $0 }
        return types.contains("JobPosting") ? [value] : []
    }

    /// An id as a string, whether the payload wrote it as a string or a number.
    static func identifier(_ value: JSONValue) -> String? {
        if let text = value.stringValue?.trimmingCharacters(in: .whitespaces), !text.isEmpty { return String(text.prefix(255)) }
        if let number = value.intValue { return String(number) }
        return nil
    }

    /// A number, or a string holding one ("120000", "120,000.00").
    static func number(_ value: JSONValue?) -> Double? {
        if let number = value?.numberValue, number.isFinite { return number }
        // `Double("inf")`, `Double("nan")` and `Double("1e999")` parse too: only finite numbers count.
        if let text = value?.stringValue?.prefix(64),
           let number = Double(text.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)), number.isFinite {
            return number
        }
        return nil
    }

    static func period(_ text: String?) -> SalaryPeriod? {
        switch text?.lowercased() {
        case "year", "yearly", "annual", "per-year-salary", "1 year", "per year": .year
        case "month", "monthly", "per-month-salary", "1 month": .month
        case "week", "weekly", "per-week-salary", "1 week": .week
        case "day", "daily", "per-day-salary", "1 day": .day
        case "hour", "hourly", "per-hour-wage", "1 hour": .hour
        default: nil
        }
    }

    static func employment(_ text: String?) -> EmploymentType? {
        guard let text = text?.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ") else { return nil }
        if text.contains("full time") || text.contains("fulltime") || text == "permanent" { return .fullTime }
        if text.contains("part time") || text.contains("parttime") { return .partTime }
        if text.contains("contract") || text.contains("freelance") { return .contract }
        if text.contains("intern") { return .internship }
        if text.contains("temporary") || text.contains("temp") { return .temporary }
        if text.contains("volunteer") { return .volunteer }
        return nil
    }
}

public struct SourcePayloadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
