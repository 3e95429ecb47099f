import Foundation

/// A job as a client submits it (`POST` creates, `PUT` changes the fields present), read and
/// validated from JSON. The description is sanitised here, so nothing unsafe goes further.
public struct JobDraft: Sendable {
    public var title: Patch<String> = .absent
    public var company: Patch<String> = .absent
    public var location: Patch<String> = .absent
    public var source: Patch<String> = .absent
    public var externalID: Patch<String> = .absent
    public var url: Patch<String> = .absent
    public var description: Patch<HTMLSanitizer.Result> = .absent
    public var remote: Patch<RemoteType> = .absent
    public var employmentType: Patch<EmploymentType> = .absent
    public var salaryMin: Patch<Double> = .absent
    public var salaryMax: Patch<Double> = .absent
    public var salaryCurrency: Patch<String> = .absent
    public var salaryPeriod: Patch<SalaryPeriod> = .absent
    public var postedAt: Patch<Date> = .absent
    public var isActive: Patch<Bool> = .absent
    /// Whether only the creator sees the job; a job a person adds is private unless they say
    /// `false`, which shares it with everyone for good.
    public var isPrivate: Patch<Bool> = .absent
    public var skills: Patch<[String]> = .absent

    public init() {}

    public static let maxDescriptionLength = 100_000
    public static let maxSalary = 1_000_000_000.0

    /// The fields of a job body, each with its rule; `creating` makes `title` and `company`
    /// required (an update may leave them out, but not clear them).
    public static func fields(creating: Bool) -> [FieldRule] {
        [
            Field.title.required(creating), Field.company.required(creating), Field.location, Field.source, Field.externalID, Field.url,
            Field.description, Field.remote, Field.employmentType, Field.salaryMin, Field.salaryMax, Field.salaryCurrency,
            Field.salaryPeriod, Field.postedAt, Field.isActive, Field.isPrivate, Field.skills,
        ]
    }

    public enum Field {
        public static let title = FieldRule("title", .text(maxLength: 300, collapse: true), clearable: false)
        public static let company = FieldRule("company", .text(maxLength: 200, collapse: true), clearable: false)
        public static let location = FieldRule("location", .text(maxLength: 300, collapse: true))
        public static let source = FieldRule(
            "source", .text(maxLength: 50), clearable: false,
            format: .init(
                pattern: "^[ \\t\\n\\r]*[a-z0-9][a-z0-9._-]*[ \\t\\n\\r]*$",
                message: "source must be lowercase letters, digits, '-', '_' or '.', starting with a letter or digit",
                check: JobDraft.isValidSourceName
            ),
            note: "Where the job comes from (default manual)"
        )
        public static let externalID = FieldRule("external_id", .text(maxLength: 255))
        public static let url = FieldRule("url", .url)
        public static let description = FieldRule("description", .text(maxLength: maxDescriptionLength), note: "Sanitised HTML, or plain text")
        public static let remote = FieldRule("remote", .choice(RemoteType.allCases.map(\.rawValue)))
        public static let employmentType = FieldRule("employment_type", .choice(EmploymentType.allCases.map(\.rawValue)))
        public static let salaryMin = FieldRule("salary_min", .number(min: 0, max: maxSalary))
        public static let salaryMax = FieldRule("salary_max", .number(min: 0, max: maxSalary), note: "At least salary_min")
        public static let salaryCurrency = FieldRule(
            "salary_currency", .text(maxLength: 16),
            format: .init(
                pattern: "^[ \\t\\n\\r]*([A-Za-z]{3})?[ \\t\\n\\r]*$",
                message: "salary_currency must be a three-letter ISO 4217 code such as USD or EUR",
                check: { JobDraft.isCurrencyCode($0.uppercased()) }
            )
        )
        public static let salaryPeriod = FieldRule("salary_period", .choice(SalaryPeriod.allCases.map(\.rawValue)))
        public static let postedAt = FieldRule("posted_at", .date)
        public static let isActive = FieldRule("is_active", .flag, clearable: false)
        public static let isPrivate = FieldRule(
            "is_private", .flag, clearable: false,
            note: "Creating: true (the default) keeps the job to its creator. false shares it with every user, for good"
        )
        public static let skills = FieldRule("skills", .textList(maxCount: 100, maxLength: 100), clearable: false)
    }

    /// Reads a job body by `fields(creating:)`.
    public static func read(_ body: JSONValue, creating: Bool) throws(DomainError) -> JobDraft {
        var reader = try BodyReader(body: body)
        var draft = JobDraft()
        draft.title = reader.read(Field.title.required(creating))
        draft.company = reader.read(Field.company.required(creating))
        draft.location = reader.read(Field.location)
        draft.source = reader.read(Field.source)
        draft.externalID = reader.read(Field.externalID)
        draft.url = reader.read(Field.url)
        draft.description = (reader.read(Field.description) as Patch<String>).map(HTMLSanitizer.sanitizeDescription)
        draft.remote = reader.read(Field.remote, as: RemoteType.self)
        draft.employmentType = reader.read(Field.employmentType, as: EmploymentType.self)
        draft.salaryMin = reader.read(Field.salaryMin)
        draft.salaryMax = reader.read(Field.salaryMax)
        draft.salaryCurrency = (reader.read(Field.salaryCurrency) as Patch<String>).map { $0.uppercased() }
        draft.salaryPeriod = reader.read(Field.salaryPeriod, as: SalaryPeriod.self)
        draft.postedAt = reader.read(Field.postedAt)
        draft.isActive = reader.read(Field.isActive)
        draft.isPrivate = reader.read(Field.isPrivate)
        draft.skills = reader.read(Field.skills)
        if let min = draft.salaryMin.value, let max = draft.salaryMax.value, max < min {
            reader.addIssue("salary_max must be greater than or equal to salary_min")
        }
        try reader.validate()
        return draft
    }

    /// Rules that span fields, checked on the job as it will be stored (after a partial update).
    public static func crossFieldIssues(salaryMin: Double?, salaryMax: Double?) -> [String] {
        if let salaryMin, let salaryMax, salaryMax < salaryMin {
            return ["salary_max must be greater than or equal to salary_min"]
        }
        return []
    }

    @Sendable static func isValidSourceName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) || ("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    package static func isCurrencyCode(_ code: String) -> Bool {
        code.count == 3 && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
    }
}
