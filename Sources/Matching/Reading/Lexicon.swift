import CareerCopilotCore

/// How a stretch of a posting is marked: by its own wording, else by the section it is in.
/// Ordered by precedence: a heading or line that says both wins as nice-to-have ("Preferred
/// qualifications", "Kafka would be great but is not required").
enum Marking: Int, Sendable, Comparable {
    case neutral, required, niceToHave

    static func < (lhs: Marking, rhs: Marking) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Everything the posting reader knows about a lowercase word, found with one lookup: the
/// skill it is or starts, the heading and line phrases it starts, what it says about years,
/// and whether it is too common to be a keyword. Built once per taxonomy from
/// `SkillTaxonomy.skills`, so that the skills themselves stay listed in one place. A class:
/// every reader holds it, and a copy of its many tables per word would cost more than the
/// lookup.
final class Lexicon: Sendable {
    struct Phrase: Sendable {
        /// The entries of the words after the first.
        var rest: [Int]
        var value: Int
    }

    struct Spelling: Sendable {
        var written: [UInt8]
        var skill: Int
    }

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        static let common = Flags(rawValue: 1)
        static let yearWord = Flags(rawValue: 2)
        /// "of", "in", "working"… right after "years".
        static let experienceWord = Flags(rawValue: 4)
        static let experienceNoun = Flags(rawValue: 8)
        /// "ago", "old", "history"… after "years": not experience.
        static let otherWord = Flags(rawValue: 16)
        /// "to", "or", "more", "plus" inside "3 to 5 years", "5 or more years".
        static let rangeWord = Flags(rawValue: 32)
        static let moreWord = Flags(rawValue: 64)
        /// "least", "minimum", "over" before a number.
        static let atLeastWord = Flags(rawValue: 128)
        /// Common, or a skill: never a salient term of its own.
        static let notTerm = Flags(rawValue: 256)
    }

    struct Entry: Sendable {
        /// Its bytes in `wordBytes`.
        var word: Range<Int>
        var skill: Int?
        var exactCase: [Spelling] = []
        var skillPhrases: [Phrase] = []
        var headingPhrases: [Phrase] = []
        var linePhrases: [Phrase] = []
        var flags: Flags = []
        /// "five" is 5.
        var number: Int?
    }

    /// The words and their entries, filled while the lexicon is built.
    private struct Tables {
        var entries: [Entry] = []
        var wordBytes: [UInt8] = []
        var slots = HashSlots(capacity: 1_024)

        mutating func ensure(_ word: [UInt8]) -> Int {
            let id = id(hash: WordHash.of(word), bytes: word, 0..<word.count)
            guard id < 0 else { return id }
            entries.append(Entry(word: wordBytes.count..<(wordBytes.count + word.count)))
            wordBytes.append(contentsOf: word)
            slots.set(WordHash.of(word), entries.count - 1)
            return entries.count - 1
        }

        mutating func addPhrase(_ text: String, _ marking: Marking, _ add: (inout Entry, Phrase) -> Void) {
            let list = WordList(text)
            guard list.count > 0 else { return }
            let ids = list.words.map { ensure(Array(list.lowered[$0.lower])) }
            add(&entries[ids[0]], Phrase(rest: Array(ids.dropFirst()), value: marking.rawValue))
        }

        /// The entry of a lowercase word given as its hash and bytes, -1 when there is none.
        @inline(__always)
        func id(hash: UInt64, bytes: [UInt8], _ range: Range<Int>) -> Int {
            guard let id = slots.value(for: hash) else { return -1 }
            let word = entries[id].word
            guard word.count == range.count else { return -1 }
            var offset = range.lowerBound
            for index in word {
                if wordBytes[index] != bytes[offset] { return -1 }
                offset += 1
            }
            return id
        }
    }

