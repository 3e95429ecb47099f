import CareerCopilotCore
import Foundation

/// The fields of a profile the product reads, typed: what matching, pages and the resume
/// reader work with. The stored document is JSON Resume (`ProfileSchema`), which may hold
/// more; `document` writes these fields back in JSON Resume's names, and `merged(into:)`
/// does so without losing what the document holds beyond them.
public struct Profile: Sendable, Equatable {
    public struct Basics: Sendable, Equatable {
        public var name, label, email, phone, url, summary: String?
        public var city, region, countryCode: String?
        /// Links to the person's pages elsewhere (GitHub, LinkedIn …).
        public var profiles: [String] = []
        public init() {}
    }

    public struct Work: Sendable, Equatable {
        public var name, position, location, startDate, endDate, summary: String?
        public var highlights: [String] = []
        public init(name: String? = nil, position: String? = nil, location: String? = nil, startDate: String? = nil, endDate: String? = nil) {
            self.name = name
            self.position = position
            self.location = location
            self.startDate = startDate
            self.endDate = endDate
        }
    }

    public struct Education: Sendable, Equatable {
        public var institution, area, studyType, startDate, endDate, score: String?
        public init(institution: String? = nil, area: String? = nil, studyType: String? = nil) {
            self.institution = institution
            self.area = area
            self.studyType = studyType
        }
    }

    public struct Skill: Sendable, Equatable {
        public var name: String
        public var level: String?
        public var keywords: [String] = []
        /// Years of use: the product's addition to JSON Resume's skill.
        public var years: Double?
        public init(name: String, level: String? = nil, years: Double? = nil) {
            self.name = name
            self.level = level
            self.years = years
        }
    }

    public struct Project: Sendable, Equatable {
        public var name: String
        public var description, startDate, endDate, url: String?
        public var highlights: [String] = []
        public var keywords: [String] = []
        public init(name: String, description: String? = nil) {
            self.name = name
            self.description = description
        }
    }

    public struct Certificate: Sendable, Equatable {
        public var name: String
        public var issuer, date, url: String?
        public init(name: String, issuer: String? = nil, date: String? = nil) {
            self.name = name
            self.issuer = issuer
            self.date = date
        }
    }

    public struct Language: Sendable, Equatable {
        public var language: String
        public var fluency: String?
        public init(language: String, fluency: String? = nil) {
            self.language = language
            self.fluency = fluency
        }
    }

    public struct Preferences: Sendable, Equatable {
        public var targetTitles: [String] = []
        public var locations: [String] = []
        /// The kinds of work place accepted; empty accepts any.
        public var remote: [RemoteType] = []
        /// Yearly.
        public var minSalary: Double?
        public var salaryCurrency: String?
        /// Which preferences rule a job out rather than lower its score (`ProfileSchema.preferenceKinds`).
        public var hardFilters: [String] = []
        public init() {}
    }

    public var basics = Basics()
    public var work: [Work] = []
    public var education: [Education] = []
    public var skills: [Skill] = []
    public var projects: [Project] = []
    public var certificates: [Certificate] = []
    public var languages: [Language] = []
    public var preferences = Preferences()

    public init() {}

    /// Whether the person has written anything at all.
    public var isEmpty: Bool { self == Profile() }
}

// MARK: - Reading a document

