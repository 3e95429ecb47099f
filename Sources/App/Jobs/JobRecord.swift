import CareerCopilotCore
import Foundation
import SQLKit

/// A job as read for answers: plain values decoded straight from SQL. Lists read many of
/// them, and Fluent's model machinery (reflection per row) costs more than the query itself.
/// Writes go through the `Job` model.
struct JobRecord: Sendable {
    let id: Int
    let title: String
    let company: String
    let location: String?
    let source: String
    let externalId: String?
    let url: String?
    let description: String
    let descriptionText: String
    let remote: RemoteType?
    let employmentType: EmploymentType?
    let salaryMin: Double?
    let salaryMax: Double?
    let salaryCurrency: String?
    let salaryPeriod: SalaryPeriod?
    let postedAt: Date?
    let scrapedAt: Date
    let isActive: Bool
    let inactiveSince: Date?
    let createdBy: Int?
    let privateTo: Int?
    let createdAt: Date?
    let updatedAt: Date?

    /// Reads a row column by column: faster than `Decodable`'s keyed containers, which ask
    /// twice per optional column (`contains`, `decodeNil`) before decoding it.
    init(row: any SQLRow) throws {
        typealias Key = Column
        id = try row.decode(column: Key.id.rawValue, as: Int.self)
        title = try row.decode(column: Key.title.rawValue, as: String.self)
        company = try row.decode(column: Key.company.rawValue, as: String.self)
        location = try row.decode(column: Key.location.rawValue, as: String?.self)
        source = try row.decode(column: Key.source.rawValue, as: String.self)
        externalId = try row.decode(column: Key.externalId.rawValue, as: String?.self)
        url = try row.decode(column: Key.url.rawValue, as: String?.self)
        description = try row.decode(column: Key.description.rawValue, as: String.self)
        descriptionText = try row.decode(column: Key.descriptionText.rawValue, as: String.self)
        remote = try row.decode(column: Key.remote.rawValue, as: String?.self).flatMap(RemoteType.init(rawValue:))
        employmentType = try row.decode(column: Key.employmentType.rawValue, as: String?.self).flatMap(EmploymentType.init(rawValue:))
        salaryMin = try row.decode(column: Key.salaryMin.rawValue, as: Double?.self)
        salaryMax = try row.decode(column: Key.salaryMax.rawValue, as: Double?.self)
        salaryCurrency = try row.decode(column: Key.salaryCurrency.rawValue, as: String?.self)
        salaryPeriod = try row.decode(column: Key.salaryPeriod.rawValue, as: String?.self).flatMap(SalaryPeriod.init(rawValue:))
        postedAt = try row.decode(column: Key.postedAt.rawValue, as: Date?.self)
        scrapedAt = try row.decode(column: Key.scrapedAt.rawValue, as: Date.self)
        isActive = try row.decode(column: Key.isActive.rawValue, as: Bool.self)
        inactiveSince = try row.decode(column: Key.inactiveSince.rawValue, as: Date?.self)
        createdBy = try row.decode(column: Key.createdBy.rawValue, as: Int?.self)
        privateTo = try row.decode(column: Key.privateTo.rawValue, as: Int?.self)
        createdAt = try row.decode(column: Key.createdAt.rawValue, as: Date?.self)
        updatedAt = try row.decode(column: Key.updatedAt.rawValue, as: Date?.self)
    }

    /// The columns to select, in the table's own names.
    static let columns: [String] = Column.allCases.filter { $0 != .companyKey }.map(\.rawValue)

    /// Every column of `jobs`: selects, inserts and updates name them from here.
    enum Column: String, TableColumns {
        case id
        case title
        case company
        /// `TextNormalizer.key(company)`, written with the company for its index; never read.
        case companyKey = "company_key"
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
        case privateTo = "private_to"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