    let skillNames: [String]
    /// The stem hashes of each skill's name, for finding it in a resume.
    let skillStems: [[UInt64]]
    private let tables: Tables
    private var entries: [Entry] { tables.entries }
    private let aliases: [String: Int]
    private let exactCase: [String: Int]
    /// Canonical names as written: what sources give most often.
    private let names: [String: Int]
    private let namesItself: [Bool]

    init(_ taxonomy: SkillTaxonomy) {
        var tables = Tables()
        skillNames = taxonomy.skills.map(\.name)
        skillStems = skillNames.map { WordList.stemHashes(of: $0) }
        // The taxonomy's own tables: a later skill's alias replaces an earlier one's.
        var aliases: [String: Int] = [:]
        var exactCase: [String: Int] = [:]
        for (index, skill) in taxonomy.skills.enumerated() {
            for alias in skill.aliases { aliases[alias] = index }
            for spelling in skill.exactCase { exactCase[spelling] = index }
        }
        self.aliases = aliases
        self.exactCase = exactCase
        names = Dictionary(taxonomy.skills.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        // Aliases are kept as the taxonomy keys them (lowercase words one space apart); like
        // `SkillTaxonomy.extract`, phrases of up to three words are looked for.
        for (alias, skill) in aliases.sorted(by: { $0.key < $1.key }) {
            let words = alias.split(separator: " ", omittingEmptySubsequences: false).map { Array($0.utf8) }
            guard let first = words.first, words.count <= 3, !words.contains(where: \.isEmpty) else { continue }
            let rest = words.dropFirst().map { tables.ensure($0) }
            let id = tables.ensure(first)
            if rest.isEmpty {
                tables.entries[id].skill = skill
            } else {
                tables.entries[id].skillPhrases.append(Phrase(rest: rest, value: skill))
            }
        }
        for (written, skill) in exactCase.sorted(by: { $0.key < $1.key }) {
            let id = tables.ensure(Array(written.lowercased().utf8))
            tables.entries[id].exactCase.append(Spelling(written: Array(written.utf8), skill: skill))
        }
        for (text, marking) in PostingCues.headings { tables.addPhrase(text, marking) { $0.headingPhrases.append($1) } }
        for (text, marking) in PostingCues.lines { tables.addPhrase(text, marking) { $0.linePhrases.append($1) } }
        let flagged: [(Set<String>, Flags)] = [
            (CommonWords.all, .common), (YearsAsked.yearWords, .yearWord), (YearsAsked.experienceWords, .experienceWord),
            (["experience", "berufserfahrung"], .experienceNoun), (YearsAsked.otherWords, .otherWord),
            (["to", "or", "more", "plus"], .rangeWord), (["more", "plus"], .moreWord), (["least", "minimum", "min", "over"], .atLeastWord),
        ]
        for (words, flag) in flagged {
            for word in words.sorted() { tables.entries[tables.ensure(Array(word.utf8))].flags.insert(flag) }
        }
        for (word, value) in YearsAsked.numberWords.sorted(by: { $0.key < $1.key }) { tables.entries[tables.ensure(Array(word.utf8))].number = value }
        for id in tables.entries.indices {
            let entry = tables.entries[id]
            if entry.flags.contains(.common) || entry.skill != nil || !entry.exactCase.isEmpty { tables.entries[id].flags.insert(.notTerm) }
        }
        self.tables = tables
        namesItself = taxonomy.skills.indices.map { index in
            let list = WordList(taxonomy.skills[index].name)
            let key = list.words.indices.map(list.lower).joined(separator: " ")
            return (aliases[key] ?? exactCase[list.words.indices.map(list.written).joined(separator: " ")]) == index
        }
    }

    /// The lexicon of the standard taxonomy is built once; another taxonomy's on each call.
    static func of(_ taxonomy: SkillTaxonomy) -> Lexicon {
        // Comparing arrays that share storage is immediate.
        taxonomy.skills == SkillTaxonomy.standard.skills ? standard : Lexicon(taxonomy)
    }

    static let standard = Lexicon(.standard)

    /// The entry of a lowercase word given as its hash and bytes, -1 when there is none.
    @inline(__always)
    func id(hash: UInt64, bytes: [UInt8], _ range: Range<Int>) -> Int {
        tables.id(hash: hash, bytes: bytes, range)
    }

    /// The canonical name of a spelling ("Postgres" → "PostgreSQL"), as `SkillTaxonomy.canonicalName`.
    func canonicalName(_ spelling: String) -> String? {
        skillIndex(spelling).map { skillNames[$0] }
    }

    /// The taxonomy's index of the skill a spelling names.
    func skillIndex(_ spelling: String) -> Int? {
        if let index = names[spelling], canonicalNamesItself(index) { return index }
        let list = WordList(spelling, lexicon: self)
        // Most spellings are a word or two the lexicon holds: no strings to build.
        if let first = list.words.first, first.id >= 0 {
            if list.count == 1 {
                if let skill = entries[first.id].skill { return skill }
                if let spelling = entries[first.id].exactCase.first(where: { list.isWritten(0, as: $0.written) }) { return spelling.skill }
            } else if let phrase = entries[first.id].skillPhrases.first(where: {
                $0.rest.count == list.count - 1 && Self.follows($0.rest, in: list, after: 0, before: list.count)
            }) {
                return phrase.value
            }
        }
        let key = list.words.indices.map(list.lower).joined(separator: " ")
        return aliases[key] ?? exactCase[list.words.indices.map(list.written).joined(separator: " ")]
    }

    /// Every skill the words in `range` mention, as `SkillTaxonomy.extract` finds them: one
    /// word by its exact case or its lowercase alias, and phrases of two or three words.
    func skills(in list: WordList, _ range: Range<Int>, _ found: (Int) -> Void) {
        for index in range {
            let id = list.words[index].id
            guard id >= 0 else { continue }
            for spelling in entries[id].exactCase where list.isWritten(index, as: spelling.written) { found(spelling.skill) }
            if let skill = entries[id].skill { found(skill) }
            for phrase in entries[id].skillPhrases where Self.follows(phrase.rest, in: list, after: index, before: range.upperBound) {
                found(phrase.value)
            }
        }
    }

    /// The strongest marking a heading's or a line's phrases give, and how many words the
    /// phrase that gave it covers; nil when no phrase is there.
    func marking(of list: WordList, _ range: Range<Int>, heading: Bool) -> (marking: Marking, covered: Int)? {
        var best: (marking: Marking, covered: Int)?
        for index in range {
            let id = list.words[index].id
            guard id >= 0 else { continue }
            for phrase in heading ? entries[id].headingPhrases : entries[id].linePhrases
            where Self.follows(phrase.rest, in: list, after: index, before: range.upperBound) {
                let marking = Marking(rawValue: phrase.value) ?? .neutral
                let covered = phrase.rest.count + 1
                if let current = best, current.marking > marking || (current.marking == marking && current.covered >= covered) { continue }
                best = (marking, covered)
            }
        }
        return best
    }

    /// Whether a canonical name, read as a spelling, names its own skill (the taxonomy could
    /// give a name to another skill as an alias; then the slow path decides, as it does).
    private func canonicalNamesItself(_ index: Int) -> Bool {
        namesItself[index]
    }

    /// Whether a skill's name is these two words ("machine learning"): such a pair is reported
    /// as the skill, not as a term.
    func isSkillPair(_ first: Int, _ second: Int) -> Bool {
        first >= 0 && second >= 0 && entries[first].skillPhrases.contains { $0.rest.count == 1 && $0.rest[0] == second }
    }

    func flags(_ id: Int) -> Flags { id >= 0 ? entries[id].flags : [] }

    func number(_ id: Int) -> Int? { id >= 0 ? entries[id].number : nil }

    static func follows(_ rest: [Int], in list: WordList, after index: Int, before end: Int) -> Bool {
        guard end - index - 1 >= rest.count else { return false }
        for (offset, id) in rest.enumerated() where list.words[index + 1 + offset].id != id { return false }
        return true
    }
}
