import Foundation

/// Reads an education section: one entry per school, its degree and field, and dates. A line
/// naming a school ("University", "College", "Hochschule" …) starts an entry; a degree line
/// ("B.Sc. in Computer Science", "Master of Science, Physics") fills the entry it belongs to.
public enum EducationSection {
    public static func entries(_ lines: [String]) -> [Profile.Education] {
        var entries: [Profile.Education] = []
        var current: Profile.Education?
        for raw in lines {
            var line = ResumeBullets.content(of: raw) ?? raw.trimmingCharacters(in: .whitespaces)
            // "Degree | Institution | Years": a table's header row names its columns.
            guard !line.isEmpty, ResumeTable.columns(ResumeTable.cells(line)) == nil else { continue }
            var dates: ResumeDateRange?
            if let found = ResumeDates.range(in: line) {
                dates = found.range
                line = (String(line[..<found.text.lowerBound]) + " " + String(line[found.text.upperBound...]))
            }
            for part in WorkSection.split(line) {
                if isSchool(part) {
                    if let entry = current, entry.institution != nil { entries.append(entry) }
                    current = current.map { $0.institution == nil ? $0 : Profile.Education() } ?? Profile.Education()
                    current?.institution = part
                } else if let (type, area) = degree(part) {
                    if current == nil || current?.studyType != nil { current.map { entries.append($0) }; current = Profile.Education() }
                    current?.studyType = type
                    if let area { current?.area = area }
                } else if current != nil, current?.area == nil, current?.studyType != nil, !WorkSection.isPlace(part) {
                    current?.area = part
                }
            }
            if let dates, current != nil, current?.startDate == nil {
                current?.startDate = dates.end == nil && !dates.isCurrent ? nil : dates.start.description
                current?.endDate = (dates.end ?? (dates.isCurrent ? nil : dates.start))?.description
            }
        }
        if let current, current.institution != nil || current.studyType != nil { entries.append(current) }
        return entries
    }

    static func isSchool(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return schoolWords.contains { lowered.contains($0) }
    }

