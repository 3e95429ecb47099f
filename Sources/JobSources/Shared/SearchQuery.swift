import Foundation

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
