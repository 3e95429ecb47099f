import Foundation

/// One role of a resume's work section, in JSON Resume's names.
public struct WorkEntry: Sendable, Equatable {
    /// The employer.
    public var name: String?
    public var position: String?
    public var location: String?
    public var dates: ResumeDateRange?
    /// The role's bullet points.
    public var highlights: [String] = []
    /// Lines the reader could not place in a field: shown to the person for review, never
    /// guessed into one.
    public var unplaced: [String] = []

    public init(name: String? = nil, position: String? = nil, location: String? = nil, dates: ResumeDateRange? = nil, highlights: [String] = []) {
        self.name = name
        self.position = position
        self.location = location
        self.dates = dates
        self.highlights = highlights
    }
}

/// Reads the roles of a work section. A role starts with its header lines (position, employer,
/// place, dates — on one line or several, in any order resumes use) and goes on with its
/// bullets; a header line after bullets, or a second line of dates, starts the next role.
/// Position and employer are told apart by the words of job titles ("engineer", "manager" …)
/// and by " at "; what cannot be told apart is left unplaced, not guessed.
public enum WorkSection {
    /// A header line with the dates found in it (read once).
    private typealias HeaderLine = (text: String, dates: (range: ResumeDateRange, text: Range<String.Index>)?)

    public static func entries(_ lines: [String]) -> [WorkEntry] {
        var blocks: [(header: [HeaderLine], bullets: [String], dated: Bool)] = []
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            if let bullet = ResumeBullets.content(of: line) {
                if blocks.isEmpty { blocks.append(([], [], false)) }
                blocks[blocks.count - 1].bullets.append(bullet)
                continue
            }
            let header: HeaderLine = (line, ResumeDates.range(in: line))
            let dated = header.dates != nil
            if let last = blocks.last, last.bullets.isEmpty, !(dated && last.dated) {
                blocks[blocks.count - 1].header.append(header)
                blocks[blocks.count - 1].dated = last.dated || dated
            } else {
                blocks.append(([header], [], dated))
            }
        }
        return blocks.map { entry(header: $0.header, bullets: $0.bullets) }
    }

    private static func entry(header: [HeaderLine], bullets: [String]) -> WorkEntry {
        var entry = WorkEntry(highlights: bullets)
        var parts: [String] = []
        for (line, dates) in header {
            var rest = line
            if entry.dates == nil, let found = dates {
                entry.dates = found.range
                rest = String(line[..<found.text.lowerBound]) + " " + String(line[found.text.upperBound...])
            }
            parts += split(rest)
        }
        for part in parts {
            if let (position, employer) = atSplit(part) {
                entry.position = entry.position ?? position
                entry.name = entry.name ?? employer
            } else if isTitle(part), entry.position == nil {
                entry.position = part
            } else if isPlace(part), entry.location == nil {
                entry.location = part
            } else if entry.position != nil, entry.name == nil, !isTitle(part) {
                entry.name = part
            } else {
                entry.unplaced.append(part)
            }
        }
        // An employer named before its position ("Acme — Senior Engineer"): the unplaced
        // part that preceded the title is the employer.
        if entry.name == nil, entry.position != nil, entry.unplaced.count == 1 {
            entry.name = entry.unplaced.removeFirst()
        }
        return entry
    }

    /// A header's parts: separated by " | ", " — ", " – ", " - ", " · ", tabs or wide gaps,
    /// and commas; brackets and stray separators dropped.
    static func split(_ text: String) -> [String] {
        var normalized = text
        for separator in [" | ", " — ", " – ", " - ", " · ", "\t", "   ", "(", ")", " • "] {
            normalized = normalized.replacingOccurrences(of: separator, with: "\u{1F}")
        }
        var parts: [String] = []
        for piece in normalized.split(separator: "\u{1F}") {
            let trimmed = piece.trimmingCharacters(in: CharacterSet(charactersIn: " ,|—–-·•"))
            guard !trimmed.isEmpty else { continue }
            // "Senior Engineer, Acme": a comma between a title and a name. A place keeps its
            // comma ("Berlin, Germany").
            if !isPlace(trimmed), let comma = trimmed.firstIndex(of: ",") {
                let first = trimmed[..<comma].trimmingCharacters(in: .whitespaces)
                let second = trimmed[trimmed.index(after: comma)...].trimmingCharacters(in: .whitespaces)
                parts += [first, second].filter { !$0.isEmpty }
            } else {
                parts.append(trimmed)
            }
        }
        return parts
    }

    /// "Senior Engineer at Acme", "Engineer @ Acme".
    static func atSplit(_ part: String) -> (String, String)? {
        for marker in [" at ", " @ ", " bei ", " chez "] {
            if let range = part.range(of: marker, options: .caseInsensitive) {
                let position = part[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                let employer = part[range.upperBound...].trimmingCharacters(in: .whitespaces)
                if !position.isEmpty, !employer.isEmpty, isTitle(position) { return (position, employer) }
            }
        }
        return nil
    }

    static func isTitle(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
        return words.contains { titleWords.contains(String($0)) }
    }

    static func isPlace(_ text: String) -> Bool {
        let lowered = text.lowercased()
        if ["remote", "hybrid", "on-site", "onsite", "worldwide"].contains(lowered) { return true }
        // "Berlin, Germany", "Austin, TX": a name, a comma, a region of capitals or a country.
        let pieces = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.count == 2, !isTitle(text), pieces.allSatisfy({ !$0.isEmpty && $0.first?.isUppercase == true }) else { return false }
        return pieces[1].count <= 3 && pieces[1].allSatisfy(\.isUppercase) || countries.contains(pieces[1].lowercased())
    }

    private static let titleWords: Set<String> = [
        "engineer", "developer", "programmer", "manager", "lead", "leader", "head", "director", "analyst", "designer", "scientist",
        "architect", "consultant", "intern", "internship", "administrator", "specialist", "coordinator", "officer", "founder", "cofounder",
        "owner", "president", "vp", "cto", "ceo", "cfo", "coo", "sre", "devops", "researcher", "assistant", "associate", "technician",
        "tester", "qa", "writer", "editor", "recruiter", "accountant", "teacher", "lecturer", "professor", "nurse", "advisor", "partner",
        "principal", "staff", "senior", "junior", "trainee", "apprentice", "entwickler", "ingenieur", "leiter", "berater", "werkstudent",
        "praktikant", "développeur", "ingénieur", "chef", "desarrollador", "ingeniero", "jefe",
    ]

    private static let countries: Set<String> = [
        "germany", "deutschland", "france", "spain", "españa", "italy", "netherlands", "uk", "united kingdom", "ireland", "usa",
        "united states", "canada", "portugal", "poland", "austria", "switzerland", "sweden", "denmark", "norway", "finland", "belgium",
        "india", "australia", "japan", "brazil", "mexico", "argentina", "israel", "singapore",
    ]
}

/// Bullet points of every kind resumes use.
public enum ResumeBullets {
    /// The text of a bulleted line without its bullet; nil for a line that is no bullet.
    public static func content(of line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first else { return nil }
        if "•◦▪▫●○■□‣⁃∙➢➤►▶✓✔-–*·".contains(first) {
            let rest = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
            // "-" and "–" start bullets only when a space follows ("-5 %" is a number).
            if (first == "-" || first == "–") && trimmed.dropFirst().first != " " { return nil }
            return rest.isEmpty ? nil : rest
        }
        // "1. Shipped …", "2) Led …"
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 2 {
            let after = trimmed.dropFirst(digits.count)
            if let marker = after.first, marker == "." || marker == ")", after.dropFirst().first == " " {
                let rest = after.dropFirst().trimmingCharacters(in: .whitespaces)
                return rest.isEmpty ? nil : rest
            }
        }
        return nil
    }
}
