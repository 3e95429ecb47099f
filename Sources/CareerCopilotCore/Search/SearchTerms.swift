/// A user's keyword query reduced to words that both full-text engines understand the same
/// way, and rendered safely for each. No user text reaches a query language unquoted.
public struct SearchTerms: Sendable, Hashable {
    /// Lowercased words of letters and digits, at most `maxTerms`.
    public let words: [String]

    public static let maxTerms = 12
    static let maxWordLength = 64

    public init(_ text: String) {
        var words: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty, words.count < Self.maxTerms, !words.contains(current) {
                words.append(String(current.prefix(Self.maxWordLength)))
            }
            current = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        self.words = words
    }

    public var isEmpty: Bool { words.isEmpty }

    /// An SQLite FTS5 query matching rows that contain every word as a word prefix,
    /// optionally only in one column: `{location} : ("new"* AND "york"*)`.
    public func fts5Query(column: String? = nil) -> String {
        let body = words.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"*" }.joined(separator: " AND ")
        guard let column else { return body }
        return "{\(column)} : (\(body))"
    }

    /// One FTS5 query for keywords in any column and words of the location, both optional.
    public static func fts5Query(keywords: SearchTerms?, location: SearchTerms?) -> String? {
        switch (keywords, location) {
        case (nil, nil): nil
        case let (keywords?, nil): keywords.fts5Query()
        case let (nil, location?): location.fts5Query(column: "location")
        case let (keywords?, location?): "(\(keywords.fts5Query())) AND \(location.fts5Query(column: "location"))"
        }
    }

    /// A PostgreSQL `to_tsquery('simple', …)` text with the same meaning: `new:* & york:*`.
    /// Words contain only letters and digits, so no tsquery operator can slip in.
    public var tsQuery: String {
        words.map { "\($0):*" }.joined(separator: " & ")
    }
}
