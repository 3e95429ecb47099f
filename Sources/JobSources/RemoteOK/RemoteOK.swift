import CareerCopilotCore
import Foundation

/// RemoteOK: `GET /api[?tags=]` answers an array whose first element is a legal notice; ids are
/// strings or numbers; a salary of 0 means unknown; every job is remote.
public struct RemoteOK: JobSource {
    public let name = "remoteok"
    public let label = "RemoteOK"
    public let identifierMeaning = "a tag to filter by, or empty for every job"
    public let defaultBaseURL = "https://remoteok.com"

    public func identifierIssues(_ identifier: String) -> [String] {
        identifier.count > 50 || !identifier.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
            ? ["identifier must be a tag of letters, digits and '-', or empty"] : []
    }

    public func firstPageURL(_ board: SourceBoard) -> String {
        board.identifier.isEmpty ? "\(board.base)/api" : "\(board.base)/api?tags=\(board.encodedIdentifier)"
    }

    public func read(_ body: Data, page: FetchedPage, board: SourceBoard) throws(SourcePayloadError) -> SourcePage {
        SourcePage(postings: try Self.postings(in: body))
    }

    public static func postings(in data: Data) throws(SourcePayloadError) -> [RawPosting] {
        guard let items = try Payload.json(data).arrayValue else { throw SourcePayloadError("not an array") }
        return items.compactMap { item in
            guard let id = item["id"].flatMap(Payload.identifier), item["position"] != nil || item["title"] != nil else { return nil }
            var posting = RawPosting(source: "remoteok", externalID: id)
            posting.title = item["position"]?.stringValue ?? item["title"]?.stringValue
            posting.company = item["company"]?.stringValue
            posting.location = item["location"]?.stringValue
            posting.remote = .remote
            posting.descriptionHTML = item["description"]?.stringValue
            posting.url = item["apply_url"]?.stringValue ?? item["url"]?.stringValue
            posting.salaryMin = Payload.number(item["salary_min"]).flatMap { $0 > 0 ? $0 : nil }
            posting.salaryMax = Payload.number(item["salary_max"]).flatMap { $0 > 0 ? $0 : nil }
            if posting.salaryMin != nil || posting.salaryMax != nil { (posting.salaryCurrency, posting.salaryPeriod) = ("USD", .year) }
            posting.postedAt = item["date"]?.stringValue.flatMap(ISODate.parse) ?? ISODate.fromUnixSeconds(Payload.number(item["epoch"]))
            return posting
        }
    }
}

extension SourceKind {
    public static let remoteok = SourceKind(RemoteOK())
}
