import CareerCopilotCore
import Foundation

/// Recruitee careers API: `GET https://{company}.recruitee.com/api/offers/` answers
/// `{"offers": [...]}`, every offer in one page; dates as "2025-11-20 10:00:00 UTC".
public struct Recruitee: JobSource {
    public let name = "recruitee"
    public let label = "Recruitee company"
    public let identifierMeaning = "the company (<company>.recruitee.com)"
    /// Each company has its own host.
    public let defaultBaseURL = ""

    public func defaultBaseURL(identifier: String) -> String {
        let company = identifier.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? identifier
        return "https://\(company).recruitee.com"
    }

    public func firstPageURL(_ board: SourceBoard) -> String {
        "\(board.base)/api/offers/"
    }

    public func read(_ body: Data, page: FetchedPage, board: SourceBoard) throws(SourcePayloadError) -> SourcePage {
        SourcePage(postings: try Self.postings(in: body, company: board.identifier))
    }

    public func boardIdentifier(at address: WebAddress) -> String? {
        guard address.host.hasSuffix(".recruitee.com") else { return nil }
        let company = String(address.host.dropLast(".recruitee.com".count))
        return company.contains(".") ? nil : WebAddress.name(company)
    }

    public static func postings(in data: Data, company: String) throws(SourcePayloadError) -> [RawPosting] {
        guard let offers = try Payload.json(data)["offers"]?.arrayValue else { throw SourcePayloadError("no offers array") }
        return offers.compactMap { offer in
            guard let id = offer["id"].flatMap(Payload.identifier) else { return nil }
            var posting = RawPosting(source: "recruitee", externalID: id)
            posting.title = offer["title"]?.stringValue
            posting.company = offer["company_name"]?.stringValue ?? company
            posting.location =
                offer["location"]?.stringValue
                ?? [offer["city"]?.stringValue, offer["country"]?.stringValue].compactMap { $0?.nilIfEmpty }.joined(separator: ", ").nilIfEmpty
            if offer["remote"]?.boolValue == true {
                posting.remote = .remote
            } else if offer["hybrid"]?.boolValue == true {
                posting.remote = .hybrid
            } else if offer["on_site"]?.boolValue == true {
                posting.remote = .onsite
            }
            posting.descriptionHTML = [offer["description"]?.stringValue, offer["requirements"]?.stringValue].compactMap { $0 }.joined()
            posting.url = offer["careers_url"]?.stringValue ?? offer["careers_apply_url"]?.stringValue
            if let salary = offer["salary"] {
                posting.salaryMin = Payload.number(salary["min"])
                posting.salaryMax = Payload.number(salary["max"])
                posting.salaryCurrency = salary["currency"]?.stringValue
                posting.salaryPeriod = Payload.period(salary["period"]?.stringValue)
            }
            posting.employmentType = Payload.employment(offer["employment_type_code"]?.stringValue)
            posting.postedAt = offer["published_at"]?.stringValue.flatMap(spacedDate)
            return posting
        }
    }

    /// "2025-11-20 10:00:00 UTC" and the like.
    static func spacedDate(_ text: String) -> Date? {
        ISODate.parse(text) ?? ISODate.parse(text.replacingOccurrences(of: " UTC", with: "Z").replacingOccurrences(of: " ", with: "T"))
    }
}

extension SourceKind {
    public static let recruitee = SourceKind(Recruitee())
}