    /// "B.Sc. in Computer Science" → ("B.Sc.", "Computer Science"); "Master of Science" alone → (it, nil).
    static func degree(_ text: String) -> (String, String?)? {
        let words = text.split(separator: " ").map(String.init)
        guard let first = words.first else { return nil }
        let key = first.lowercased().filter(\.isLetter)
        let long = ["bachelor", "master", "doctor", "diploma", "diplom", "associate", "certificate", "licence", "license"]
        if degreeAbbreviations.contains(key) || long.contains(where: { key.hasPrefix($0) }) {
            for marker in [" in ", " of ", ", "] {
                if let range = text.range(of: marker) {
                    let type = String(text[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
                    let area = String(text[range.upperBound...]).trimmingCharacters(in: .whitespaces)
                    // "Master of Science in Physics": the type keeps its "of".
                    if marker == " of ", let inner = area.range(of: " in ") {
                        return (type + " of " + area[..<inner.lowerBound], String(area[inner.upperBound...]))
                    }
                    if marker == " of ", ["science", "arts", "engineering", "business administration", "philosophy"].contains(area.lowercased()) {
                        return (text, nil)
                    }
                    return (type, area.isEmpty ? nil : area)
                }
            }
            // "BSc Computer Science", "M.Sc. Eng. Automatic Control": the abbreviation (with
            // the abbreviated words after it), then the field; "Master Informatique" likewise.
            if words.count > 1, degreeAbbreviations.contains(key) || ["bachelor", "master", "licence"].contains(key) {
                let typeLength = 1 + words.dropFirst().prefix { $0.hasSuffix(".") && $0.count <= 5 }.count
                guard typeLength < words.count else { return (text, nil) }
                return (words.prefix(typeLength).joined(separator: " "), words.dropFirst(typeLength).joined(separator: " "))
            }
            return (text, nil)
        }
        return nil
    }

    private static let schoolWords = [
        "university", "college", "school", "institute", "academy", "polytechnic", "universität", "universitat", "hochschule",
        "université", "universidad", "universidade", "università", "école", "ecole", "gymnasium", "lycée", "conservatory", "seminary",
    ]
    private static let degreeAbbreviations: Set<String> = [
        "bsc", "msc", "ba", "bs", "ma", "ms", "mba", "phd", "dphil", "meng", "beng", "bcom", "mphil", "llb", "llm", "md", "jd", "aa",
        "as", "abitur", "hnd", "btech", "mtech", "bfa", "mfa",
    ]
}

/// Reads a projects section like roles: a header line names the project ("Ledger — a
/// bookkeeping library", with dates and a link when given), the lines after it describe it,
/// its bullets are its highlights. A list of bullets with no header line above them is a list
/// of projects, one a bullet.
public enum ProjectsSection {
    public static func entries(_ lines: [String]) -> [Profile.Project] {
        var projects: [Profile.Project] = []
        var underHeaderLine = false
        for raw in lines {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let bullet = ResumeBullets.content(of: trimmed)
            if let bullet, underHeaderLine, !projects.isEmpty {
                projects[projects.count - 1].highlights.append(bullet)
                continue
            }
            if let project = header(bullet ?? trimmed, isFirst: projects.isEmpty) {
                projects.append(project)
                underHeaderLine = bullet == nil
            } else if !projects.isEmpty {
                // Appended in place: a description of many lines costs its length, once.
                if projects[projects.count - 1].description == nil {
                    projects[projects.count - 1].description = trimmed
                } else {
                    projects[projects.count - 1].description?.append(" " + trimmed)
                }
            }
        }
        return projects
    }

    /// A project's header line: its name, then a description after a dash, its dates and a
    /// link; nil for a line of description (long, or a sentence) unless nothing came before.
    private static func header(_ text: String, isFirst: Bool) -> Profile.Project? {
        var line = text
        var dates: ResumeDateRange?
        if let found = ResumeDates.range(in: line) {
            dates = found.range
            line = String(line[..<found.text.lowerBound]) + " " + String(line[found.text.upperBound...])
        }
        var url: String?
        let words = line.split(separator: " ").map(String.init)
        if let link = words.first(where: { $0.lowercased().hasPrefix("http://") || $0.lowercased().hasPrefix("https://") }) {
            url = link.trimmingCharacters(in: CharacterSet(charactersIn: "()<>[],"))
            line = words.filter { $0 != link }.joined(separator: " ")
        }
        let (name, description) = nameAndDescription(line)
        let looksLikeHeader = dates != nil || url != nil || description != nil || (name.count <= 60 && !name.hasSuffix("."))
        guard !name.isEmpty, looksLikeHeader || isFirst else { return nil }
        var project = Profile.Project(name: name, description: description)
        project.url = url
        project.startDate = dates?.start.description
        project.endDate = dates?.end?.description
        return project
    }

    /// "Ledger — a double-entry bookkeeping library, open source": the name before the first
    /// dash or pipe, the description after it (its commas its own).
    private static func nameAndDescription(_ line: String) -> (String, String?) {
        let trimming = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "()[],"))
        let separator = [" — ", " – ", " - ", " | "].compactMap { line.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
        guard let separator else { return (line.trimmingCharacters(in: trimming), nil) }
        let description = line[separator.upperBound...].trimmingCharacters(in: trimming)
        return (line[..<separator.lowerBound].trimmingCharacters(in: trimming), description.isEmpty ? nil : description)
    }
}

/// Reads languages: "English (native), German – B2, Spanish: conversational".
public enum LanguagesSection {
    public static func entries(_ lines: [String]) -> [Profile.Language] {
        var languages: [Profile.Language] = []
        for raw in lines {
            let line = ResumeBullets.content(of: raw) ?? raw.trimmingCharacters(in: .whitespaces)
            for item in items(line) {
                var name = item
                var fluency: String?
                if let open = item.firstIndex(of: "(") {
                    name = String(item[..<open])
                    fluency = String(item[item.index(after: open)...]).trimmingCharacters(in: CharacterSet(charactersIn: " )"))
                } else if let separator = [" – ", " — ", " - ", ": ", " | "].compactMap({ item.range(of: $0) }).first {
                    name = String(item[..<separator.lowerBound])
                    fluency = String(item[separator.upperBound...])
                }
                name = name.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ":-–—")))
                guard !name.isEmpty, name.count <= 40, name.split(separator: " ").count <= 3 else { continue }
                languages.append(Profile.Language(language: name, fluency: fluency.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }))
            }
        }
        return languages
    }

    /// The items of a line, split at commas, semicolons and bullets outside brackets.
    private static func items(_ line: String) -> [String] {
        var items: [String] = []
        var current = ""
        var depth = 0
        for character in line {
            if character == "(" { depth += 1 }
            if character == ")" { depth = max(0, depth - 1) }
            if depth == 0, ",;•·|".contains(character) {
                items.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current)
        return items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
