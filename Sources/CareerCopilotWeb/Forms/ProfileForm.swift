import CareerCopilotCore
import Foundation
import Profiles

/// The profile page's form, both ways: a profile as the form's fields, and the submitted
/// fields as a profile. Field names are the document's paths (`basics.name`,
/// `work[0].startDate`), so the checks' messages ("work[0].startDate must be a date …")
/// land next to their field.
public enum ProfileForm {
    /// The labels the page shows, by field name; a row's fields by their leaf name.
    static let labels: [String: String] = [
        "basics.name": "Name",
        "basics.label": "Headline",
        "basics.email": "E-mail",
        "basics.phone": "Phone",
        "basics.city": "City",
        "basics.url": "Website",
        "basics.profiles": "Profiles elsewhere",
        "basics.summary": "Summary",
        "preferences.target_titles": "Target titles",
        "preferences.locations": "Locations",
        "preferences.min_salary": "Minimum yearly salary",
        "preferences.salary_currency": "Currency",
    ]

    /// The heading of each list's section on the page.
    static let listTitles = [
        "work": "Experience", "education": "Education", "skills": "Skills", "projects": "Projects", "certificates": "Certificates",
        "languages": "Languages",
    ]

    /// Each list's title (a row is "Experience 2" in messages: "Experience 2: From") and its rows' field labels.
    static let rowLabels: [String: (title: String, fields: [String: String])] = [
        "work": (
            "Experience", ["position": "Title", "name": "Employer", "startDate": "From", "endDate": "To", "location": "Location", "highlights": "Highlights"]
        ),
        "education": (
            "Education", ["institution": "School", "studyType": "Degree", "area": "Field of study", "startDate": "From", "endDate": "To"]
        ),
        "skills": (
            "Skill", ["name": "Skill", "level": "Level", "years": "Years"]
        ),
        "projects": (
            "Project", ["name": "Project", "url": "Link", "description": "Description"]
        ),
        "certificates": (
            "Certificate", ["name": "Certificate", "issuer": "Issuer", "date": "Date"]
        ),
        "languages": (
            "Language", ["language": "Language", "fluency": "Fluency"]
        ),
    ]

    /// The label of a field as the page shows it; a row's field names its row too, for
    /// messages: `work[1].startDate` is "Experience 2: From".
    /// On the page, inside its row, a row's field needs no row name (`inRow: false`).
    public static func label(_ name: String, inRow: Bool = true) -> String {
        if let label = labels[name] { return label }
        guard let open = name.firstIndex(of: "["), let close = name.firstIndex(of: "]"), open < close,
            let index = Int(name[name.index(after: open)..<close]), let row = rowLabels[String(name[..<open])]
        else { return name }
        let leaf = name[close...].drop { $0 == "]" || $0 == "." }
        let label = row.fields[String(leaf)] ?? String(leaf)
        return inRow ? "\(row.title) \(index + 1): \(label)" : label
    }

    /// The fields of a submitted form, labelled, for its messages.
    public static func fields(_ names: some Sequence<String>) -> FormFields {
        let names = names.sorted()
        return FormFields(names: names, labels: Dictionary(uniqueKeysWithValues: names.map { ($0, label($0)) }))
    }

    /// Rows of each list the form shows beyond the filled ones, to add to.
    static let spareRows: [String: Int] = ["work": 1, "education": 1, "skills": 3, "projects": 1, "certificates": 1, "languages": 1]

    public static func values(of profile: Profile) -> [String: String] {
        var values: [String: String] = [:]
        func set(_ name: String, _ value: String?) { if let value, !value.isEmpty { values[name] = value } }
        let basics = profile.basics
        set("basics.name", basics.name)
        set("basics.label", basics.label)
        set("basics.email", basics.email)
        set("basics.phone", basics.phone)
        set("basics.url", basics.url)
        set("basics.city", basics.city)
        set("basics.summary", basics.summary)
        set("basics.profiles", basics.profiles.joined(separator: "\n"))
        for (index, role) in profile.work.enumerated() {
            let key = "work[\(index)]."
            set(key + "name", role.name)
            set(key + "position", role.position)
            set(key + "location", role.location)
            set(key + "startDate", role.startDate)
            set(key + "endDate", role.endDate)
            set(key + "highlights", role.highlights.joined(separator: "\n"))
        }
        for (index, entry) in profile.education.enumerated() {
            let key = "education[\(index)]."
            set(key + "institution", entry.institution)
            set(key + "studyType", entry.studyType)
            set(key + "area", entry.area)
            set(key + "startDate", entry.startDate)
            set(key + "endDate", entry.endDate)
        }
        for (index, skill) in profile.skills.enumerated() {
            set("skills[\(index)].name", skill.name)
            set("skills[\(index)].level", skill.level)
            set("skills[\(index)].years", skill.years.map { $0.rounded() == $0 ? String(Int($0)) : String($0) })
        }
        for (index, project) in profile.projects.enumerated() {
            set("projects[\(index)].name", project.name)
            set("projects[\(index)].description", project.description)
            set("projects[\(index)].url", project.url)
        }
        for (index, certificate) in profile.certificates.enumerated() {
            set("certificates[\(index)].name", certificate.name)
            set("certificates[\(index)].issuer", certificate.issuer)
            set("certificates[\(index)].date", certificate.date)
        }
        for (index, language) in profile.languages.enumerated() {
            set("languages[\(index)].language", language.language)
            set("languages[\(index)].fluency", language.fluency)
        }
        let preferences = profile.preferences
        set("preferences.target_titles", preferences.targetTitles.joined(separator: ", "))
        set("preferences.locations", preferences.locations.joined(separator: "; "))
        for kind in preferences.remote { values["preferences.remote.\(kind.rawValue)"] = "true" }
        set("preferences.min_salary", preferences.minSalary.map { String(Int($0)) })
        set("preferences.salary_currency", preferences.salaryCurrency)
        for kind in preferences.hardFilters { values["preferences.hard_filters.\(kind)"] = "true" }
        return values
    }

