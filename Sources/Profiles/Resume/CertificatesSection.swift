import Foundation

/// Reads certificates, one a line: "AWS Certified Solutions Architect — Amazon Web Services,
/// 2022". A certificate's own name may hold dashes, colons and brackets ("AWS Certified
/// Security – Specialty", "Microsoft Certified: Azure Security Engineer Associate",
/// "Certified Information Systems Security Professional (CISSP)"): only a part after a
/// separator that is not a level of the certificate is its issuer.
public enum CertificatesSection {
    public static func entries(_ lines: [String]) -> [Profile.Certificate] {
        unwrapped(lines).compactMap(certificate)
    }

    private static func certificate(_ raw: String) -> Profile.Certificate? {
        var line = ResumeBullets.content(of: raw) ?? raw.trimmingCharacters(in: .whitespaces)
        var date: String?
        if let found = ResumeDates.range(in: line) {
            date = (found.range.end ?? found.range.start).description
            line = removing(found.text, from: line)
        }
        let segments = self.segments(line.trimmingCharacters(in: CharacterSet(charactersIn: " ,;|·•—–-\t")))
        guard var name = segments.first?.text, !name.isEmpty else { return nil }
        var issuer: String?
        for segment in segments.dropFirst() where issuer == nil {
            if startsWithLevel(segment.text) { name += segment.separator + segment.text } else { issuer = segment.text }
        }
        return Profile.Certificate(name: name, issuer: issuer, date: date)
    }

    /// The line without its date, and without the brackets around it: "(2021)".
    private static func removing(_ dates: Range<String.Index>, from line: String) -> String {
        var (lower, upper) = (dates.lowerBound, dates.upperBound)
        if lower > line.startIndex, upper < line.endIndex, line[line.index(before: lower)] == "(", line[upper] == ")" {
            (lower, upper) = (line.index(before: lower), line.index(after: upper))
        }
        return String(line[..<lower]) + " " + String(line[upper...])
    }

    /// The line's parts between separators outside brackets (" — ", " – ", " - ", " | ",
    /// " · ", " • ", ", ", tabs), each with the separator before it.
    static func segments(_ line: String) -> [(separator: String, text: String)] {
        let characters = Array(line)
        var segments: [(separator: String, text: String)] = [("", "")]
        var depth = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "(" { depth += 1 }
            if character == ")" { depth = max(0, depth - 1) }
            if depth == 0, let separator = separator(in: characters, at: index) {
                segments.append((separator, ""))
                index += separator.count
                continue
            }
            segments[segments.count - 1].text.append(character)
            index += 1
        }
        return segments.map { ($0.separator, $0.text.trimmingCharacters(in: .whitespaces)) }.filter { !$0.text.isEmpty }
    }

    private static func separator(in characters: [Character], at index: Int) -> String? {
        let character = characters[index]
        let next = index + 1 < characters.count ? characters[index + 1] : nil
        if character == "\t" { return "\t" }
        if character == ",", next == " " { return ", " }
        if character == " ", let next, "—–-|·•".contains(next), index + 2 < characters.count, characters[index + 2] == " " {
            return " \(next) "
        }
        return nil
    }

    /// "Associate", "Foundation Level", "Professional Cloud Developer": a certificate's level
    /// or track, part of its name.
    static func startsWithLevel(_ text: String) -> Bool {
        guard let first = text.split(separator: " ").first else { return false }
        return levelWords.contains(first.lowercased().filter(\.isLetter))
    }

    private static let levelWords: Set<String> = [
        "associate", "professional", "specialty", "speciality", "specialist", "foundation", "foundations", "fundamentals",
        "practitioner", "expert", "advanced", "intermediate", "beginner", "level", "core", "essentials", "administrator", "developer",
        "engineer", "architect", "master", "analyst", "consultant", "i", "ii", "iii", "iv",
    ]

    /// A name wrapped onto a second line — "Databricks Certified Data Engineer" then
    /// "Associate (2023)", "… for Software Architecture" then "– Foundation Level (2019)" —
    /// joined again: an undated line followed by a dated one whose few words before the date
    /// are a level or start in lower case.
    static func unwrapped(_ lines: [String]) -> [String] {
        var joined: [String] = []
        var previousIsUndated = false
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            if previousIsUndated, let last = joined.last, continues(last, with: line) {
                joined[joined.count - 1] = last + " " + line
                previousIsUndated = false
                continue
            }
            joined.append(line)
            previousIsUndated = ResumeDates.range(in: line) == nil
        }
        return joined
    }

    private static func continues(_ previous: String, with line: String) -> Bool {
        var tail = line
        if let bullet = ResumeBullets.content(of: line) {
            // A dash before the tail joins it to the name; in a bulleted list it is the next item.
            guard ResumeBullets.content(of: previous) == nil else { return false }
            tail = bullet
        }
        guard let dates = ResumeDates.range(in: tail) else { return false }
        let words = tail[..<dates.text.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: " (,"))
        guard !words.isEmpty, words.split(separator: " ").count <= 3 else { return false }
        return startsWithLevel(words) || words.first?.isLowercase == true
    }
}
