import CareerCopilotCore
import Fluent
import Foundation

/// A posting in the shared catalogue. `description` is sanitised HTML; the search columns
/// (`company_key`, the full-text index) are kept in step by `JobService` and the database.
final class Job: Model, @unchecked Sendable {
    static let schema = "jobs"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: .job(.title)) var title: String
    @Field(key: .job(.company)) var company: String
    /// Lowercased, collapsed company name: the index behind the company filter.
    @Field(key: .job(.companyKey)) var companyKey: String
    @OptionalField(key: .job(.location)) var location: String?
    @Field(key: .job(.source)) var source: String
    @OptionalField(key: .job(.externalId)) var externalID: String?
    @OptionalField(key: .job(.url)) var url: String?
    @Field(key: .job(.description)) var description: String
    @Field(key: .job(.descriptionText)) var descriptionText: String
    @OptionalField(key: .job(.remote)) var remote: RemoteType?
    @OptionalField(key: .job(.employmentType)) var employmentType: EmploymentType?
    @OptionalField(key: .job(.salaryMin)) var salaryMin: Double?
    @OptionalField(key: .job(.salaryMax)) var salaryMax: Double?
    @OptionalField(key: .job(.salaryCurrency)) var salaryCurrency: String?
    @OptionalField(key: .job(.salaryPeriod)) var salaryPeriod: SalaryPeriod?
    @OptionalField(key: .job(.postedAt)) var postedAt: Date?
    @Field(key: .job(.scrapedAt)) var scrapedAt: Date
    @Field(key: .job(.isActive)) var isActive: Bool
    @OptionalField(key: .job(.inactiveSince)) var inactiveSince: Date?
    @OptionalParent(key: .job(.createdBy)) var creator: User?
    /// The one user who sees the job (one they added or imported); nil for the shared catalogue.
    @OptionalField(key: .job(.privateTo)) var privateTo: Int?
    @Timestamp(key: .job(.createdAt), on: .create) var createdAt: Date?
    @Timestamp(key: .job(.updatedAt), on: .update) var updatedAt: Date?

    init() {}
}

extension FieldKey {
    /// A column of `jobs`, named once in `JobRecord.Column`.
    static func job(_ column: JobRecord.Column) -> FieldKey {
        FieldKey(stringLiteral: column.rawValue)
    }
}
