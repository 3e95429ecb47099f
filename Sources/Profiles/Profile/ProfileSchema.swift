import CareerCopilotCore

/// What a profile document may hold: JSON Resume's sections (https://jsonresume.org/schema)
/// with their own field names, plus `preferences`. Listed once: the same shapes check a
/// `PUT /api/v1/profile` body and describe it in the OpenAPI document.
///
/// Fields this list does not name are kept as sent (JSON Resume has more sections than the
/// product reads, and people add their own), within the limits of `ProfileSchema.check`.
public indirect enum ProfileShape: Sendable {
    case text(maxLength: Int)
    /// JSON Resume's dates: `2020`, `2020-03` or `2020-03-15`.
    case date
    case number(min: Double, max: Double)
    case choice([String])
    case object([(String, ProfileShape)])
    case list(ProfileShape, maxCount: Int)

    /// The shape of a member of an object shape.
    public subscript(member: String) -> ProfileShape? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.0 == member }?.1
    }
}

public enum ProfileSchema {
    static let line = ProfileShape.text(maxLength: 300)
    static let paragraph = ProfileShape.text(maxLength: 10_000)
    static let lines = ProfileShape.list(.text(maxLength: 2_000), maxCount: 100)
    static let location = ProfileShape.object([
        ("address", line), ("postalCode", line), ("city", line), ("countryCode", line), ("region", line),
    ])

    /// The preference kinds a person may make hard filters (`preferences.hard_filters`).
    public static let preferenceKinds = ["titles", "locations", "remote", "salary"]

    public static let document = ProfileShape.object([
        (
            "basics",
            .object([
                ("name", line), ("label", line), ("email", line), ("phone", line), ("url", line), ("summary", paragraph),
                ("location", location),
                ("profiles", .list(.object([("network", line), ("username", line), ("url", line)]), maxCount: 30)),
            ])
        ),
        (
            "work",
            .list(
                .object([
                    ("name", line), ("position", line), ("location", line), ("url", line), ("startDate", .date), ("endDate", .date),
                    ("summary", paragraph), ("highlights", lines),
                ]), maxCount: 100)
        ),
        (
            "education",
            .list(
                .object([
                    ("institution", line), ("url", line), ("area", line), ("studyType", line), ("startDate", .date), ("endDate", .date),
                    ("score", line), ("courses", lines),
                ]), maxCount: 50)
        ),
        (
            "skills",
            .list(
                .object([
                    ("name", line), ("level", line), ("keywords", .list(line, maxCount: 50)), ("years", .number(min: 0, max: 80)),
                ]), maxCount: 300)
        ),
        (
            "projects",
            .list(
                .object([
                    ("name", line), ("description", paragraph), ("highlights", lines), ("keywords", .list(line, maxCount: 50)),
                    ("startDate", .date), ("endDate", .date), ("url", line), ("roles", .list(line, maxCount: 20)),
                ]), maxCount: 100)
        ),
        ("certificates", .list(.object([("name", line), ("date", .date), ("issuer", line), ("url", line)]), maxCount: 100)),
        ("languages", .list(.object([("language", line), ("fluency", line)]), maxCount: 50)),
        (
            "preferences",
            .object([
                ("target_titles", .list(line, maxCount: 30)),
                ("locations", .list(line, maxCount: 30)),
                ("remote", .list(.choice(RemoteType.allCases.map(\.rawValue)), maxCount: 3)),
                ("min_salary", .number(min: 0, max: 100_000_000)),
                ("salary_currency", .text(maxLength: 3)),
                ("hard_filters", .list(.choice(preferenceKinds), maxCount: 4)),
                ("company_blocklist", .list(.text(maxLength: 200), maxCount: 500)),
            ])
        ),
    ])

    /// How deep a document may nest, counting every object and array (JSON Resume needs 4).
    public static let maxDepth = 12

    /// Every problem of a document, one readable line each, with the field's path
    /// (`work[2].startDate must be a date like 2020-03`). Empty when the document is good.
    public static func check(_ document: JSONValue) -> [String] {
        guard case .object = document else { return ["the profile must be a JSON object"] }
        var issues: [String] = []
        check(document, shape: Self.document, path: "", depth: 0, issues: &issues)
        return Array(issues.prefix(50))
    }

    private static func check(_ value: JSONValue, shape: ProfileShape?, path: String, depth: Int, issues: inout [String]) {
        guard issues.count < 50 else { return }
        let name = path.isEmpty ? "the profile" : path
        guard depth <= maxDepth else {
            issues.append("\(name) nests deeper than \(maxDepth) levels")
            return
        }
        if case .null = value { return }
        switch (shape, value) {
        case (nil, .object(let members)):
            for (key, member) in members { check(member, shape: nil, path: join(path, key), depth: depth + 1, issues: &issues) }
        case (nil, .array(let items)):
            for (index, item) in items.enumerated() { check(item, shape: nil, path: "\(path)[\(index)]", depth: depth + 1, issues: &issues) }
        case (nil, .string(let text)):
            if text.count > 10_000 { issues.append("\(name) must be at most 10000 characters") }
        case (nil, _):
            return
        case (.text(let maxLength), .string(let text)):
            if text.count > maxLength { issues.append("\(name) must be at most \(maxLength) characters") }
            // The C0 controls but tab and line breaks (what the API document's pattern says).
            if text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" }) {
                issues.append("\(name) must not contain control characters")
            }
        case (.date, .string(let text)):
            if ProfileDate(text) == nil { issues.append("\(name) must be a date like 2020, 2020-03 or 2020-03-15") }
        case (.number(let low, let high), .number(let number)):
            if !(low...high).contains(number) { issues.append("\(name) must be between \(Int(low)) and \(Int(high))") }
        case (.choice(let values), .string(let text)):
            if !values.contains(text) { issues.append("\(name) must be one of: \(values.joined(separator: ", "))") }
        case (.object(let members), .object(let object)):
            for (key, member) in object.sorted(by: { $0.key < $1.key }) {
                let known = members.first { $0.0 == key }?.1
                check(member, shape: known, path: join(path, key), depth: depth + 1, issues: &issues)
            }
        case (.list(let item, let maxCount), .array(let items)):
            if items.count > maxCount { issues.append("\(name) must have at most \(maxCount) entries") }
            for (index, member) in items.prefix(maxCount).enumerated() {
                check(member, shape: item, path: "\(path)[\(index)]", depth: depth + 1, issues: &issues)
            }
        case (.some(let shape), _):
            issues.append("\(name) must be \(describe(shape)), not \(value.typeName)")
        }
    }

    static func describe(_ shape: ProfileShape) -> String {
        switch shape {
        case .text, .choice: "a string"
        case .date: "a date string"
        case .number: "a number"
        case .object: "an object"
        case .list: "an array"
        }
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }
}

/// A JSON Resume date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a real month and day.
public struct ProfileDate: Sendable, Equatable, Comparable {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), year >= 1900, year <= 2099 else { return nil }
        var month: Int?
        var day: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let value = Int(parts[1]), (1...12).contains(value) else { return nil }
            month = value
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let value = Int(parts[2]), (1...31).contains(value) else { return nil }
            day = value
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public init(year: Int, month: Int?) {
        self.year = year
        self.month = month
        self.day = nil
    }

    public static func < (lhs: ProfileDate, rhs: ProfileDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    /// Months since year 0, the month taken as January when it is not known.
    public var monthIndex: Int { year * 12 + (month ?? 1) - 1 }
}