extension Profile {
    /// The typed fields of a JSON Resume document; what is missing or of another type is
    /// left empty (a stored document has passed `ProfileSchema.check`).
    public init(document: JSONValue) {
        let basics = document["basics"]
        self.basics.name = basics?["name"]?.text
        self.basics.label = basics?["label"]?.text
        self.basics.email = basics?["email"]?.text
        self.basics.phone = basics?["phone"]?.text
        self.basics.url = basics?["url"]?.text
        self.basics.summary = basics?["summary"]?.text
        self.basics.city = basics?["location"]?["city"]?.text
        self.basics.region = basics?["location"]?["region"]?.text
        self.basics.countryCode = basics?["location"]?["countryCode"]?.text
        self.basics.profiles = (basics?["profiles"]?.items ?? []).compactMap { $0["url"]?.text }
        work = (document["work"]?.items ?? []).map { item in
            var entry = Work(
                name: item["name"]?.text, position: item["position"]?.text, location: item["location"]?.text,
                startDate: item["startDate"]?.text, endDate: item["endDate"]?.text)
            entry.summary = item["summary"]?.text
            entry.highlights = item["highlights"]?.texts ?? []
            return entry
        }
        education = (document["education"]?.items ?? []).map { item in
            var entry = Education(institution: item["institution"]?.text, area: item["area"]?.text, studyType: item["studyType"]?.text)
            entry.startDate = item["startDate"]?.text
            entry.endDate = item["endDate"]?.text
            entry.score = item["score"]?.text
            return entry
        }
        skills = (document["skills"]?.items ?? []).compactMap { item in
            guard let name = item["name"]?.text else { return nil }
            var skill = Skill(name: name, level: item["level"]?.text, years: item["years"]?.number)
            skill.keywords = item["keywords"]?.texts ?? []
            return skill
        }
        projects = (document["projects"]?.items ?? []).compactMap { item in
            guard let name = item["name"]?.text else { return nil }
            var project = Project(name: name, description: item["description"]?.text)
            project.startDate = item["startDate"]?.text
            project.endDate = item["endDate"]?.text
            project.url = item["url"]?.text
            project.highlights = item["highlights"]?.texts ?? []
            project.keywords = item["keywords"]?.texts ?? []
            return project
        }
        certificates = (document["certificates"]?.items ?? []).compactMap { item in
            guard let name = item["name"]?.text else { return nil }
            var certificate = Certificate(name: name, issuer: item["issuer"]?.text, date: item["date"]?.text)
            certificate.url = item["url"]?.text
            return certificate
        }
        languages = (document["languages"]?.items ?? []).compactMap { item in
            item["language"]?.text.map { Language(language: $0, fluency: item["fluency"]?.text) }
        }
        let preferences = document["preferences"]
        self.preferences.targetTitles = preferences?["target_titles"]?.texts ?? []
        self.preferences.locations = preferences?["locations"]?.texts ?? []
        self.preferences.remote = (preferences?["remote"]?.texts ?? []).compactMap(RemoteType.init(rawValue:))
        self.preferences.minSalary = preferences?["min_salary"]?.number
        self.preferences.salaryCurrency = preferences?["salary_currency"]?.text
        self.preferences.hardFilters = preferences?["hard_filters"]?.texts ?? []
    }
}

// MARK: - Writing a document

