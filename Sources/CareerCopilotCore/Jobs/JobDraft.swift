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

    /// Reads a job body. `creating` makes `title` and `company` required.
    public static func read(_ body: JSONValue, creating: Bool) throws(DomainError) -> JobDraft {
        var reader = try BodyReader(body: body)
        var draft = JobDraft()
        draft.title = reader.string("title", required: creating, maxLength: 300, collapseWhitespace: true)
        draft.company = reader.string("company", required: creating, maxLength: 200, collapseWhitespace: true)
        draft.location = reader.string("location", maxLength: 300, collapseWhitespace: true)
        draft.source = reader.string("source", maxLength: 50)
        if let source = draft.source.value, !Self.isValidSourceName(source) {
            reader.addIssue("source must be lowercase letters, digits, '-', '_' or '.', starting with a letter or digit")
        }
        draft.externalID = reader.string("external_id", maxLength: 255)
        draft.url = reader.url("url")
        draft.description = reader.string("description", maxLength: maxDescriptionLength).map(HTMLSanitizer.sanitizeDescription)
        draft.remote = reader.enumeration("remote", RemoteType.self)
        draft.employmentType = reader.enumeration("employment_type", EmploymentType.self)
        draft.salaryMin = reader.number("salary_min", min: 0, max: maxSalary)
        draft.salaryMax = reader.number("salary_max", min: 0, max: maxSalary)
        draft.salaryCurrency = reader.string("salary_currency", maxLength: 16).map { $0.uppercased() }
        if let currency = draft.salaryCurrency.value, !Self.isCurrencyCode(currency) {
            reader.addIssue("salary_currency must be a three-letter ISO 4217 code such as USD or EUR")
        }
        draft.salaryPeriod = reader.enumeration("salary_period", SalaryPeriod.self)
        draft.postedAt = reader.date("posted_at")
        draft.isActive = reader.bool("is_active")
        draft.isPrivate = reader.bool("is_private")
        draft.skills = reader.stringList("skills", maxCount: 100, maxLength: 100)
        // These may be left out, but not cleared (title and company are required on create).
        var notNullable = [("source", draft.source.isNull), ("is_active", draft.isActive.isNull), ("is_private", draft.isPrivate.isNull), ("skills", draft.skills.isNull)]
        if !creating { notNullable += [("title", draft.title.isNull), ("company", draft.company.isNull)] }
        for (key, isNull) in notNullable where isNull {
            reader.addIssue("\(key) cannot be empty or null")
        }
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

    static func isValidSourceName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) || ("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    package static func isCurrencyCode(_ code: String) -> Bool {
        code.count == 3 && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
    }
}
