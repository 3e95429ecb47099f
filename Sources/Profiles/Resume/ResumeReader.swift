import CareerCopilotCore
import Foundation

/// What an import found, for the person to review before anything is saved: the profile,
/// how sure the reader is of each field, and the lines it could not place.
public struct ResumeDraft: Sendable, Equatable {
    public enum Format: String, Sendable, Codable {
        case pdf, docx, text, markdown, jsonResume = "json-resume", linkedin
    }

    public var format: Format
    public var profile: Profile
    /// The document to save. For a JSON Resume import it is the file itself (with every field
    /// the product does not read); otherwise `profile.document`.
    public var document: JSONValue
    /// Field paths ("basics.name", "work[0].position") → 0...1: how sure the reader is.
    /// A field the reader did not fill has no entry.
    public var confidence: [String: Double]
    /// Lines that were read but not placed in any field: shown, never guessed into one.
    public var unplaced: [String]
    /// What the person should know ("no skills section found").
    public var notes: [String]

    public init(format: Format, profile: Profile, document: JSONValue? = nil, confidence: [String: Double] = [:], unplaced: [String] = [], notes: [String] = [])
    {
        self.format = format
        self.profile = profile
        self.document = document ?? profile.document
        self.confidence = confidence
        self.unplaced = unplaced
        self.notes = notes
    }
}

/// Reads a resume's text (from a PDF, a Word file, plain text or Markdown) into a draft:
/// sections by their headings, then each section by its reader. Nothing is invented: a field
/// the text does not show stays empty, and a resume without headings is read for its basics
/// and skills and says so.
public enum ResumeReader {
    public static func draft(text: String, format: ResumeDraft.Format, taxonomy: SkillTaxonomy = .standard) -> ResumeDraft {
        var reading = Reading(parts: sections(text, format: format))
        reading.readBasics()
        for part in reading.parts { reading.read(part, taxonomy: taxonomy) }
        reading.addSkills(taxonomy: taxonomy)
        return reading.draft(format: format)
    }

    /// The text's sections: Markdown made plain, line ends and control characters cleaned,
    /// wrapped lines joined (a Word paragraph is never wrapped).
    static func sections(_ text: String, format: ResumeDraft.Format) -> [ResumeSections.Part] {
        let plain = format == .markdown ? MarkdownText.plain(text) : text
        let cleaned = TextNormalizer.removingControlCharacters(plain.replacingOccurrences(of: "\r\n", with: "\n"))
        guard format != .docx else { return ResumeSections.split(cleaned) }
        let lines = cleaned.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        return ResumeSections.split(WrappedLines.joined(lines, hyphenated: format == .pdf).joined(separator: "\n"))
    }
}