extension Profile {
    /// These fields as a JSON Resume document; empty fields are left out.
    public var document: JSONValue {
        var location: [String: JSONValue] = [:]
        location["city"] = basics.city.json
        location["region"] = basics.region.json
        location["countryCode"] = basics.countryCode.json
        var basicsObject: [String: JSONValue] = [:]
        basicsObject["name"] = basics.name.json
        basicsObject["label"] = basics.label.json
        basicsObject["email"] = basics.email.json
        basicsObject["phone"] = basics.phone.json
        basicsObject["url"] = basics.url.json
        basicsObject["summary"] = basics.summary.json
        if !location.isEmpty { basicsObject["location"] = .object(location) }
        if !basics.profiles.isEmpty {
            basicsObject["profiles"] = .array(basics.profiles.map { .object(["url": .string($0), "network": .string(Self.network(of: $0))]) })
        }
        var document: [String: JSONValue] = [:]
        if !basicsObject.isEmpty { document["basics"] = .object(basicsObject) }
        document["work"] = Self.list(
            work.map {
                [
                    "name": $0.name.json, "position": $0.position.json, "location": $0.location.json, "startDate": $0.startDate.json,
                    "endDate": $0.endDate.json, "summary": $0.summary.json, "highlights": $0.highlights.json,
                ]
            })
        document["education"] = Self.list(
            education.map {
                [
                    "institution": $0.institution.json, "area": $0.area.json, "studyType": $0.studyType.json, "startDate": $0.startDate.json,
                    "endDate": $0.endDate.json, "score": $0.score.json,
                ]
            })
        document["skills"] = Self.list(
            skills.map { ["name": .string($0.name), "level": $0.level.json, "keywords": $0.keywords.json, "years": $0.years.map(JSONValue.number)] })
        document["projects"] = Self.list(
            projects.map {
                [
                    "name": .string($0.name), "description": $0.description.json, "startDate": $0.startDate.json, "endDate": $0.endDate.json,
                    "url": $0.url.json, "highlights": $0.highlights.json, "keywords": $0.keywords.json,
                ]
            })
        document["certificates"] = Self.list(
            certificates.map { ["name": .string($0.name), "issuer": $0.issuer.json, "date": $0.date.json, "url": $0.url.json] })
        document["languages"] = Self.list(languages.map { ["language": .string($0.language), "fluency": $0.fluency.json] })
        var preferencesObject: [String: JSONValue] = [:]
        preferencesObject["target_titles"] = preferences.targetTitles.json
        preferencesObject["locations"] = preferences.locations.json
        preferencesObject["remote"] = preferences.remote.map(\.rawValue).json
        preferencesObject["min_salary"] = preferences.minSalary.map(JSONValue.number)
        preferencesObject["salary_currency"] = preferences.salaryCurrency.json
        preferencesObject["hard_filters"] = preferences.hardFilters.json
        if !preferencesObject.isEmpty { document["preferences"] = .object(preferencesObject) }
        return .object(document)
    }

    /// These fields written over `stored`: what the stored document holds beyond them (unknown
    /// sections, unknown members of an entry at the same place in its list) is kept; a known
    /// field that is now empty is removed.
    public func merged(into stored: JSONValue) -> JSONValue {
        Self.merge(document, into: stored, shape: ProfileSchema.document)
    }

    private static func merge(_ edit: JSONValue, into stored: JSONValue, shape: ProfileShape) -> JSONValue {
        switch (shape, edit, stored) {
        case (.object(let members), .object(let editObject), .object(var storedObject)):
            for (key, memberShape) in members {
                if let value = editObject[key], let old = storedObject[key] {
                    storedObject[key] = merge(value, into: old, shape: memberShape)
                } else {
                    storedObject[key] = editObject[key]
                }
            }
            return .object(storedObject)
        case (.list(let item, _), .array(let editItems), .array(let storedItems)):
            return .array(
                editItems.enumerated().map { index, value in index < storedItems.count ? merge(value, into: storedItems[index], shape: item) : value })
        default:
            return edit
        }
    }

    private static func list(_ entries: [[String: JSONValue?]]) -> JSONValue? {
        let objects = entries.map { entry in JSONValue.object(entry.compactMapValues { $0 }) }
        return objects.isEmpty ? nil : .array(objects)
    }

    /// JSON Resume names the site of a profile link ("GitHub").
    static func network(of url: String) -> String {
        let lowered = url.lowercased()
        for (host, name) in [("github.", "GitHub"), ("linkedin.", "LinkedIn"), ("gitlab.", "GitLab"), ("stackoverflow.", "Stack Overflow"), ("xing.", "XING")]
        where lowered.contains(host) {
            return name
        }
        return "Website"
    }
}

extension JSONValue {
    /// A non-blank string.
    var text: String? {
        guard case let .string(value) = self else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    var number: Double? {
        guard case let .number(value) = self else { return nil }
        return value
    }

    var items: [JSONValue]? {
        guard case let .array(values) = self else { return nil }
        return values
    }

    /// The non-blank strings of an array.
    var texts: [String]? { items?.compactMap(\.text) }
}

extension Optional where Wrapped == String {
    fileprivate var json: JSONValue? {
        guard let self, !self.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return .string(self)
    }
}

extension Array where Element == String {
    fileprivate var json: JSONValue? { isEmpty ? nil : .array(map(JSONValue.string)) }
}
