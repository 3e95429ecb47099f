import Foundation

/// A date as resumes write it: a year, and a month when the resume gives one.
public struct ResumeDate: Sendable, Equatable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?

    public init(year: Int, month: Int? = nil) {
        self.year = year
        self.month = month
    }

    public static func < (lhs: ResumeDate, rhs: ResumeDate) -> Bool {
        (lhs.year, lhs.month ?? 0) < (rhs.year, rhs.month ?? 0)
    }

    /// JSON Resume's form: "2020-01", or "2020".
    public var description: String {
        month.map { String(format: "%04d-%02d", year, $0) } ?? String(format: "%04d", year)
    }
}

/// From when to when a role, a degree or a project lasted. No end and `isCurrent`: "to now".
public struct ResumeDateRange: Sendable, Equatable {
    public var start: ResumeDate
    public var end: ResumeDate?
    public var isCurrent: Bool

    public init(start: ResumeDate, end: ResumeDate? = nil, isCurrent: Bool = false) {
        self.start = start
        self.end = end
        self.isCurrent = isCurrent
    }
}

/// Reads the dates of resume lines in the many ways people write them: "Jan 2020 – Present",
/// "March 2017 - Feb. 2019", "2019-03 – 2021-06", "03/2019 - 06/2021", "2018 to 2020",
/// "Since 2019", "2016". One pass over the line's words: linear in its length, whatever it holds.
public enum ResumeDates {
    /// Years a resume may mention (a wider number is an amount, a phone number, a postcode).
    public static let years = 1950...2100

    /// The first date range of a line, and the part of the line it takes up; a lone date is a
    /// range that starts and ends with it.
    public static func range(in line: String) -> (range: ResumeDateRange, text: Range<String.Index>)? {
        let tokens = tokenize(line)
        var index = 0
        while index < tokens.count {
            let since = tokens[index].kind == .word && ["since", "from"].contains(tokens[index].lowered)
            let first = since ? index + 1 : index
            guard let (start, afterStart) = date(tokens, at: first) else {
                index += 1
                continue
            }
            var cursor = afterStart
            if cursor < tokens.count, tokens[cursor].isRangeSeparator { cursor += 1 }
            if let (end, afterEnd) = date(tokens, at: cursor), cursor > afterStart, end >= start {
                return (ResumeDateRange(start: start, end: end), tokens[index].range.lowerBound..<tokens[afterEnd - 1].range.upperBound)
            }
            if cursor > afterStart, cursor < tokens.count, tokens[cursor].isPresent {
                return (ResumeDateRange(start: start, isCurrent: true), tokens[index].range.lowerBound..<tokens[cursor].range.upperBound)
            }
            let text = tokens[index].range.lowerBound..<tokens[afterStart - 1].range.upperBound
            return since ? (ResumeDateRange(start: start, isCurrent: true), text) : (ResumeDateRange(start: start, end: start), text)
        }
        return nil
    }

    /// One date at `index`: [month] year, year-month, month/year, or year. Its end index too.
    static func date(_ tokens: [Token], at index: Int) -> (ResumeDate, Int)? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        if token.kind == .word, let month = month(token.lowered) {
            var next = index + 1
            if next < tokens.count, tokens[next].text == "." { next += 1 }
            if next < tokens.count, tokens[next].text == "," { next += 1 }
            if next < tokens.count, let year = year(tokens[next]) { return (ResumeDate(year: year, month: month), next + 1) }
            return nil
        }
        guard token.kind == .number else { return nil }
        // 2019-03, 2019/03, 2019.03
        if let year = year(token), index + 2 < tokens.count, ["-", "/", "."].contains(tokens[index + 1].text),
            tokens[index + 1].range.lowerBound == token.range.upperBound, let month = monthNumber(tokens[index + 2]),
            tokens[index + 2].range.lowerBound == tokens[index + 1].range.upperBound
        {
            return (ResumeDate(year: year, month: month), index + 3)
        }
        // 03/2019, 3.2019, 03-2019
        if let month = monthNumber(token), index + 2 < tokens.count, ["/", ".", "-"].contains(tokens[index + 1].text),
            tokens[index + 1].range.lowerBound == token.range.upperBound, let year = year(tokens[index + 2]),
            tokens[index + 2].range.lowerBound == tokens[index + 1].range.upperBound
        {
            return (ResumeDate(year: year, month: month), index + 3)
        }
        if let year = year(token) { return (ResumeDate(year: year), index + 1) }
        return nil
    }

    private static func year(_ token: Token) -> Int? {
        guard token.kind == .number, token.text.count == 4, let value = Int(token.text), years.contains(value) else { return nil }
        return value
    }

    private static func monthNumber(_ token: Token) -> Int? {
        guard token.kind == .number, token.text.count <= 2, let value = Int(token.text), (1...12).contains(value) else { return nil }
        return value
    }

    /// English, German, French and Spanish month names and their three-letter abbreviations
    /// (whole words only: "Marchand" is no March).
    static func month(_ word: String) -> Int? {
        monthNames[word]
    }

    private static let monthNames: [String: Int] = {
        let lists: [[String]] = [
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
            ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        ]
        var names: [String: Int] = ["sept": 9, "mrz": 3, "okt": 10, "dez": 12]
        for list in lists {
            for (offset, name) in list.enumerated() {
                names[name] = names[name] ?? offset + 1
                names[String(name.prefix(3))] = names[String(name.prefix(3))] ?? offset + 1
            }
        }
        return names
    }()

    struct Token {
        enum Kind { case word, number, symbol }
        let kind: Kind
        let text: String
        let range: Range<String.Index>
        var lowered: String { text.lowercased() }

        var isRangeSeparator: Bool {
            kind == .symbol
                ? ["-", "–", "—", "‒", "−", "~", "→"].contains(text) : ["to", "until", "till", "bis", "au", "à", "a", "hasta"].contains(lowered)
        }

        var isPresent: Bool {
            kind == .word && ["present", "current", "now", "today", "ongoing", "heute", "aktuell", "présent", "actualidad", "date"].contains(lowered)
        }
    }

    /// Words (letters), numbers (digits) and single symbols; white space separates.
    static func tokenize(_ line: String) -> [Token] {
        var tokens: [Token] = []
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character.isWhitespace {
                index = line.index(after: index)
                continue
            }
            let kind: Token.Kind = character.isLetter ? .word : character.isNumber && character.isASCII ? .number : .symbol
            var end = line.index(after: index)
            if kind != .symbol {
                while end < line.endIndex, kind == .word ? line[end].isLetter : (line[end].isNumber && line[end].isASCII) { end = line.index(after: end) }
            }
            tokens.append(Token(kind: kind, text: String(line[index..<end]), range: index..<end))
            index = end
        }
        return tokens
    }
}
