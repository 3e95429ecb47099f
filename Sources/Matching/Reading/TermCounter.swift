/// The salient words and word pairs of a posting, for the ATS keyword report: words that are
/// not function words, not what every posting says ("team", "experience"), not skills (those
/// are reported by name), counted wherever they occur; pairs of such words side by side
/// ("distributed systems", "code review") counted in the stretches that are candidates.
/// A term ranks by how often it occurs, more when it occurs in a required stretch, and a pair
/// more than a word: what an applicant tracking system is most likely to look for.
struct TermCounter {
    struct Stat {
        /// The word where it first occurs; a pair starts there.
        var first: Int
        var stems: [UInt64]
        var count = 1
        var bonus: Int
        var candidate: Bool
    }

    private(set) var stats: [Stat] = []
    private var slots = HashSlots(capacity: 256)

    /// Counts the words of a stretch; pairs and candidacy only when `candidate`.
    mutating func add(_ list: WordList, _ range: Range<Int>, lexicon: Lexicon, marking: Marking, candidate: Bool) {
        var previous: (stem: UInt64, id: Int)?
        let bonus = marking == .required ? 3 : marking == .niceToHave ? 1 : 0
        for index in range {
            let word = list.words[index]
            guard !lexicon.flags(word.id).contains(.notTerm), list.isPlainWord(index) else {
                previous = nil
                continue
            }
            let stem = list.stemHash(index)
            count(stem, first: index, stems: [stem], bonus: bonus, candidate: candidate)
            if candidate, let before = previous, !word.afterBreak, !lexicon.isSkillPair(before.id, word.id) {
                count(WordHash.pair(before.stem, stem), first: index - 1, stems: [before.stem, stem], bonus: bonus + 1, candidate: true)
            }
            previous = (stem, word.id)
        }
    }

    private mutating func count(_ key: UInt64, first: Int, stems: @autoclosure () -> [UInt64], bonus: Int, candidate: Bool) {
        if let index = slots.value(for: key) {
            stats[index].count += 1
            stats[index].bonus = max(stats[index].bonus, bonus)
            if candidate { stats[index].candidate = true }
        } else {
            slots.set(key, stats.count)
            stats.append(Stat(first: first, stems: stems(), bonus: bonus, candidate: candidate))
        }
    }

    /// The best terms, most important first: candidates seen twice or in a required or
    /// nice-to-have stretch; ties by where they first appear, so that the order never
    /// depends on hashing.
    func best(_ limit: Int, excluding excluded: (Stat) -> Bool) -> [Stat] {
        func score(_ stat: Stat) -> Int { stat.count * stat.stems.count + stat.bonus }
        let ranked = stats.filter { $0.candidate && $0.count + $0.bonus >= 2 }
            .sorted { (score($0), $1.first, $1.stems.count) > (score($1), $0.first, $0.stems.count) }
        var chosen: [Stat] = []
        var covered = Set<UInt64>()
        for stat in ranked where chosen.count < limit && !excluded(stat) {
            // A word already inside a chosen pair adds nothing to it; a pair overlapping one
            // ("event driven", "driven architecture") repeats it.
            if stat.stems.contains(where: covered.contains) { continue }
            chosen.append(stat)
            if stat.stems.count > 1 { covered.formUnion(stat.stems) }
        }
        return chosen
    }
}
