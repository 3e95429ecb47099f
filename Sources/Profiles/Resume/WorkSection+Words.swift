import Foundation

/// The words that tell a role's header parts apart: separators, job titles, places, and
/// companies' legal forms.
extension WorkSection {
    /// A header's parts: separated by " | ", " — ", " – ", " - ", " · ", tabs or wide gaps,
    /// and commas; brackets and stray separators dropped. A place keeps its commas ("Austin,
    /// TX"), and so does a table's cell ("St. Joseph's College, Bengaluru"): its column is
    /// its boundary.
    static func split(_ text: String) -> [String] {
        let isTableRow = ResumeTable.cells(text).count > 1
        var normalized = text
        for separator in [" | ", " — ", " – ", " - ", " · ", "\t", "   ", "(", ")", " • "] {
            normalized = normalized.replacingOccurrences(of: separator, with: "\u{1F}")
        }
        var parts: [String] = []
        for piece in normalized.split(separator: "\u{1F}") {
            let trimmed = piece.trimmingCharacters(in: CharacterSet(charactersIn: " ,|—–-·•"))
            guard !trimmed.isEmpty else { continue }
            parts += isTableRow ? [trimmed] : commaParts(trimmed)
        }
        return parts
    }

    /// "Senior Engineer, Acme, Austin, TX" → "Senior Engineer", "Acme", "Austin, TX": split at
    /// every comma, the pieces of a place joined again.
    private static func commaParts(_ text: String) -> [String] {
        let pieces = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var parts: [String] = []
        var index = 0
        while index < pieces.count {
            let three = index + 2 < pieces.count ? pieces[index...(index + 2)].joined(separator: ", ") : nil
            let two = index + 1 < pieces.count ? pieces[index...(index + 1)].joined(separator: ", ") : nil
            if let three, isPlace(three) {
                parts.append(three)
                index += 3
            } else if let two, isPlace(two) {
                parts.append(two)
                index += 2
            } else {
                parts.append(pieces[index])
                index += 1
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

    /// A place as places are written: "Remote", "Berlin, Germany", "Austin, TX",
    /// "Barcelona, Catalonia, Spain" (a region code or a country last).
    static func isPlace(_ text: String) -> Bool {
        let lowered = text.lowercased()
        if ["remote", "hybrid", "on-site", "onsite", "worldwide"].contains(lowered) { return true }
        let pieces = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard (2...3).contains(pieces.count), !isTitle(text), pieces.allSatisfy({ !$0.isEmpty && $0.first?.isUppercase == true }),
            let last = pieces.last
        else { return false }
        return last.count <= 3 && last.allSatisfy(\.isUppercase) || countries.contains(last.lowercased())
    }

    /// A name that may be a town ("Munich", "Bielsko-Biała", "New York"): one to three
    /// capitalised words of letters, no job title, no company. Only where a place is expected.
    static func isPlaceName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (1...3).contains(words.count), text.count <= 40, !isTitle(text), !isCompany(text) else { return false }
        return words.allSatisfy { word in
            word.first?.isUppercase == true && word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "." }
        }
    }

    /// An employer named with its legal form ("Alpenbank Digital GmbH", "Tulip Payments B.V.").
    static func isCompany(_ text: String) -> Bool {
        guard let last = text.split(separator: " ").last, text.contains(" ") else { return false }
        return legalForms.contains(last.lowercased().filter { $0.isLetter })
    }

    private static let legalForms: Set<String> = [
        "gmbh", "ag", "kg", "ug", "se", "inc", "ltd", "llc", "llp", "plc", "corp", "co", "sas", "sarl", "sa", "bv", "nv", "ab", "oy", "as",
        "asa", "aps", "srl", "spa", "sl", "pty", "pvt", "limited", "gbr", "ohg", "kgaa",
    ]

    private static let titleWords: Set<String> = [
        "engineer", "developer", "programmer", "manager", "lead", "leader", "head", "director", "analyst", "designer", "scientist",
        "architect", "consultant", "intern", "internship", "administrator", "specialist", "coordinator", "officer", "founder", "cofounder",
        "owner", "president", "vp", "cto", "ceo", "cfo", "coo", "sre", "devops", "researcher", "assistant", "associate", "technician",
        "tester", "qa", "writer", "editor", "recruiter", "accountant", "teacher", "lecturer", "professor", "nurse", "advisor", "partner",
        "principal", "staff", "senior", "junior", "trainee", "apprentice", "student", "freelancer", "contractor", "entwickler", "ingenieur",
        "leiter", "berater", "werkstudent", "praktikant", "développeur", "développeuse", "ingénieur", "chef", "desarrollador", "ingeniero",
        "jefe",
    ]

    private static let countries: Set<String> = [
        "germany", "deutschland", "france", "spain", "españa", "italy", "netherlands", "the netherlands", "uk", "united kingdom", "england",
        "scotland", "wales", "ireland", "usa", "united states", "canada", "portugal", "poland", "austria", "switzerland", "sweden",
        "denmark", "norway", "finland", "belgium", "luxembourg", "czechia", "czech republic", "hungary", "romania", "bulgaria", "greece",
        "turkey", "türkiye", "ukraine", "estonia", "latvia", "lithuania", "croatia", "serbia", "slovenia", "slovakia", "iceland", "india",
        "pakistan", "bangladesh", "sri lanka", "nepal", "china", "hong kong", "taiwan", "japan", "south korea", "korea", "vietnam",
        "thailand", "malaysia", "indonesia", "philippines", "singapore", "australia", "new zealand", "brazil", "mexico", "argentina",
        "chile", "colombia", "peru", "uruguay", "israel", "egypt", "morocco", "tunisia", "nigeria", "ghana", "kenya", "ethiopia",
        "south africa", "uganda", "tanzania", "rwanda", "united arab emirates", "uae", "saudi arabia", "qatar",
    ]
}
