import Foundation

/// An application as the API shows it, with a summary of its job.
struct ApplicationDTO: Encodable {
    struct JobSummary: Encodable {
        let id: Int
        let title: String
        let company: String
        @Nullable var location: String?
        let isActive: Bool
    }

    struct TimelineEntry: Encodable {
        @Nullable var fromStatus: String?
        let toStatus: String
        let changedAt: Date
    }

    let id: Int
    let jobId: Int
    let status: String
    @Nullable var notes: String?
    @Nullable var appliedAt: Date?
    @Nullable var createdAt: Date?
    @Nullable var updatedAt: Date?
    @Nullable var job: JobSummary?
    /// Only on the single application, not in lists.
    let timeline: [TimelineEntry]?

    init(_ application: JobApplication, job: Job?, timeline: [ApplicationStatusChange]?) throws {
        id = try application.requireID()
        jobId = application.$job.id
        status = application.status
        notes = application.notes
        appliedAt = application.appliedAt
        createdAt = application.createdAt
        updatedAt = application.updatedAt
        self.job = try job.map {
            JobSummary(id: try $0.requireID(), title: $0.title, company: $0.company, location: $0.location, isActive: $0.isActive)
        }
        self.timeline = timeline.map { $0.map { TimelineEntry(fromStatus: $0.fromStatus, toStatus: $0.toStatus, changedAt: $0.changedAt) } }
    }
}
