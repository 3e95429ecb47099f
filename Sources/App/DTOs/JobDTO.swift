import Foundation

/// A job as the API shows it.
struct JobDTO: Encodable {
    let id: Int
    let title: String
    let company: String
    @Nullable var location: String?
    let source: String
    @Nullable var externalId: String?
    @Nullable var url: String?
    let description: String
    let descriptionText: String
    @Nullable var remote: String?
    @Nullable var employmentType: String?
    @Nullable var salaryMin: Double?
    @Nullable var salaryMax: Double?
    @Nullable var salaryCurrency: String?
    @Nullable var salaryPeriod: String?
    @Nullable var postedAt: Date?
    let scrapedAt: Date
    let isActive: Bool
    @Nullable var inactiveSince: Date?
    let skills: [String]
    @Nullable var createdBy: Int?
    @Nullable var createdAt: Date?
    @Nullable var updatedAt: Date?

    init(_ job: JobRecord, skills: [String]) {
        id = job.id
        title = job.title
        company = job.company
        location = job.location
        source = job.source
        externalId = job.externalId
        url = job.url
        description = job.description
        descriptionText = job.descriptionText
        remote = job.remote
        employmentType = job.employmentType
        salaryMin = job.salaryMin
        salaryMax = job.salaryMax
        salaryCurrency = job.salaryCurrency
        salaryPeriod = job.salaryPeriod
        postedAt = job.postedAt
        scrapedAt = job.scrapedAt
        isActive = job.isActive
        inactiveSince = job.inactiveSince
        self.skills = skills
        createdBy = job.createdBy
        createdAt = job.createdAt
        updatedAt = job.updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case title
        case company
        case location
        case source
        case externalId = "external_id"
        case url
        case description
        case descriptionText = "description_text"
        case remote
        case employmentType = "employment_type"
        case salaryMin = "salary_min"
        case salaryMax = "salary_max"
        case salaryCurrency = "salary_currency"
        case salaryPeriod = "salary_period"
        case postedAt = "posted_at"
        case scrapedAt = "scraped_at"
        case isActive = "is_active"
        case inactiveSince = "inactive_since"
        case skills
        case createdBy = "created_by"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
