/// The names resume sections go by: whole headings, and the nouns and qualifiers headings
/// are made of.
extension ResumeSections {
    /// Words a heading may hold that carry no meaning of their own ("Skills & Tools").
    static let fillerWords: Set<String> = ["and", "und", "et", "y", "my", "of", "the"]

    /// Whole headings. Checked first: some name what their words alone would not
    /// ("Academic Background" is education, "Professional Background" work).
    static let names: [String: ResumeSection] = {
        let table: [ResumeSection: [String]] = [
            .basics: [
                "contact", "contacts", "contact details", "contact information", "contact info", "personal details", "personal information",
                "personal data", "kontakt", "kontaktdaten", "persönliche daten", "coordonnées", "contacto", "datos personales",
            ],
            .summary: [
                "summary", "profile", "professional summary", "career summary", "about", "about me", "objective", "career objective",
                "personal statement", "overview", "executive summary", "profil", "zusammenfassung", "kurzprofil", "über mich", "resumen", "perfil",
            ],
            .work: [
                "experience", "work experience", "professional experience", "employment", "employment history", "work history",
                "career history", "relevant experience", "career", "professional background", "positions", "experience history",
                "berufserfahrung", "berufliche erfahrung", "werdegang", "beruflicher werdegang", "expérience", "expérience professionnelle",
                "experiencia", "experiencia laboral", "experiencia profesional", "where i've worked", "where i have worked",
            ],
            .education: [
                "education", "academic background", "academic history", "qualifications", "academic qualifications", "education training",
                "education certifications", "studies", "ausbildung", "bildung", "studium", "formation", "educación", "formación",
            ],
            .skills: [
                "skills", "technical skills", "core competencies", "competencies", "key skills", "skills expertise", "expertise",
                "technologies", "tech stack", "tools", "tools technologies", "skills tools", "areas expertise", "programming languages",
                "kenntnisse", "fähigkeiten", "kompetenzen", "compétences", "habilidades", "competencias",
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

    /// The nouns that name a section whatever qualifies them.
    static let nouns: [String: ResumeSection] = {
        let table: [ResumeSection: [String]] = [
            .basics: ["contact", "contacts"],
            .summary: ["summary", "profile", "objective"],
            .work: ["experience", "employment", "work", "worked", "history", "career", "jobs", "positions", "roles"],
            .education: ["education", "studies", "qualifications", "degrees", "schooling", "training"],
            .skills: [
                "skills", "skill", "competencies", "competences", "expertise", "technologies", "toolkit", "toolbox", "tools", "stack",
                "proficiencies",
            ],
            .projects: ["projects", "portfolio"],
            .certificates: ["certifications", "certificates", "certification", "licenses", "licences", "credentials"],
            .languages: ["languages", "language"],
            .volunteer: ["volunteer", "volunteering"],
            .awards: ["awards", "honors", "honours", "achievements", "accomplishments"],
            .publications: ["publications", "papers", "talks", "presentations"],
            .interests: ["interests", "hobbies"],
            .references: ["references", "referees"],
        ]
        var nouns: [String: ResumeSection] = [:]
        for (section, words) in table {
            for word in words { nouns[word] = section }
        }
        return nouns
    }()

    /// Words that qualify a section's noun in a heading and say nothing else.
    static let qualifiers: Set<String> = [
        "professional", "relevant", "selected", "technical", "tech", "key", "core", "academic", "spoken", "other", "additional",
        "personal", "recent", "notable", "side", "main", "previous", "employment", "work", "where", "i", "i've", "have", "details",
        "information", "summary", "soft", "hard", "digital", "it", "software", "open", "source", "select", "featured", "full",
    ]
}
