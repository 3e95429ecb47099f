/// A search box's text as a ranked full-text query: any of its words may match, and jobs with
/// more of them (rarer ones weighing more) rank higher — the opposite of a list's `q`, which
/// keeps only jobs with every word. Text in double quotes is a phrase. Words are letters and
/// digits only and every term is quoted, so no text can make the query invalid: `NEAR(`,
/// `AND`, `:*` and stray quotes are plain words or nothing.
public struct RankedQuery: Sendable, Hashable {
    /// Each term is one word (matched as a word prefix) or a phrase of several words in order.
    public let terms: [[String]]
    /// Every term must match (only when each word is common: see `dropping(common:)`).
    public private(set) var requiresAll = false

    public static let maxTerms = 12

    public init(_ text: String) {
        var terms: [[String]] = []
        var inPhrase = false
        var phrase: [String] = []
        var word = ""
        func endWord() {
            guard !word.isEmpty else { return }
            let piece = String(word.prefix(SearchTerms.maxWordLength))
            if inPhrase { phrase.append(piece) } else if !terms.contains([piece]) { terms.append([piece]) }
            word = ""
        }
        func endPhrase() {
            if phrase.count == 1, !terms.contains(phrase) { terms.append(phrase) }
            if phrase.count > 1, !terms.contains(phrase) { terms.append(Array(phrase.prefix(8))) }
            phrase = []
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                endWord()
                if character == "\"" || character == "“" || character == "”" {
                    if inPhrase { endPhrase() }
                    inPhrase.toggle()
                }
            }
        }
        endWord()
        endPhrase()
        // Words like "in" and "the" match nearly every posting: they would only add noise.
        // Kept when nothing else is left ("the who").
        let meaningful = terms.filter { $0.count > 1 || !Self.stopWords.contains($0[0]) }
        self.terms = Array((meaningful.isEmpty ? terms : meaningful).prefix(Self.maxTerms))
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// The query without the single words `common` names (phrases always stay). When every
    /// term is common, all must match instead: any one of them would match most jobs.
    public func dropping(common: Set<String>) -> RankedQuery {
        let kept = terms.filter { $0.count > 1 || !common.contains($0[0]) }
        guard kept.isEmpty else { return RankedQuery(terms: kept) }
        var all = self
        all.requiresAll = terms.count > 1
        return all
    }

    init(terms: [[String]]) {
        self.terms = terms
    }

    /// SQLite FTS5: `"payment"* OR "new york"`.
    public var fts5: String { fts5Terms.joined(separator: requiresAll ? " AND " : " OR ") }

    /// Each term alone, for FTS5: `"payment"*`, `"new york"`.
    public var fts5Terms: [String] {
        terms.map { term in
            // Words are letters and digits only: nothing inside the quotes needs escaping.
            let quoted = "\"" + term.joined(separator: " ") + "\""
            return term.count == 1 ? quoted + "*" : quoted
        }
    }

    /// PostgreSQL `to_tsquery('simple', …)`: `payment:* | (new <-> york)`.
    public var tsQuery: String { tsQueryTerms.joined(separator: requiresAll ? " & " : " | ") }

    /// Each term alone, for `to_tsquery('simple', …)`.
    public var tsQueryTerms: [String] {
        terms.map { term in term.count == 1 ? "\(term[0]):*" : "(" + term.joined(separator: " <-> ") + ")" }
    }

    /// How many of the terms a job must contain: at least half (Elasticsearch's
    /// `minimum_should_match`), so that a posting sharing one incidental word with a long
    /// query does not rank; all when `requiresAll`.
    public var minimumMatch: Int {
        requiresAll ? terms.count : max(1, (terms.count + 1) / 2)
    }

    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "i", "in", "into", "is", "it", "job", "jobs", "me", "my",
        "of", "on", "or", "role", "some", "that", "the", "to", "want", "where", "with", "work", "working",
    ]
}
