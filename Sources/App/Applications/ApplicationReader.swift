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

    /// How many applications the user has in each status.
    func countsByStatus() async throws -> [ApplicationStatus: Int] {
        let rows = try await database.sql.raw(
            """
            SELECT status, count(*) AS count FROM applications WHERE user_id = \(bind: user.id) GROUP BY status
            """
        ).all()
        var counts: [ApplicationStatus: Int] = [:]
        for row in rows {
            if let status = ApplicationStatus(rawValue: try row.decode(column: "status", as: String.self)) {
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
            SELECT * FROM (SELECT id, status, updated_at, job_id FROM applications
                WHERE user_id = \(bind: user.id) AND status = \(bind: status.rawValue)
                ORDER BY updated_at DESC, id DESC LIMIT \(bind: perStatus)) AS \(ident: "column_" + status.rawValue)
            """
        }
        var newest = columns[0]
        for column in columns.dropFirst() { newest = "\(newest) UNION ALL \(column)" }
        return try await summaries(
            from: """
                SELECT a.id, a.status, a.updated_at, a.job_id, j.title, j.company, j.location, j.source
                FROM (\(newest)) a JOIN jobs j ON j.id = a.job_id
                ORDER BY a.updated_at DESC, a.id DESC
                """)
    }

    /// The `limit` applications changed last, whatever their status.
    func recent(limit: Int) async throws -> [ApplicationSummary] {
        try await summaries(
            from: """
                SELECT a.id, a.status, a.updated_at, a.job_id, j.title, j.company, j.location, j.source
                FROM applications a JOIN jobs j ON j.id = a.job_id
                WHERE a.user_id = \(bind: user.id)
                ORDER BY a.updated_at DESC, a.id DESC LIMIT \(bind: limit)
                """)
    }

    /// The user's applications for these jobs, by job: what a list marks as tracked.
    func tracking(jobs jobIDs: [Int]) async throws -> [Int: JobSummary.Tracking] {
        guard !jobIDs.isEmpty else { return [:] }
        let rows = try await database.sql.raw(
            """
            SELECT id, job_id, status FROM applications WHERE user_id = \(bind: user.id) AND job_id IN \(SQLBind.group(jobIDs))
            """
        ).all()
        var tracked: [Int: JobSummary.Tracking] = [:]
        for row in rows {
            guard let status = ApplicationStatus(rawValue: try row.decode(column: "status", as: String.self)) else { continue }
            tracked[try row.decode(column: "job_id", as: Int.self)] = .init(applicationID: try row.decode(column: "id", as: Int.self), status: status)
        }
        return tracked
    }

    /// The user's application for a job, if any.
    func application(forJob jobID: Int) async throws -> JobApplication? {
        try await JobApplication.query(on: database).filter(\.$user.$id == user.id).filter(\.$job.$id == jobID).first()
    }

    private func summaries(from query: SQLQueryString) async throws -> [ApplicationSummary] {
        try await database.sql.raw(query).all().compactMap { row in
            guard let status = ApplicationStatus(rawValue: try row.decode(column: "status", as: String.self)) else { return nil }
            return ApplicationSummary(
                id: try row.decode(column: "id", as: Int.self),
                status: status,
                jobID: try row.decode(column: "job_id", as: Int.self),
                jobTitle: try row.decode(column: "title", as: String.self),
                company: try row.decode(column: "company", as: String.self),
                location: try row.decode(column: "location", as: String?.self),
                isDemo: try row.decode(column: "source", as: String.self) == DemoDataset.source,
                updatedAt: try row.decode(column: "updated_at", as: Date?.self)
            )
        }
    }
}