    /// The submitted fields as a profile, and what could not be read (a number of years that
    /// is no number). Blank rows are dropped; text is trimmed.
    public static func profile(from fields: [String: String]) -> (profile: Profile, issues: [String]) {
        var profile = Profile()
        var issues: [String] = []
        func text(_ name: String) -> String? {
            let value = (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return value.isEmpty ? nil : value
        }
        func lines(_ name: String) -> [String] {
            (fields[name] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        func list(_ name: String, separators: String) -> [String] {
            (fields[name] ?? "").split(whereSeparator: { separators.contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        profile.basics.name = text("basics.name")
        profile.basics.label = text("basics.label")
        profile.basics.email = text("basics.email")
        profile.basics.phone = text("basics.phone")
        profile.basics.url = text("basics.url")
        profile.basics.city = text("basics.city")
        profile.basics.summary = text("basics.summary")
        profile.basics.profiles = lines("basics.profiles")
        for index in 0..<rowCount("work", fields) {
            let key = "work[\(index)]."
            var role = Profile.Work(
                name: text(key + "name"), position: text(key + "position"), location: text(key + "location"), startDate: text(key + "startDate"),
                endDate: text(key + "endDate"))
            role.highlights = lines(key + "highlights")
            if role != Profile.Work() { profile.work.append(role) }
        }
        for index in 0..<rowCount("education", fields) {
            let key = "education[\(index)]."
            var entry = Profile.Education(institution: text(key + "institution"), area: text(key + "area"), studyType: text(key + "studyType"))
            entry.startDate = text(key + "startDate")
            entry.endDate = text(key + "endDate")
            if entry != Profile.Education() { profile.education.append(entry) }
        }
        for index in 0..<rowCount("skills", fields) {
            let key = "skills[\(index)]."
            guard let name = text(key + "name") else { continue }
            var years: Double?
            if let written = text(key + "years") {
                if let value = Double(written.replacingOccurrences(of: ",", with: ".")), value.isFinite {
                    years = value
                } else {
                    issues.append("skills[\(profile.skills.count)].years must be a number of years")
                }
            }
            profile.skills.append(Profile.Skill(name: name, level: text(key + "level"), years: years))
        }
        for index in 0..<rowCount("projects", fields) {
            let key = "projects[\(index)]."
            guard let name = text(key + "name") else { continue }
            var project = Profile.Project(name: name, description: text(key + "description"))
            project.url = text(key + "url")
            profile.projects.append(project)
        }
        for index in 0..<rowCount("certificates", fields) {
            let key = "certificates[\(index)]."
            guard let name = text(key + "name") else { continue }
            profile.certificates.append(Profile.Certificate(name: name, issuer: text(key + "issuer"), date: text(key + "date")))
        }
        for index in 0..<rowCount("languages", fields) {
            let key = "languages[\(index)]."
            guard let language = text(key + "language") else { continue }
            profile.languages.append(Profile.Language(language: language, fluency: text(key + "fluency")))
        }
        profile.preferences.targetTitles = list("preferences.target_titles", separators: ",\n")
        profile.preferences.locations = list("preferences.locations", separators: ";\n")
        profile.preferences.remote = RemoteType.allCases.filter { fields["preferences.remote.\($0.rawValue)"] == "true" }
        if let written = text("preferences.min_salary") {
            if let amount = PayAmount.read(written) {
                profile.preferences.minSalary = amount.value
                if text("preferences.salary_currency") == nil { profile.preferences.salaryCurrency = amount.currency }
            } else {
                issues.append("preferences.min_salary must be an amount, such as 70000")
            }
        }
        profile.preferences.salaryCurrency = text("preferences.salary_currency")?.uppercased() ?? profile.preferences.salaryCurrency
        profile.preferences.hardFilters = ProfileSchema.preferenceKinds.filter { fields["preferences.hard_filters.\($0)"] == "true" }
        return (profile, issues)
    }

    /// How many rows of a list the fields hold: one past the highest index named.
    static func rowCount(_ list: String, _ fields: [String: String]) -> Int {
        var count = 0
        let prefix = list + "["
        for name in fields.keys where name.hasPrefix(prefix) {
            if let close = name.firstIndex(of: "]"), let index = Int(name[name.index(name.startIndex, offsetBy: prefix.count)..<close]), index < 1_000 {
                count = max(count, index + 1)
            }
        }
        return count
    }
}
