import CareerCopilotCore
import Foundation

/// One kind of job source — a board's API, a search API, a feed, a careers page — described
/// once: what it is called, what its identifier means, how its pages are addressed and read,
/// and which addresses a person may paste for it. `SourceKind` names one, `SourceKind.allCases`
/// (Registry.swift) lists them, and `SourceDefinition` is one configured for a board.
///
/// To add a source: a folder here with a type conforming to this protocol, a `SourceKind`
/// constant for it, one line in the registry, and tests of its recorded payloads
/// (docs/development.md, "Add a job source").
public protocol JobSource: Sendable {
    /// The name stored with every configured source and each of its postings ("greenhouse").
    var name: String { get }
    /// How forms and filters call it ("Greenhouse board").
    var label: String { get }
    /// What the identifier of a configured source is, for forms and error messages.
    var identifierMeaning: String { get }
    /// Where the public API lives; a configured source may point elsewhere (tests, mirrors).
    var defaultBaseURL: String { get }
    /// Most pages one run reads: the general safety cap, lower where the rate limit is tight.
    var maximumPages: Int { get }
    /// The operator's keys this source sends with every request; nil when it needs none.
    var keys: SourceKeys? { get }

    /// The API's base for a board when no base URL is configured (Recruitee's is per company).
    func defaultBaseURL(identifier: String) -> String
    /// Problems with an identifier as an admin submits it, one message each.
    func identifierIssues(_ identifier: String) -> [String]

    /// The first request of a run; `read` gives the following ones.
    func firstPageURL(_ board: SourceBoard) -> String
    /// Reads one response of a run.
    func read(_ body: Data, page: FetchedPage, board: SourceBoard) throws(SourcePayloadError) -> SourcePage
    /// Headers every request of this source carries (keys that travel as headers).
    func requestHeaders(_ board: SourceBoard) -> [(name: String, value: String)]

    /// Where the board's own name is, for boards whose postings may not carry the company.
    func boardNameURL(_ board: SourceBoard) -> String?
    /// The board's name in that answer.
    func boardName(in body: Data) -> String?
    /// Where a posting's full text lives when the listing does not carry it.
    func detailURL(for posting: RawPosting, board: SourceBoard) -> String?
    /// Completes a posting from its detail answer.
    func readDetail(_ body: Data, into posting: inout RawPosting) throws(SourcePayloadError)

    /// The identifier of the board a pasted address names ("boards.greenhouse.io/acme" → "acme").
    func boardIdentifier(at address: WebAddress) -> String?
    /// The job a pasted job address names, when this source can read it through its API.
    func job(at address: WebAddress) -> JobAddress?
    /// Where that job is read.
    func jobURL(_ job: JobAddress) -> String
    /// The job in that answer.
    func readJob(_ body: Data, _ job: JobAddress) throws(SourcePayloadError) -> RawPosting?
}

/// What most sources do not need.
extension JobSource {
    public var maximumPages: Int { 50 }
    public var keys: SourceKeys? { nil }
    public func defaultBaseURL(identifier: String) -> String { defaultBaseURL }

    /// Most identifiers are a board's name in the source's URLs.
    public func identifierIssues(_ identifier: String) -> [String] {
        let valid =
            !identifier.isEmpty && identifier.count <= 100
            && identifier.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
        return valid ? [] : ["identifier must be \(identifierMeaning): letters, digits, '-', '_' or '.'"]
    }
    public func requestHeaders(_ board: SourceBoard) -> [(name: String, value: String)] { [] }
    public func boardNameURL(_ board: SourceBoard) -> String? { nil }
    public func boardName(in body: Data) -> String? { nil }
    public func detailURL(for posting: RawPosting, board: SourceBoard) -> String? { nil }
    public func readDetail(_ body: Data, into posting: inout RawPosting) throws(SourcePayloadError) {}
    public func boardIdentifier(at address: WebAddress) -> String? { nil }
    public func job(at address: WebAddress) -> JobAddress? { nil }
    public func jobURL(_ job: JobAddress) -> String { defaultBaseURL }
    public func readJob(_ body: Data, _ job: JobAddress) throws(SourcePayloadError) -> RawPosting? { nil }
}

/// A configured board as its source's code sees it: the identifier, the API base (no trailing
/// slash) and the keys, when they may go there.
public struct SourceBoard: Sendable {
    public let identifier: String
    public let base: String
    public let credentials: SourceCredentials
    /// Keys ride along only to a host allowed to receive them.
    public let keysAllowed: Bool

    /// The identifier as one path segment.
    public var encodedIdentifier: String {
        identifier.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? identifier
    }

    /// A configured key, or "" when it is missing or may not go to this base.
    public func key(_ variable: String) -> String {
        keysAllowed ? credentials[variable] ?? "" : ""
    }

    /// A link of the public host, moved onto the configured base (tests, mirrors).
    public func rebase(_ link: String) -> String? {
        guard let components = URLComponents(string: link) else { return nil }
        return base + components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
    }
}

/// One answer of a run, as the source reads it.
public struct FetchedPage: Sendable {
    /// The URL that answered, after redirects.
    public var url: String
    /// Counts from 1.
    public var number: Int

    public init(url: String, number: Int) {
        self.url = url
        self.number = number
    }
}

/// One page of a run, read.
public struct SourcePage: Sendable {
    public var postings: [RawPosting]
    /// The next page to fetch, when the listing goes on.
    public var next: String?

    public init(postings: [RawPosting], next: String? = nil) {
        self.postings = postings
        self.next = next
    }
}

/// A job on a board, as a pasted job address names it.
public struct JobAddress: Sendable, Equatable {
    public var board: String
    public var id: String

    public init(board: String, id: String) {
        self.board = board
        self.id = id
    }
}

/// The operator's keys a source needs, by environment variable, and what to say when they are
/// missing. Configuration reads every registered source's variables.
public struct SourceKeys: Sendable {
    public var variables: [String]
    /// "Adzuna needs CC_ADZUNA_APP_ID and CC_ADZUNA_APP_KEY (free keys at developer.adzuna.com)".
    public var missingMessage: String

    public init(variables: [String], missingMessage: String) {
        self.variables = variables
        self.missingMessage = missingMessage
    }
}
