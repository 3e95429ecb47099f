/// The resume's words, read once per profile, for the ATS keyword report: the skills it
/// names by any alias ("Postgres" names PostgreSQL), and its words, pairs and triples of
/// words, plurals made singular, so that a term is found only as whole words.
struct ResumeTerms: Sendable, Equatable {
    private(set) var skillKeys = Set<String>()
    private(set) var words = Set<UInt64>()
    private(set) var pairs = Set<UInt64>()
    private(set) var triples = Set<UInt64>()

    init(_ text: String, lexicon: Lexicon) {
        let list = WordList(text, lexicon: lexicon)
        lexicon.skills(in: list, 0..<list.count) { skillKeys.insert(lexicon.skillNames[$0].lowercased()) }
        let stems = list.words.indices.map(list.stemHash)
        for index in stems.indices {
            words.insert(stems[index])
            if index >= 1 { pairs.insert(WordHash.pair(stems[index - 1], stems[index])) }
            if index >= 2 { triples.insert(WordHash.pair(WordHash.pair(stems[index - 2], stems[index - 1]), stems[index])) }
        }
    }

    /// Whether the resume has a posting's term: a known skill by any of its names, or else
    /// the term's words side by side (more than three: each of them).
    func contains(_ keyword: JobFacts.Keyword) -> Bool {
        if keyword.isSkill, skillKeys.contains(keyword.term.lowercased()) { return true }
        let stems = keyword.stems
        switch stems.count {
        case 0: return false
        case 1: return words.contains(stems[0])
        case 2: return pairs.contains(WordHash.pair(stems[0], stems[1]))
        case 3: return triples.contains(WordHash.pair(WordHash.pair(stems[0], stems[1]), stems[2]))
        default: return stems.allSatisfy(words.contains)
        }
    }
}
