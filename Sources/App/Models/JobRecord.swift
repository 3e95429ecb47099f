import Foundation

/// A job as read for answers: plain values decoded straight from SQL. Lists read many of
/// them, and Fluent's model machinery (reflection per row) costs more than the query itself.
/// Writes go through the `Job` model.
struct JobRecord: Decodable, Sendable {
    let id: Int
    let title: String
    let company: String
    let location: String?
    let source: String
    let externalId: String?
    let url: String?
    let description: String
    let descriptionText: String
    let remote: String?
    let employmentType: String?
    let salaryMin: Double?
    let salaryMax: Double?
    let salaryCurrency: String?
    let salaryPeriod: String?
    let postedAt: Date?
    let scrapedAt: Date
    let isActive: Bool
    let inactiveSince: Date?
    let createdBy: Int?
    let createdAt: Date?
    let updatedAt: Date?

    /// The columns to select, in the table's own names.
    static var columns: [String] { CodingKeys.allCases.map(\.rawValue) }

    enum CodingKeys: String, CodingKey, CaseIterable {
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
        case createdBy = "created_by"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
