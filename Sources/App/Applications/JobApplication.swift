import CareerCopilotCore
import Fluent
import Foundation

/// One user's pursuit of one job. Private to its user.
final class JobApplication: Model, @unchecked Sendable {
    static let schema = "applications"

    /// Every column of `applications`: the model's keys and the reader's SQL name them from here.
    enum Column: String, TableColumns {
        case id
        case userID = "user_id"
        case jobID = "job_id"
        case status, notes
        case appliedAt = "applied_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Parent(key: Column.userID.key) var user: User
    @Parent(key: Column.jobID.key) var job: Job
    @Field(key: Column.status.key) var status: ApplicationStatus
    @OptionalField(key: Column.notes.key) var notes: String?
    @OptionalField(key: Column.appliedAt.key) var appliedAt: Date?
    @Timestamp(key: Column.createdAt.key, on: .create) var createdAt: Date?
    @Timestamp(key: Column.updatedAt.key, on: .update) var updatedAt: Date?

    init() {}
}

/// One entry of an application's timeline: a change of status, with its time.
final class ApplicationStatusChange: Model, @unchecked Sendable {
    static let schema = "application_status_changes"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "application_id") var application: JobApplication
    @OptionalField(key: "from_status") var fromStatus: ApplicationStatus?
    @Field(key: "to_status") var toStatus: ApplicationStatus
    @Field(key: "changed_at") var changedAt: Date

    init() {}

    init(applicationID: Int, from: ApplicationStatus?, to: ApplicationStatus, at date: Date) {
        self.$application.id = applicationID
        self.fromStatus = from
        self.toStatus = to
        self.changedAt = date
    }
}
