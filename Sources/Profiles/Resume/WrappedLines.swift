import Foundation

/// Lines broken in the middle of a sentence, joined again: a PDF's text comes out one
/// printed line at a time, and text resumes are often wrapped by hand. Without this, a
/// bullet's second line reads as the next role's header, and "Domain-" / "Driven Design"
/// as two skills. One pass; each line is looked at once, the joined line's state carried
/// along rather than read again.
enum WrappedLines {
    /// The lines with their continuations joined. `hyphenated`: a word cut at a line's end
    /// ("property-" / "management") is joined without a space, keeping its hyphen (a PDF's
    /// lines are the printer's, not the writer's).
    static func joined(_ lines: [String], hyphenated: Bool) -> [String] {
        var output: [String] = []
        var open: OpenLine?
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let current = open, let glue = current.glue(to: trimmed, hyphenated: hyphenated) {
                output[output.count - 1] += glue + trimmed
                open?.extend(with: trimmed)
                continue
            }
            output.append(line)
            open = OpenLine(trimmed)
        }
        return output
    }

    /// What the joiner knows of the last line written: enough to decide on the next one
    /// without reading the joined line again.
    private struct OpenLine {
        private let isBullet: Bool
        private var length = 0
        private var bracketDepth = 0
        private var last: Character?
        private var beforeLast: Character?

        /// nil for a line nothing may continue: blank, a heading, a table row.
        init?(_ line: String) {
            guard !line.isEmpty, ResumeSections.heading(line) == nil, !line.contains("|") else { return nil }
            isBullet = ResumeBullets.content(of: line) != nil
            extend(with: line)
        }

        mutating func extend(with text: String) {
            length += text.count
            for character in text {
                if character == "(" { bracketDepth += 1 }
                if character == ")" { bracketDepth = max(0, bracketDepth - 1) }
                (beforeLast, last) = (last, character)
            }
        }

        /// The text that joins `next` to this line ("" or " "), or nil when `next` starts a
        /// line of its own: blank, a heading, a bullet, a table row, or one with dates.
        func glue(to next: String, hyphenated: Bool) -> String? {
            guard let first = next.first, !next.contains("|"), ResumeBullets.content(of: next) == nil,
                ResumeSections.heading(next) == nil, ResumeDates.range(in: next) == nil
            else { return nil }
            if hyphenated, last == "-", beforeLast?.isLetter == true, first.isLetter { return "" }
            // A bullet, or a line as long as wrapped lines are, that has not ended its
            // sentence: it goes on in lower case, after a comma, or inside a bracket.
            guard isBullet || length >= 30, let last, !".:!?".contains(last) else { return nil }
            return startsWithLowercaseWord(next) || last == "," || bracketDepth > 0 ? " " : nil
        }

        /// "domains without a freeze", "open source": a first word all in lower-case letters
        /// ("iOS Developer" and "jonas@example.de" are not continuations).
        private func startsWithLowercaseWord(_ text: String) -> Bool {
            let word = text.prefix { !$0.isWhitespace }.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:)"))
            return !word.isEmpty && word.allSatisfy { $0.isLowercase || $0 == "-" || $0 == "'" }
        }
    }
}
