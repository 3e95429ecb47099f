import CareerCopilotCore
import Fluent
import Foundation

/// A posting in the shared catalogue. `description` is sanitised HTML; the search columns
/// (`company_key`, the full-text index) are kept in step by `JobService` and the database.
final class Job: Model, @unchecked Sendable {
    static let schema = "jobs"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "title") var title: String
    @Field(key: "company") var company: String
    /// Lowercased, collapsed company name: the index behind the company filter.
    @Field(key: "company_key") var companyKey: String
    @OptionalField(key: "location") var location: String?
    @Field(key: "source") var source: String
    @OptionalField(key: "external_id") var externalID: String?
    @OptionalField(key: "url") var url: String?
    @Field(key: "description") var description: String
    @Field(key: "description_text") var descriptionText: String
    @OptionalField(key: "remote") var remote: RemoteType?
    @OptionalField(key: "employment_type") var employmentType: EmploymentType?
    @OptionalField(key: "salary_min") var salaryMin: Double?
    @OptionalField(key: "salary_max") var salaryMax: Double?
    @OptionalField(key: "salary_currency") var salaryCurrency: String?
    @OptionalField(key: "salary_period") var salaryPeriod: SalaryPeriod?
    @OptionalField(key: "posted_at") var postedAt: Date?
    @Field(key: "scraped_at") var scrapedAt: Date
    @Field(key: "is_active") var isActive: Bool
    @OptionalField(key: "inactive_since") var inactiveSince: Date?
    @OptionalParent(key: "created_by") var creator: User?
    /// The one user who sees the job (one they added or imported); nil for the shared catalogue.
    @OptionalField(key: "private_to") var privateTo: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
