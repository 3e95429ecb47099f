import CareerCopilotCore

/// The skills of a posting as they are found, each with the strongest way the posting speaks
/// of it: required anywhere is required, even if a nice-to-have line names it too.
struct RequirementCollector {
    private var order: [String] = []
    private var found: [String: (name: String, importance: JobFacts.Importance, skill: Int?)] = [:]

    /// `skill` is the taxonomy's index of a known skill.
    mutating func note(_ name: String, _ importance: JobFacts.Importance, skill: Int? = nil) {
        let key = name.lowercased()
        if let current = found[key] {
            if Self.strength(importance) > Self.strength(current.importance) { found[key]?.importance = importance }
        } else {
            found[key] = (name, importance, skill)
            order.append(key)
        }
    }

    func requirements(statesRequirements: Bool) -> [JobFacts.Requirement] {
        let all = order.compactMap { key in
            found[key].map { name, importance, skill in
                JobFacts.Requirement(
                    skill: name, importance: importance, required: importance == .required || (importance == .mentioned && !statesRequirements),
                    taxonomyIndex: skill)
            }
        }
        // Required, then what is nice to have, then what is only mentioned.
        return all.filter(\.required) + all.filter { !$0.required && $0.importance == .niceToHave }
            + all.filter { !$0.required && $0.importance != .niceToHave }
    }

    private static func strength(_ importance: JobFacts.Importance) -> Int {
        switch importance {
        case .required: 2
        case .niceToHave: 1
        case .mentioned: 0
        }
    }
}

/// The skills a source listed for a job: canonical names where the taxonomy knows them (the
/// reader finds those in the text by itself), and the others as phrases to look for.
struct GivenSkills {
    private(set) var names: [(name: String, skill: Int?)] = []
    private var unknownByFirstWord: [UInt64: [(rest: [UInt64], name: String)]] = [:]

    init(_ skills: some Sequence<String>, lexicon: Lexicon) {
        var seen = Set<String>()
        for written in skills {
            guard written.utf8.count <= 200 else { continue }
            let tidy = TextNormalizer.collapsingWhitespace(written)
            guard !tidy.isEmpty, tidy.utf8.count <= 80 else { continue }
            let known = lexicon.skillIndex(tidy)
            let name = known.map { lexicon.skillNames[$0] } ?? tidy
            guard seen.insert(name.lowercased()).inserted else { continue }
            names.append((name, known))
            if known == nil {
                let hashes = WordList(tidy).words.map(\.hash)
                if let first = hashes.first { unknownByFirstWord[first, default: []].append((Array(hashes.dropFirst()), name)) }
            }
        }
    }

    /// Calls `found` with each listed skill the taxonomy does not know that the words name.
    func unknown(in list: WordList, _ range: Range<Int>, _ found: (String) -> Void) {
        guard !unknownByFirstWord.isEmpty else { return }
        for index in range {
            guard let phrases = unknownByFirstWord[list.words[index].hash] else { continue }
            for phrase in phrases where range.upperBound - index - 1 >= phrase.rest.count {
                if phrase.rest.enumerated().allSatisfy({ list.words[index + 1 + $0.offset].hash == $0.element }) { found(phrase.name) }
            }
        }
    }
}
