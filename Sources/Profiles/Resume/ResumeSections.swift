import Foundation

/// The parts of a resume, as JSON Resume names them.
public enum ResumeSection: String, Sendable, CaseIterable {
    case basics, summary, work, education, skills, projects, certificates, languages, volunteer, awards, publications, interests, references
}

/// Splits a resume's text into its sections by their headings, under the many names real
/// resumes give them ("Professional Experience", "Employment History", "Core Competencies",
/// "Licenses & Certifications", "BERUFSERFAHRUNG" …). Lines before the first heading are the
/// basics (name, contact). Unknown headings stay inside the section before them: a resume's
/// own sub-headings ("Selected clients") are content, not new sections.
public enum ResumeSections {
    public struct Part: Sendable, Equatable {
        public let section: ResumeSection
        /// The heading as written ("" for the basics).
        public let heading: String
        public var lines: [String]
    }

    /// The section a line announces, or nil when it is not a heading: short, and its words
    /// (letters only, any case, an ending colon allowed) one of the known names.
    public static func heading(_ line: String) -> ResumeSection? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 48 else { return nil }
        var words: [String] = []
        var word = ""
        for character in trimmed.lowercased() {
            if character.isLetter {
                word.append(character)
            } else if character == " " || character == "&" || character == "/" || character == "-" || character == "," || character == ":" {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else if !(character == "." || character == "•" || character == "|" || character == "#" || character == "*" || character == "_") {
                return nil  // digits or other symbols: a line of content
            }
        }
        if !word.isEmpty { words.append(word) }
        guard !words.isEmpty, words.count <= 5 else { return nil }
        return names[words.filter { !["and", "und", "et", "y", "my", "of"].contains($0) }.joined(separator: " ")]
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
        return parts.filter { $0.section != .basics || !$0.lines.isEmpty }
    }

    private static let names: [String: ResumeSection] = {
        let table: [ResumeSection: [String]] = [
            .summary: [
                "summary", "profile", "professional summary", "career summary", "about", "about me", "objective", "career objective",
                "personal statement", "overview", "executive summary", "profil", "zusammenfassung", "kurzprofil", "über mich", "resumen", "perfil",
            ],
            .work: [
                "experience", "work experience", "professional experience", "employment", "employment history", "work history",
                "career history", "relevant experience", "career", "professional background", "positions", "experience history",
                "berufserfahrung", "berufliche erfahrung", "werdegang", "beruflicher werdegang", "expérience", "expérience professionnelle",
                "experiencia", "experiencia laboral", "experiencia profesional",
            ],
            .education: [
                "education", "academic background", "academic history", "qualifications", "academic qualifications", "education training",
                "education certifications", "studies", "ausbildung", "bildung", "studium", "formation", "educación", "formación",
            ],
            .skills: [
                "skills", "technical skills", "core competencies", "competencies", "key skills", "skills expertise", "expertise",
                "technologies", "tech stack", "tools", "tools technologies", "skills tools", "areas expertise", "kenntnisse",
                "fähigkeiten", "kompetenzen", "compétences", "habilidades", "competencias",
            ],
            .projects: ["projects", "personal projects", "selected projects", "side projects", "key projects", "projekte", "projets", "proyectos"],
            .certificates: [
                "certifications", "certificates", "licenses certifications", "licenses", "certification", "zertifikate", "zertifizierungen",
                "certificats", "certificaciones",
            ],
            .languages: ["languages", "language skills", "sprachen", "sprachkenntnisse", "langues", "idiomas"],
            .volunteer: ["volunteer", "volunteering", "volunteer experience", "ehrenamt", "bénévolat", "voluntariado"],
            .awards: ["awards", "honors", "honours", "honors awards", "achievements", "auszeichnungen", "prix", "premios"],
            .publications: ["publications", "papers", "talks", "publications talks", "veröffentlichungen"],
            .interests: ["interests", "hobbies", "hobbies interests", "interessen", "intérêts", "intereses"],
            .references: ["references", "referenzen", "références", "referencias"],
        ]
        var names: [String: ResumeSection] = [:]
        for (section, headings) in table {
            for heading in headings { names[heading] = section }
        }
        return names
    }()
}
