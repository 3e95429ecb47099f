/// What an application list asks for: the filters of `GET /api/v1/applications`.
public struct ApplicationFilter: Sendable, Equatable {
    public var statuses: [ApplicationStatus]?
    public var jobID: Int?

    public init() {}

    public enum SortField: String, CaseIterable, Sendable {
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case appliedAt = "applied_at"
        case status
        case id
    }

    public static let defaultSort = Sorting(field: SortField.updatedAt, descending: true)

    public static func parse(_ items: [(name: String, value: String)]) throws(DomainError) -> (ApplicationFilter, Sorting<SortField>, Paging) {
        var reader = QueryReader(items: items)
        var filter = ApplicationFilter()
        filter.statuses = reader.enumerationList("status", ApplicationStatus.self)
        filter.jobID = reader.integer("job_id", min: 1, max: Int(Int32.max))
        let sort = reader.sort(default: defaultSort)
        let page = reader.page()
        try reader.validate()
        return (filter, sort, page)
    }
}
