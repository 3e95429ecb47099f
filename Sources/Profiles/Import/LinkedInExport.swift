import CSV
import CareerCopilotCore
import Foundation

/// A LinkedIn data export ("Get a copy of your data"): a ZIP of CSV files, one per part of
/// the profile — `Profile.csv`, `Positions.csv`, `Education.csv`, `Skills.csv`,
/// `Email Addresses.csv`, `PhoneNumbers.csv`, `Languages.csv`, `Certifications.csv`,
/// `Projects.csv`. Columns are found by their header names, so a column LinkedIn adds or
/// moves does not shift the others. The export's other files (messages, connections) are
/// never inflated.
enum LinkedInExport {
    static func draft(_ zip: LimitedZIP, taxonomy: SkillTaxonomy) throws(ResumeImportError) -> ResumeDraft? {
        // Files sit at the archive's root, or in one folder when the person re-zipped it.
        var byName: [String: String] = [:]
        for path in zip.paths { byName[(path.split(separator: "/").last.map(String.init) ?? path).lowercased()] = path }
        guard byName["profile.csv"] != nil || byName["positions.csv"] != nil else { return nil }
        func rows(_ name: String) throws(ResumeImportError) -> [[String: String]] {
            guard let path = byName[name.lowercased()] else { return [] }
            return Table.rows(try zip.text(of: path))
        }

        var profile = Profile()
        var confidence: [String: Double] = [:]
        if let person = try rows("Profile.csv").first {
            let name = [person["first name"], person["last name"]].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            profile.basics.name = name.isEmpty ? nil : name
            profile.basics.label = person["headline"].nonBlank
            profile.basics.summary = person["summary"].nonBlank
            profile.basics.city = person["geo location"].nonBlank
            // "Websites" holds "[PORTFOLIO:https://…,BLOG:https://…]".
            profile.basics.profiles = (person["websites"] ?? "").split(whereSeparator: { ",[]".contains($0) }).compactMap { item in
                guard let start = item.range(of: "http") else { return nil }
                return String(item[start.lowerBound...])
            }
        }
        let emails = try rows("Email Addresses.csv")
        profile.basics.email = (emails.first { $0["primary"]?.lowercased() == "yes" } ?? emails.first)?["email address"].nonBlank
        profile.basics.phone = try rows("PhoneNumbers.csv").first?["number"].nonBlank

        for row in try rows("Positions.csv") {
            var work = Profile.Work(
                name: row["company name"].nonBlank, position: row["title"].nonBlank, location: row["location"].nonBlank,
                startDate: date(row["started on"]), endDate: date(row["finished on"]))
            work.summary = row["description"].nonBlank
            profile.work.append(work)
        }
        for row in try rows("Education.csv") {
            var entry = Profile.Education(institution: row["school name"].nonBlank, studyType: row["degree name"].nonBlank)
            entry.startDate = date(row["start date"])
            entry.endDate = date(row["end date"])
            if let notes = row["notes"].nonBlank, notes.count <= 120 { entry.area = notes }
            profile.education.append(entry)
        }
        var seen = Set<String>()
        for row in try rows("Skills.csv") {
            guard let written = row["name"].nonBlank else { continue }
            // "Amazon Web Services (AWS)" is the taxonomy's AWS, as in a resume's skills list.
            for (name, _) in SkillsSection.named(written, taxonomy: taxonomy) where seen.insert(name.lowercased()).inserted {
                profile.skills.append(Profile.Skill(name: name))
            }
        }
        profile.languages = try rows("Languages.csv").compactMap { row in
            row["name"].nonBlank.map { Profile.Language(language: $0, fluency: row["proficiency"].nonBlank) }
        }
        profile.certificates = try rows("Certifications.csv").compactMap { row in
            guard let name = row["name"].nonBlank else { return nil }
            var certificate = Profile.Certificate(name: name, issuer: row["authority"].nonBlank, date: date(row["started on"]))
            certificate.url = row["url"].nonBlank
            return certificate
        }
        profile.projects = try rows("Projects.csv").compactMap { row in
            guard let name = row["title"].nonBlank else { return nil }
            var project = Profile.Project(name: name, description: row["description"].nonBlank)
            project.url = row["url"].nonBlank
            project.startDate = date(row["started on"])
            project.endDate = date(row["finished on"])
            return project
        }
        // What LinkedIn exports is what the person typed into LinkedIn's own fields.
        for (path, value) in [("basics.name", profile.basics.name), ("basics.email", profile.basics.email), ("basics.phone", profile.basics.phone)]
        where value != nil {
            confidence[path] = 0.95
        }
        for index in profile.work.indices { confidence["work[\(index)].position"] = 0.95 }
        for index in profile.skills.indices { confidence["skills[\(index)].name"] = 0.95 }
        var notes: [String] = []
        if profile.work.isEmpty { notes.append("The export has no positions (Positions.csv).") }
        return ResumeDraft(format: .linkedin, profile: profile, confidence: confidence, notes: notes)
    }

    /// LinkedIn's dates ("Jan 2020", "2020", "Mar 12, 2021") in JSON Resume's form.
    static func date(_ text: String?) -> String? {
        guard let text = text.nonBlank, let found = ResumeDates.range(in: text) else { return nil }
        return found.range.start.description
    }
}

/// A CSV file as rows keyed by lower-cased header names.
enum Table {
    static func rows(_ text: String) -> [[String: String]] {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        guard !text.isEmpty, let reader = try? CSVReader(string: text, hasHeaderRow: false) else { return [] }
        guard let header = reader.next()?.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }) else { return [] }
        var rows: [[String: String]] = []
        while let fields = reader.next(), rows.count < 5_000 {
            var row: [String: String] = [:]
            for (index, name) in header.enumerated() where index < fields.count && row[name] == nil {
                row[name] = fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            rows.append(row)
        }
        return rows
    }
}

extension Optional where Wrapped == String {
    fileprivate var nonBlank: String? {
        guard let self else { return nil }
        let trimmed = self.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
