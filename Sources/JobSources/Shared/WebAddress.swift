import Foundation

/// An address a person pasted, split for the sources to recognise: its host (lower case), its
/// path's segments (as written: still percent-encoded, so "a%2Fb" is one segment no source
/// accepts) and its query.
public struct WebAddress: Sendable {
    public var host: String
    public var path: [String]
    public var query: [URLQueryItem]

    /// Nil unless the text is an absolute URL with a host.
    public init?(_ text: String) {
        guard text.count <= 2_048, let components = URLComponents(string: text), let host = components.host?.lowercased(), !host.isEmpty else { return nil }
        self.host = host
        path = components.percentEncodedPath.split(separator: "/").map(String.init)
        query = components.queryItems ?? []
    }

    /// The value of a query parameter.
    public func query(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// A segment usable as a board or job name in an API's URL: 1 to 100 ASCII letters, digits,
    /// '-', '_' or '.'; nil otherwise.
    public static func name(_ text: String?) -> String? {
        guard let text, !text.isEmpty, text.count <= 100,
            text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") })
        else { return nil }
        return text
    }
}

/// A job board's address as a person copies it from the browser — "https://boards.greenhouse.io/acme",
/// "jobs.lever.co/acme/…", "https://acme.recruitee.com" — read as the source it names: its
/// kind and its identifier. Nil for any other address (a feed, a careers page).
public enum BoardAddress {
    public static func recognize(_ text: String) -> (kind: SourceKind, identifier: String)? {
        var text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        if !text.lowercased().hasPrefix("http://") && !text.lowercased().hasPrefix("https://") { text = "https://" + text }
        guard let address = WebAddress(text) else { return nil }
        for kind in SourceKind.allCases {
            if let identifier = kind.source.boardIdentifier(at: address) { return (kind, identifier) }
        }
        return nil
    }
}
