import Foundation

/// A user's keyword query reduced to words that both full-text engines understand the same
/// way, and rendered safely for each. No user text reaches a query language unquoted.
///
/// The engines split text into words of letters and digits, so "C++" would search for "c".
/// A term with a sign in it that names a known skill ("C++", "C#", ".NET", "Node.js",
/// "CI/CD") is kept whole as a skill instead: it matches the jobs that ask for that skill,
/// which discovery and the job form read from the same text with the same taxonomy.
public struct SearchTerms: Sendable, Hashable {
    /// Lowercased words of letters and digits.
    public let words: [String]
    /// Canonical names of skills written with signs ("C++"); at most `maxTerms` in all.
    public let skills: [String]
    /// The text without the tokens read as skills: what a ranked search reads as words.
    public let plainText: String

    public static let maxTerms = 12
    static let maxWordLength = 64
    /// Longer than any skill's spelling: such a token is read as words.
    static let maxSkillSpelling = 40

    public init(_ text: String, taxonomy: SkillTaxonomy = .standard) {
        var words: [String] = []
        var skills: [String] = []
        var plain: [Substring] = []
        func add(word: String) {
            if !word.isEmpty, words.count + skills.count < Self.maxTerms, !words.contains(word) {
                words.append(String(word.prefix(Self.maxWordLength)))
            }
        }
        for token in text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" }) {
            let spelling = token.trimmingCharacters(in: Self.quoting)
            if spelling.count <= Self.maxSkillSpelling, spelling.contains(where: Self.signs.contains),
                let skill = taxonomy.canonicalName(spelling), skill.contains(where: Self.signs.contains)
            {
                if words.count + skills.count < Self.maxTerms, !skills.contains(skill) { skills.append(skill) }
                continue
            }
            plain.append(token)
            var current = ""
            for character in token.lowercased() {
                if character.isLetter || character.isNumber {
                    current.append(character)
                } else {
                    add(word: current)
                    current = ""
                }
            }
            add(word: current)
        }
        self.words = words
        self.skills = skills
        self.plainText = plain.joined(separator: " ")
    }

    /// Signs that make a skill's name ("C++", "C#", ".NET", "Node.js", "CI/CD").
    static let signs: Set<Character> = ["+", "#", ".", "/"]
    static let quoting = CharacterSet(charactersIn: "\"'“”‘’()[]{}!?:")

    /// No word and no skill: the text had nothing to search for (only signs or emoji).
    public var isEmpty: Bool { words.isEmpty && skills.isEmpty }

    /// An SQLite FTS5 query matching rows that contain every word as a word prefix,
    /// optionally only in one column: `{location} : ("new"* AND "york"*)`.
    public func fts5Query(column: String? = nil) -> String {
        let body = words.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"*" }.joined(separator: " AND ")
        guard let column else { return body }
        return "{\(column)} : (\(body))"
    }

    /// One FTS5 query for keywords in any column and words of the location, both optional.
    /// Keywords without words (only skills, or nothing) add no full-text condition.
    public static func fts5Query(keywords: SearchTerms?, location: SearchTerms?) -> String? {
        let words: SearchTerms? = keywords?.words.isEmpty == false ? keywords : nil
        let place: SearchTerms? = location?.words.isEmpty == false ? location : nil
        switch (words, place) {
        case (nil, nil): return nil
        case let (words?, nil): return words.fts5Query()
        case let (nil, place?): return place.fts5Query(column: "location")
        case let (words?, place?): return "(\(words.fts5Query())) AND \(place.fts5Query(column: "location"))"
        }
    }

    /// A PostgreSQL `to_tsquery('simple', …)` text with the same meaning: `new:* & york:*`.
    /// Words contain only letters and digits, so no tsquery operator can slip in.
    public var tsQuery: String {
        words.map { "\($0):*" }.joined(separator: " & ")
    }
}
