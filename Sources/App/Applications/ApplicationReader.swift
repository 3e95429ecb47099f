import CareerCopilotCore
import CareerCopilotWeb
import Fluent
import Foundation
import SQLKit

/// Reads a user's applications for pages: counts by status and the cards of the board, in
/// two SQL queries whatever the number of applications, and only the columns a card shows.
struct ApplicationReader {
    let database: any Database
    let user: CurrentUser

    private typealias Column = JobApplication.Column
    private typealias JobColumn = JobRecord.Column

    /// How many applications the user has in each status.
    func countsByStatus() async throws -> [ApplicationStatus: Int] {
        let rows = try await database.sql.raw(
            """
            SELECT \(Column.status.sql), count(*) AS count FROM applications WHERE \(Column.userID.sql) = \(bind: user.id) GROUP BY \(Column.status.sql)
            """
        ).all()
        var counts: [ApplicationStatus: Int] = [:]
        for row in rows {
            if let status = ApplicationStatus(rawValue: try row.decode(Column.status, as: String.self)) {
                counts[status] = try row.decode(column: "count", as: Int.self)
            }
        }
        return counts
    }

    /// The most recently changed applications: at most `perStatus` of each status (one status
    /// only, when given), newest first. One index range per status (`idx_applications_board`).
    func cards(perStatus: Int, only status: ApplicationStatus? = nil) async throws -> [ApplicationSummary] {
        let columns: [SQLQueryString] = (status.map { [$0] } ?? ApplicationStatus.allCases).map { status in
            """
            SELECT * FROM (SELECT \(Column.list([.id, .status, .updatedAt, .jobID])) FROM applications
                WHERE \(Column.userID.sql) = \(bind: user.id) AND \(Column.status.sql) = \(bind: status.rawValue)
                ORDER BY \(Column.updatedAt.sql) DESC, \(Column.id.sql) DESC LIMIT \(bind: perStatus)) AS \(ident: "column_" + status.rawValue)
            """
        }
        var newest = columns[0]
        for column in columns.dropFirst() { newest = "\(newest) UNION ALL \(column)" }
        return try await summaries(
            from: """
                SELECT \(summaryColumns) FROM (\(newest)) a JOIN jobs j ON j.id = a.\(Column.jobID.sql)
                ORDER BY a.\(Column.updatedAt.sql) DESC, a.\(Column.id.sql) DESC
                """)
    }

    /// The `limit` applications changed last, whatever their status.
    func recent(limit: Int) async throws -> [ApplicationSummary] {
        try await summaries(
            from: """
                SELECT \(summaryColumns) FROM applications a JOIN jobs j ON j.id = a.\(Column.jobID.sql)
                WHERE a.\(Column.userID.sql) = \(bind: user.id)
                ORDER BY a.\(Column.updatedAt.sql) DESC, a.\(Column.id.sql) DESC LIMIT \(bind: limit)
                """)
    }

    /// The user's applications for these jobs, by job: what a list marks as tracked.
    func tracking(jobs jobIDs: [Int]) async throws -> [Int: JobSummary.Tracking] {
        guard !jobIDs.isEmpty else { return [:] }
        let rows = try await database.sql.raw(
            """
            SELECT \(Column.list([.id, .jobID, .status])) FROM applications
            WHERE \(Column.userID.sql) = \(bind: user.id) AND \(Column.jobID.sql) IN \(SQLBind.group(jobIDs))
            """
        ).all()
        var tracked: [Int: JobSummary.Tracking] = [:]
        for row in rows {
            guard let status = ApplicationStatus(rawValue: try row.decode(Column.status, as: String.self)) else { continue }
            tracked[try row.decode(Column.jobID)] = .init(applicationID: try row.decode(Column.id), status: status)
        }
        return tracked
    }

    /// The user's application for a job, if any.
    func application(forJob jobID: Int) async throws -> JobApplication? {
        try await JobApplication.query(on: database).filter(\.$user.$id == user.id).filter(\.$job.$id == jobID).first()
    }

    /// What a card shows: the application's columns (alias `a`) and its job's (alias `j`).
    private var summaryColumns: SQLQueryString {
        let application = [Column.id, .status, .updatedAt, .jobID].map { "a.\($0.sql)" as SQLQueryString }
        let job = [JobColumn.title, .company, .location, .source].map { "j.\($0.sql)" as SQLQueryString }
        return (application + job).joined(separator: ", ")
    }

    private func summaries(from query: SQLQueryString) async throws -> [ApplicationSummary] {
        try await database.sql.raw(query).all().compactMap { row in
            guard let status = ApplicationStatus(rawValue: try row.decode(Column.status, as: String.self)) else { return nil }
            return ApplicationSummary(
                id: try row.decode(Column.id),
                status: status,
                jobID: try row.decode(Column.jobID),
                jobTitle: try row.decode(JobColumn.title),
                company: try row.decode(JobColumn.company),
                location: try row.decode(JobColumn.location),
                isDemo: try row.decode(JobColumn.source, as: String.self) == DemoDataset.source,
                updatedAt: try row.decode(Column.updatedAt)
            )
        }
    }
}
