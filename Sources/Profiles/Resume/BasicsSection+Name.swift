import Foundation

extension BasicsSection {
    /// Where the person's name stands when no name heads the resume: the first line that
    /// looks like a name and whose words the e-mail address or a profile's address spell
    /// ("RAFAEL DUARTE" for rafael.duarte@…). A two-column PDF read in its written order puts
    /// the sidebar's contact block first and the name further down, above the main column.
    static func nameLine(in parts: [ResumeSections.Part], identifiedBy basics: ResumeBasics) -> (part: Int, line: Int)? {
        let identity = identityWords(basics)
        guard !identity.isEmpty else { return nil }
        for (partIndex, part) in parts.enumerated() where part.section != .basics {
            for (lineIndex, line) in part.lines.enumerated() where looksLikeName(line) && spells(identity, line) {
                return (partIndex, lineIndex)
            }
        }
        return nil
    }

    /// The address parts a person's name shows in: the e-mail's local part and the last
    /// segment of each profile address, lower-cased, without accents.
    private static func identityWords(_ basics: ResumeBasics) -> [String] {
        var words: [String] = []
        if let email = basics.email, let local = email.split(separator: "@").first { words.append(String(local)) }
        for link in basics.profiles + [basics.url].compactMap({ $0 }) {
            if let last = link.split(separator: "/").last { words.append(String(last)) }
        }
        // A few suffice, and a bound keeps the search linear in the lines it reads.
        return words.prefix(6).map { String(folded($0).prefix(80)) }
    }

    /// Two of the line's words (or its first initial and last word) appear in one address part.
    private static func spells(_ identity: [String], _ line: String) -> Bool {
        let words = line.split(separator: " ").map { folded(String($0)).filter(\.isLetter) }.filter { $0.count >= 2 }
        guard words.count >= 2, let first = words.first, let last = words.last, let initial = first.first else { return false }
        return identity.contains { address in
            words.filter { address.contains($0) }.count >= 2 || address.contains(String(initial) + last)
        }
    }

    private static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }
}
