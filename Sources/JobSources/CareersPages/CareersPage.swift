import CareerCopilotCore
import Foundation

/// A careers page read for its schema.org `JobPosting`s: JSON-LD and microdata, by the page's URL.
public struct CareersPage: JobSource {
    public let name = "jsonld"
    public let label = "Careers page (schema.org)"
    public let identifierMeaning = "the careers page URL (with schema.org JobPosting, JSON-LD or microdata)"
    public let defaultBaseURL = ""

    public func identifierIssues(_ identifier: String) -> [String] {
        WebURL.isAbsoluteHTTP(identifier) ? [] : ["identifier must be \(identifierMeaning)"]
    }

    public func firstPageURL(_ board: SourceBoard) -> String { board.identifier }

    public func read(_ body: Data, page: FetchedPage, board: SourceBoard) throws(SourcePayloadError) -> SourcePage {
        SourcePage(postings: Self.postings(html: String(decoding: body, as: UTF8.self), pageURL: page.url))
    }

    /// schema.org `JobPosting` in a page: JSON-LD (one object, an array, or inside `@graph`)
    /// and microdata (`itemscope itemtype=".../JobPosting"`), read the same way.
    public static func postings(html: String, pageURL: String) -> [RawPosting] {
        let objects =
            jsonLDBlocks(html).flatMap { block -> [JSONValue] in
                guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(block.utf8)) else { return [] }
                return jobPostings(in: value)
            } + Microdata.items(in: html).flatMap(jobPostings)
        var seen = Set<String>()
        return objects.map { posting($0, pageURL: pageURL) }.filter { seen.insert($0.externalID).inserted }
    }

    /// One schema.org `JobPosting` object.
    static func posting(_ object: JSONValue, pageURL: String) -> RawPosting {
        let identifier = object["identifier"]?["value"].flatMap(Payload.identifier) ?? object["identifier"].flatMap(Payload.identifier)
        // A relative `url` ("/jobs/7") is the page's.
        let url = object["url"]?.stringValue.flatMap { URL(string: $0, relativeTo: URL(string: pageURL))?.absoluteString } ?? pageURL
        var posting = RawPosting(source: "jsonld", externalID: identifier.map { Payload.scopedID($0, within: pageURL) } ?? url)
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
        posting.employmentType = Payload.employment(object["employmentType"]?.stringValue ?? object["employmentType"]?.arrayValue?.first?.stringValue)
        if let salary = object["baseSalary"] {
            posting.salaryCurrency = salary["currency"]?.stringValue ?? object["salaryCurrency"]?.stringValue
            let value = salary["value"]
            if let amount = Payload.number(value) {
                posting.salaryMin = amount
            } else {
                posting.salaryMin = Payload.number(value?["minValue"]) ?? Payload.number(value?["value"])
                posting.salaryMax = Payload.number(value?["maxValue"])
                posting.salaryPeriod = Payload.period(value?["unitText"]?.stringValue)
            }
        }
        return posting
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
}

extension SourceKind {
    public static let jsonLD = SourceKind(CareersPage())
}
