import Foundation

/// The parts of a resume, as JSON Resume names them.
public enum ResumeSection: String, Sendable, CaseIterable {
    case basics, summary, work, education, skills, projects, certificates, languages, volunteer, awards, publications, interests, references
}

/// Splits a resume's text into its sections by their headings, under the many names real
/// resumes give them ("Professional Experience", "Employment History", "Core Competencies",
/// "Licenses & Certifications", "BERUFSERFAHRUNG", "Where I've worked" …). Lines before the
/// first heading are the basics (name, contact), and so are lines under a "Contact" heading
/// (a sidebar's contact block). Unknown headings stay inside the section before them: a
/// resume's own sub-headings ("Selected clients") are content, not new sections.
public enum ResumeSections {
    public struct Part: Sendable, Equatable {
        public let section: ResumeSection
        /// The heading as written ("" for the lines before the first heading).
        public let heading: String
        public var lines: [String]
    }

    /// The section a line announces, or nil when it is not a heading: short, and its words
    /// (letters only, any case, an ending colon allowed) a known heading, or a section's noun
    /// with only the words headings qualify it with ("Relevant Work Experience").
    public static func heading(_ line: String) -> ResumeSection? {
        guard let words = headingWords(line) else { return nil }
        let meaningful = words.filter { !fillerWords.contains($0) }
        guard !meaningful.isEmpty else { return nil }
        if let section = names[meaningful.joined(separator: " ")] { return section }
        return sectionOfQualifiedNoun(meaningful)
    }

    /// The sections of a text, in their order; the same section twice is two parts.
    public static func split(_ text: String) -> [Part] {
        var parts = [Part(section: .basics, heading: "", lines: [])]
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init) {
            if let section = heading(line) {
                parts.append(Part(section: section, heading: line.trimmingCharacters(in: .whitespaces), lines: []))
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                parts[parts.count - 1].lines.append(line)
            }
        }
        // Only the unnamed part before the first heading goes when empty: a heading, even
        // with nothing under it, is a line of the resume.
        return parts.filter { !$0.heading.isEmpty || !$0.lines.isEmpty }
    }

    /// A short line's words, lower-cased, or nil when the line holds what no heading holds
    /// (digits, most symbols) or is too long to be one.
    private static func headingWords(_ line: String) -> [String]? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 48 else { return nil }
        var words: [String] = []
        var word = ""
        for character in trimmed.lowercased() {
            if character.isLetter {
                word.append(character)
            } else if character == "'" || character == "’" {
                // "Where I've worked": the apostrophe is part of its word.
                if !word.isEmpty { word.append("'") }
            } else if " &/-,:".contains(character) {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else if !".•|#*_".contains(character) {
                return nil  // digits or other symbols: a line of content
            }
        }
        if !word.isEmpty { words.append(word) }
        guard !words.isEmpty, words.count <= 5 else { return nil }
        return words
    }

    /// "Technical Toolkit", "Languages Spoken", "Professional History": every word is a
    /// section's noun or a word headings qualify one with, and the first noun names the
    /// section. A line with any other word is content ("Experience with Kubernetes").
    private static func sectionOfQualifiedNoun(_ words: [String]) -> ResumeSection? {
        var section: ResumeSection?
        for word in words {
            if let noun = nouns[word] {
                section = section ?? noun
            } else if !qualifiers.contains(word) {
                return nil
            }
        }
        return section
    }
}
