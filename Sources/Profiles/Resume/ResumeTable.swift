import Foundation

/// Rows of a table as resumes hold them: a Markdown pipe table, or a Word table whose row
/// became one line with its cells between " | ". A row of column names ("Role | Company |
/// Dates") is the table's header: it says what each column holds and is no content itself.
enum ResumeTable {
    enum Column: Sendable, Equatable {
        case position, employer, location, dates, institution, degree, group, details
    }

    /// A line's cells, split at "|"; an empty first or last cell (a row written "| a | b |")
    /// is dropped. A line without "|" is one cell.
    static func cells(_ line: String) -> [String] {
        var cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if cells.count > 1, cells.first?.isEmpty == true { cells.removeFirst() }
        if cells.count > 1, cells.last?.isEmpty == true { cells.removeLast() }
        return cells
    }

    /// What each column holds, when every cell of the line (two at least) is a column's name;
    /// nil for a row of content.
    static func columns(_ cells: [String]) -> [Column]? {
        guard cells.count >= 2 else { return nil }
        var columns: [Column] = []
        for cell in cells {
            guard let column = names[cell.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))] else { return nil }
            columns.append(column)
        }
        return columns
    }

    private static let names: [String: Column] = {
        let table: [Column: [String]] = [
            .position: ["role", "roles", "position", "title", "job title", "job", "designation", "rolle", "poste", "puesto"],
            .employer: ["company", "employer", "organisation", "organization", "client", "firm", "unternehmen", "firma", "entreprise", "empresa"],
            .location: ["location", "place", "city", "ort", "lieu", "ubicación"],
            .dates: ["dates", "date", "period", "years", "year", "duration", "when", "from", "to", "start", "end", "zeitraum", "période", "periodo"],
            .institution: ["institution", "school", "university", "college", "hochschule", "universität", "école", "universidad"],
            .degree: ["degree", "qualification", "diploma", "program", "programme", "course", "abschluss", "diplôme", "título"],
            .group: ["area", "field", "subject", "category", "domain", "type", "kind", "group", "bereich", "domaine"],
            .details: [
                "skills", "skill", "tools", "technologies", "stack", "tech", "level", "proficiency", "details", "description", "notes",
                "highlights", "kenntnisse", "compétences",
            ],
        ]
        var names: [String: Column] = [:]
        for (column, words) in table {
            for word in words { names[word] = column }
        }
        return names
    }()
}
