import Fluent
import Foundation

/// One user's pursuit of one job. Private to its user.
final class JobApplication: Model, @unchecked Sendable {
    static let schema = "applications"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "user_id") var user: User
    @Parent(key: "job_id") var job: Job
    @Field(key: "status") var status: String
    @OptionalField(key: "notes") var notes: String?
    @OptionalField(key: "applied_at") var appliedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// One entry of an application's timeline: a change of status, with its time.
final class ApplicationStatusChange: Model, @unchecked Sendable {
    static let schema = "application_status_changes"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "application_id") var application: JobApplication
    @OptionalField(key: "from_status") var fromStatus: String?
    @Field(key: "to_status") var toStatus: String
    @Field(key: "changed_at") var changedAt: Date

    init() {}

    init(applicationID: Int, from: String?, to: String, at date: Date) {
        self.$application.id = applicationID
        self.fromStatus = from
        self.toStatus = to
        self.changedAt = date
    }
}
