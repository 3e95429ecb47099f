import CareerCopilotCore
import Foundation

/// One configured source: its kind, its board (or URL), and where its API lives (tests and
/// mirrors point `baseURL` elsewhere). What differs between kinds is the kind's `JobSource`;
/// what every configured source shares — the checks of a submitted definition, where its keys
/// may go — is here.
public struct SourceDefinition: Sendable, Equatable {
    public var kind: SourceKind
    public var identifier: String
    public var baseURL: String?
    /// The operator's keys, for the sources that need them.
    public var credentials: SourceCredentials

    public init(kind: SourceKind, identifier: String, baseURL: String? = nil, credentials: SourceCredentials = SourceCredentials()) {
        self.kind = kind
        self.identifier = identifier
        self.baseURL = baseURL
        self.credentials = credentials
    }

    private var source: any JobSource { kind.source }

    /// Checks a definition as an admin submits it; one message per problem.
    public func issues() -> [String] {
        var issues = source.identifierIssues(identifier.trimmingCharacters(in: .whitespaces))
        if identifier.count > 2_048 { issues.append("identifier must be at most 2048 characters") }
        if let missing = credentials.missing(for: kind) { issues.append(missing) }
        if let baseURL, !WebURL.isAbsoluteHTTP(baseURL) { issues.append("base_url must be an http(s) URL") }
        if let problem = keyHostProblem { issues.append(problem) }
        return issues
    }

    /// Why this source's keys may not go where its base URL points; nil when they may.
    public var keyHostProblem: String? {
        guard source.keys != nil, !credentials.mayReceiveKeys(kind, url: board.base) else { return nil }
        let own = URLComponents(string: source.defaultBaseURL)?.host ?? source.defaultBaseURL
        return "base_url of a \(kind.rawValue) source must be on \(own): its keys go to no other host unless CC_SOURCE_KEY_HOSTS lists it"
    }

    /// The board as the source's code sees it.
    public var board: SourceBoard {
        var base = baseURL?.isEmpty == false ? baseURL ?? "" : source.defaultBaseURL(identifier: identifier)
        while base.hasSuffix("/") { base.removeLast() }
        let keysAllowed = source.keys == nil || credentials.mayReceiveKeys(kind, url: base)
        return SourceBoard(identifier: identifier, base: base, credentials: credentials, keysAllowed: keysAllowed)
    }

    public var firstPageURL: String { source.firstPageURL(board) }
    public var requestHeaders: [(name: String, value: String)] { source.requestHeaders(board) }
    public var maximumPages: Int { source.maximumPages }
    public var boardNameURL: String? { source.boardNameURL(board) }
    public func boardName(in body: Data) -> String? { source.boardName(in: body) }
    public func detailURL(for posting: RawPosting) -> String? { source.detailURL(for: posting, board: board) }

    public func readDetail(_ body: Data, into posting: inout RawPosting) throws(SourcePayloadError) {
        try source.readDetail(body, into: &posting)
    }

    /// Reads one response. `pageURL` is the URL it answered; `pageNumber` counts from 1.
    public func read(_ body: Data, pageURL: String, pageNumber: Int) throws(SourcePayloadError) -> SourcePage {
        try source.read(body, page: FetchedPage(url: pageURL, number: pageNumber), board: board)
    }
}
