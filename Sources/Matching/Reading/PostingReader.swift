/// A posting's description read once: its words, and its stretches (a line, or a sentence of
/// a line) each marked required, nice-to-have or neutral.
///
/// A stretch is marked by its own wording if it has any ("Kafka is a plus", "Go is a must"),
/// else by the section it is in. A section starts at a heading: a line of at most eight
/// words before a colon that names one ("What you'll need:", "Nice to have: Rust"), or a
/// short line that is one ("Requirements", "**Bonus points**", "## About Us", "What We
/// Offer"). Bullets are never headings without a colon: "- Strong Go skills" is a requirement.
/// Time is linear in the text: one pass over its bytes, and a bounded look at each word.
struct PostingReader {
    struct Unit: Sendable {
        var range: Range<Int>
        var marking: Marking
    }

    let list: WordList
    let units: [Unit]

    static func read(_ text: String, lexicon: Lexicon) -> PostingReader {
        var list = WordList(bytesOf: text)
        var state = State(lexicon: lexicon)
        list.read { list, scalar, _ in
            state.separator(scalar, in: &list)
        } endWord: { list, range, upper, beyondASCII in
            state.endWord(range, upper: upper, beyondASCII: beyondASCII, in: &list)
        }
        state.endLine(list)
        return PostingReader(list: list, units: state.units)
    }

    private struct State {
        let lexicon: Lexicon
        var section = Marking.neutral
        var units: [Unit] = []
        var line = Line()

        init(lexicon: Lexicon) {
            self.lexicon = lexicon
        }

        struct Line {
            var start = 0
            var unitStarts: [Int] = []
            var colonAt: Int?
            var atStart = true
            var stars = 0
            var bullet = false
            var markdown = false
            var endsAsSentence = false
            var capitalised = 0
            var uncapitalised = 0
            /// Punctuation since the last word.
            var punctuated = false
            var lastEndedWithDot = false
        }

        mutating func separator(_ scalar: Unicode.Scalar, in list: inout WordList) {
            switch scalar {
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                endLine(list)
                return
            default:
                break
            }
            if line.atStart {
                switch scalar {
                case "*", "_": line.stars += 1
                case "-", "•", "·", "–", "—", ">", "▪", "◦", "‣", "○", "●", "■", "□", "➤", "→", "✓", "✔": line.bullet = true
                default: break
                }
                return
            }
            if scalar.value < 0x80 ? scalar == " " || scalar == "\t" : scalar.properties.isWhitespace {
                // A word's final dot and a space end a sentence.
                if line.lastEndedWithDot { breakUnit(at: list.count) }
                line.lastEndedWithDot = false
                return
            }
            line.lastEndedWithDot = false
            if scalar != "-" { line.punctuated = true }
            line.endsAsSentence = scalar == "!" || scalar == "?"
            switch scalar {
            case ":" where line.colonAt == nil: line.colonAt = list.count
            case "!", "?", ";", "•", "·": breakUnit(at: list.count)
            default: break
            }
        }

        mutating func endWord(_ range: Range<Int>, upper: Bool, beyondASCII: Bool, in list: inout WordList) -> Bool {
            if line.atStart {
                line.atStart = false
                if line.stars == 1 { line.bullet = true } else if line.stars > 1 { line.markdown = true }
            }
            let endedWithDot = list.asWritten[range.upperBound - 1] == UInt8(ascii: ".")
            line.lastEndedWithDot = endedWithDot
            guard list.addWord(range, hasUpper: upper, hasNonASCII: beyondASCII, afterBreak: line.punctuated, lexicon: lexicon) else { return false }
            line.punctuated = endedWithDot
            line.endsAsSentence = endedWithDot
            let index = list.count - 1
            let word = list.words[index]
            if index == line.start, isMarker(list.lowered[word.lower], endedWithDot: endedWithDot) {
                list.dropLast()
                return true
            }
            if word.written.count >= 4 {
                if word.isCapitalised { line.capitalised += 1 } else { line.uncapitalised += 1 }
            }
            return true
        }

        /// A line's first word may be its marker: "##", "+", "1." are not words.
        private mutating func isMarker(_ bytes: ArraySlice<UInt8>, endedWithDot: Bool) -> Bool {
            if bytes.allSatisfy({ $0 == UInt8(ascii: "#") }) {
                line.markdown = true
                return true
            }
            if bytes.elementsEqual([UInt8(ascii: "+")]) || (endedWithDot && bytes.count <= 2 && bytes.allSatisfy { $0 &- 48 < 10 }) {
                line.bullet = true
                return true
            }
            return false
        }

        private mutating func breakUnit(at count: Int) {
            line.endsAsSentence = true
            if count > (line.unitStarts.last ?? line.start) { line.unitStarts.append(count) }
        }

        mutating func endLine(_ list: WordList) {
            defer { line = Line(start: list.count) }
            let start = line.start
            let end = list.count
            guard end > start else { return }
            var body = start
            if let colon = line.colonAt, colon > start, colon - start <= 8 {
                if let heading = lexicon.marking(of: list, start..<colon, heading: true) {
                    section = heading.marking
                    body = colon
                } else if colon == end {
                    // "Tools:" and other lead-ins the lexicon does not know keep the section.
                    body = colon
                }
            } else if line.colonAt == nil, end - start <= 6, !line.endsAsSentence, line.markdown || !line.bullet,
                let heading = lexicon.marking(of: list, start..<end, heading: true),
                line.markdown || heading.covered * 2 >= end - start || (line.uncapitalised == 0 && line.capitalised > 0)
            {
                section = heading.marking
            }
            var from = body
            for boundary in line.unitStarts + [end] where boundary > from {
                let own = lexicon.marking(of: list, from..<boundary, heading: false)?.marking
                units.append(Unit(range: from..<boundary, marking: own ?? section))
                from = boundary
            }
        }
    }
}
