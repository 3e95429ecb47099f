import CareerCopilotCore
import Foundation

/// A skill as a resume lists it: the taxonomy's name when it knows the spelling ("k8s" →
/// Kubernetes, "Postgres" → PostgreSQL), else the resume's own words.
public struct ListedSkill: Sendable, Equatable {
    public let name: String
    /// The taxonomy knows it (matching can rely on it); otherwise it is the person's own word.
    public let isKnown: Bool
    /// The group the resume put it under ("Languages: …"), if any.
    public let group: String?
}

/// Reads a skills section: lists separated by commas, semicolons, pipes or bullets,
/// optionally under a group label ("Languages: Swift, Go", or a table row "Cloud | AWS, GCP").
public enum SkillsSection {
    public static func skills(_ lines: [String], taxonomy: SkillTaxonomy = .standard) -> [ListedSkill] {
        var found: [ListedSkill] = []
        var seen = Set<String>()
        var firstColumnIsGroup = false
        for raw in lines {
            let line = ResumeBullets.content(of: raw) ?? raw.trimmingCharacters(in: .whitespaces)
            let cells = ResumeTable.cells(line)
            if let columns = ResumeTable.columns(cells) {
                // "Area | Skills": the table's header row names its columns; it is no skill.
                firstColumnIsGroup = columns.first == .group
                continue
            }
            let (group, list) = labelled(line, cells: cells, firstColumnIsGroup: firstColumnIsGroup)
            for item in items(list) {
                for skill in named(item, taxonomy: taxonomy) where seen.insert(skill.name.lowercased()).inserted {
                    found.append(ListedSkill(name: skill.name, isKnown: skill.isKnown, group: group?.isEmpty == false ? group : nil))
                }
            }
        }
        return found
    }

    /// The names of a listed item: the taxonomy's name for the whole ("Postgres"), else for
    /// its parts — "Amazon Web Services (AWS)" is AWS, "Java (Spring)" both Java and Spring —
    /// else the item as written, the person's own words.
    static func named(_ item: String, taxonomy: SkillTaxonomy) -> [(name: String, isKnown: Bool)] {
        if let known = taxonomy.canonicalName(item) { return [(known, true)] }
        if let open = item.firstIndex(of: "("), let close = item.lastIndex(of: ")"), open < close {
            let before = item[..<open].trimmingCharacters(in: .whitespaces)
            let inside = item[item.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            let known = [before, inside].compactMap { taxonomy.canonicalName($0) }
            if !known.isEmpty { return known.map { ($0, true) } }
        }
        return [(item, false)]
    }

    /// A line's group label and its list: a table row's first cell when the row reads as
    /// "label | list", else the words before a colon near the start.
    private static func labelled(_ line: String, cells: [String], firstColumnIsGroup: Bool) -> (String?, String) {
        if cells.count >= 2, firstColumnIsGroup || (!cells[0].contains(",") && cells.dropFirst().contains { $0.contains(",") }) {
            return (cells[0], cells.dropFirst().joined(separator: ", "))
        }
        if let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 40 {
            return (line[..<colon].trimmingCharacters(in: .whitespaces), String(line[line.index(after: colon)...]))
        }
        return (nil, line)
    }

    /// The items of a list, split at commas, semicolons, pipes and bullets outside brackets;
    /// a bracket that holds a list ("Cloud (AWS, GCP)") gives its items.
    private static func items(_ list: String) -> [String] {
        var items: [String] = []
        var current = ""
        var depth = 0
        var bracketHoldsList = false
        func finish() {
            let text = current.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ".")))
            if bracketHoldsList, let open = text.firstIndex(of: "(") {
                // Brackets inside the bracket are flattened: one split, however deep they go.
                let inside = text[text.index(after: open)...].filter { $0 != "(" && $0 != ")" }
                items += inside.split(whereSeparator: { ",;|•·".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                    !$0.isEmpty && $0.count <= 60
                }
            } else if !text.isEmpty, text.count <= 60 {
                items.append(text)
            }
            (current, bracketHoldsList) = ("", false)
        }
        for character in list {
            if character == "(" { depth += 1 }
            if character == ")" { depth = max(0, depth - 1) }
            if ",;|•·".contains(character) {
                if depth == 0 { finish() } else { bracketHoldsList = true }
            }
            if depth > 0 || !",;|•·".contains(character) { current.append(character) }
        }
        finish()
        return items
    }
}

/// A resume's contact block, in JSON Resume's `basics` names.
public struct ResumeBasics: Sendable, Equatable {
    public var name: String?
    public var email: String?
    public var phone: String?
    public var url: String?
    /// Profiles on other sites ("https://github.com/ada").
    public var profiles: [String] = []

    public init() {}
}

/// Reads the basics from the lines before a resume's first section: an e-mail address, a
/// phone number, links, and the name — the first line that is none of those and looks like a
/// name (two to four words, letters only). Nothing found, nothing set: never a "John Doe".
public enum BasicsSection {
    public static func basics(_ lines: [String]) -> ResumeBasics {
        var basics = ResumeBasics()
        for line in lines {
            for token in line.split(whereSeparator: { $0.isWhitespace || "|·•,;".contains($0) }).map(String.init) {
                let bare = token.trimmingCharacters(in: CharacterSet(charactersIn: "<>()[]"))
                if basics.email == nil, isEmail(bare) {
                    basics.email = bare.lowercased()
                } else if bare.lowercased().hasPrefix("http://") || bare.lowercased().hasPrefix("https://") || isProfileHost(bare) {
                    let link = bare.lowercased().hasPrefix("http") ? bare : "https://" + bare
                    if isProfileHost(bare) { basics.profiles.append(link) } else if basics.url == nil { basics.url = link }
                }
            }
            if basics.phone == nil, let phone = phone(in: line) { basics.phone = phone }
            if basics.name == nil, looksLikeName(line) { basics.name = line.trimmingCharacters(in: .whitespaces) }
        }
        return basics
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasSuffix(".") && text.count <= 254
    }

    static func isProfileHost(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return ["linkedin.com/", "github.com/", "gitlab.com/", "stackoverflow.com/", "xing.com/"].contains { lowered.contains($0) }
    }

    static func looksLikeName(_ line: String) -> Bool {
        let words = line.split(separator: " ").filter { !$0.isEmpty }
        guard (2...4).contains(words.count), line.count <= 60 else { return false }
        return words.allSatisfy { word in
            word.first?.isUppercase == true && word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "." }
        } && ResumeSections.heading(line) == nil
    }
}
