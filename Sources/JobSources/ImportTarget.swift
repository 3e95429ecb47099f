import CareerCopilotCore
import Foundation

/// Where to read a pasted job URL from: the board's API when a registered source recognises
/// the address (Greenhouse, Lever, Ashby, SmartRecruiters, Workable), else the page itself (its
/// schema.org JSON-LD or microdata).
public enum ImportTarget: Sendable, Equatable {
    case job(SourceKind, JobAddress)
    case page(String)

    public static func resolve(_ url: String) -> ImportTarget {
        guard let address = WebAddress(url) else { return .page(url) }
        for kind in SourceKind.allCases {
            if let job = kind.source.job(at: address) { return .job(kind, job) }
        }
        return .page(url)
    }

    /// The URL to fetch.
    public var fetchURL: String {
        switch self {
        case let .job(kind, job): kind.source.jobURL(job)
        case let .page(url): url
        }
    }

    /// The posting in a fetched body: the board's job, or the page's JobPosting (the one whose
    /// URL is the page's when there are several).
    public func posting(in body: Data, pageURL: String) throws(SourcePayloadError) -> RawPosting? {
        switch self {
        case let .job(kind, job):
            return try kind.source.readJob(body, job)
        case .page:
            let postings = CareersPage.postings(html: String(decoding: body, as: UTF8.self), pageURL: pageURL)
            return postings.first { $0.url == pageURL } ?? postings.first
        }
    }
}
