/// The years of experience a stretch of a posting asks for: "5+ years of Go", "at least 3
/// years", "3-5 years' experience", "five or more years working on…". The lower end of a
/// range; nil when the numbers are about something else ("founded 12 years ago") or beyond
/// 15, which no posting asks and many mention ("over 20 years in business").
enum YearsAsked {
    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "fifteen": 15,
    ]
    static let yearWords: Set<String> = ["years", "year", "yrs", "yr", "jahre", "jahren", "ans", "años", "anni"]
    /// Words right after "years" that say the years are experience.
    static let experienceWords: Set<String> = [
        "experience", "of", "in", "working", "building", "developing", "professional", "hands", "industry", "commercial",
        "writing", "designing", "shipping", "programming", "production", "relevant", "practical", "berufserfahrung",
    ]
    /// Words after "years" that say they are not.
    static let otherWords: Set<String> = ["ago", "old", "history", "business", "existence", "operation", "growth", "running", "track"]

    static func read(_ list: WordList, _ range: Range<Int>, lexicon: Lexicon) -> Int? {
        var asked: Int?
        // The numbers of a range read ("3-5 years"): its upper end is not asked on its own.
        var readUntil = range.lowerBound
        for index in range where index >= readUntil {
            guard let (number, plus) = number(list, index, lexicon: lexicon) else { continue }
            var atLeast = plus || (index > range.lowerBound && lexicon.flags(list.words[index - 1].id).contains(.atLeastWord))
            // "3-5 years", "3 to 5 years", "5 or more years", "5 plus years".
            var next = index + 1
            while next < range.upperBound, next - index <= 3 {
                let flags = lexicon.flags(list.words[next].id)
                guard flags.contains(.rangeWord) || self.number(list, next, lexicon: lexicon) != nil else { break }
                atLeast = atLeast || flags.contains(.moreWord)
                next += 1
            }
            guard next < range.upperBound, lexicon.flags(list.words[next].id).contains(.yearWord), (1...15).contains(number) else { continue }
            readUntil = next
            let after = (next + 1)..<min(range.upperBound, next + 6)
            guard !after.contains(where: { lexicon.flags(list.words[$0].id).contains(.otherWord) }) else { continue }
            let saysExperience =
                after.contains { lexicon.flags(list.words[$0].id).contains(.experienceNoun) }
                || (!after.isEmpty && lexicon.flags(list.words[after.lowerBound].id).contains(.experienceWord))
            guard atLeast || saysExperience else { continue }
            asked = max(asked ?? 0, number)
        }
        return asked
    }

    /// "5", "5+", "five".
    private static func number(_ list: WordList, _ index: Int, lexicon: Lexicon) -> (Int, plus: Bool)? {
        let word = list.words[index]
        if let value = lexicon.number(word.id) { return (value, false) }
        var range = word.lower
        let plus = list.lowered[range.upperBound - 1] == UInt8(ascii: "+")
        if plus { range = range.lowerBound..<(range.upperBound - 1) }
        guard (1...2).contains(range.count) else { return nil }
        var value = 0
        for index in range {
            let digit = list.lowered[index] &- 48
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return (value, plus)
    }
}
