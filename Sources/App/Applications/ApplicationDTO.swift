import CareerCopilotCore
import FluentKit
import Foundation

/// An application as the API shows it, with a summary of its job.
struct ApplicationDTO: Encodable {
    struct JobSummary: Encodable {
        let id: Int
        let title: String
        let company: String
        @Nullable var location: String?
        let isActive: Bool

        enum CodingKeys: String, CodingKey {
            case id, title, company, location
            case isActive = "is_active"
        }
    }

    struct TimelineEntry: Encodable {
        @Nullable var fromStatus: ApplicationStatus?
        let toStatus: ApplicationStatus
        let changedAt: Date

        enum CodingKeys: String, CodingKey {
            case fromStatus = "from_status"
            case toStatus = "to_status"
            case changedAt = "changed_at"
        }
    }

    let id: Int
    let jobId: Int
    let status: ApplicationStatus
    @Nullable var notes: String?
    @Nullable var appliedAt: Date?
    @Nullable var createdAt: Date?
    @Nullable var updatedAt: Date?
    @Nullable var job: JobSummary?
    /// Only on the single application, not in lists.
    let timeline: [TimelineEntry]?

    enum CodingKeys: String, CodingKey {
        case id, status, notes, job, timeline
        case jobId = "job_id"
        case appliedAt = "applied_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

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
