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

/// Reads a skills section: lists separated by commas, semicolons, pipes, slashes between
/// words, or bullets, optionally under a group label ("Languages: Swift, Go").
public enum SkillsSection {
    public static func skills(_ lines: [String], taxonomy: SkillTaxonomy = .standard) -> [ListedSkill] {
        var found: [ListedSkill] = []
        var seen = Set<String>()
        for raw in lines {
            var line = ResumeBullets.content(of: raw) ?? raw.trimmingCharacters(in: .whitespaces)
            var group: String?
            if let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 40 {
                group = line[..<colon].trimmingCharacters(in: .whitespaces)
                line = String(line[line.index(after: colon)...])
            }
            for item in line.split(whereSeparator: { ",;|•·".contains($0) }) {
                let text = item.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ".")))
                guard !text.isEmpty, text.count <= 60 else { continue }
                let known = taxonomy.canonicalName(text)
                let name = known ?? text
                guard seen.insert(name.lowercased()).inserted else { continue }
                found.append(ListedSkill(name: name, isKnown: known != nil, group: group?.isEmpty == false ? group : nil))
            }
        }
        return found
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

    /// A run of at least 7 digits, with the spaces, dots, dashes, brackets and leading "+"
    /// phone numbers are written with, not part of a date range.
    static func phone(in line: String) -> String? {
        var best = ""
        var current = ""
        var digits = 0
        for character in line + " " {
            if character.isASCII && character.isNumber {
                current.append(character)
                digits += 1
            } else if (character == "+" && current.isEmpty) || (" .-()/".contains(character) && !current.isEmpty) {
                current.append(character)
            } else {
                if digits >= 7, digits <= 15, current.count > best.count { best = current }
                current = ""
                digits = 0
            }
        }
        let phone = best.trimmingCharacters(in: CharacterSet(charactersIn: " .-/("))
        guard !phone.isEmpty, ResumeDates.range(in: phone) == nil || phone.filter(\.isNumber).count >= 9 else { return nil }
        return phone
    }

    static func looksLikeName(_ line: String) -> Bool {
        let words = line.split(separator: " ").filter { !$0.isEmpty }
        guard (2...4).contains(words.count), line.count <= 60 else { return false }
        return words.allSatisfy { word in
            word.first?.isUppercase == true && word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "." }
        } && ResumeSections.heading(line) == nil
    }
}
