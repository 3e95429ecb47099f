import Foundation

/// An application as a client submits it, read and validated from JSON.
public struct ApplicationDraft: Sendable {
    public var jobID: Patch<Int> = .absent
    public var status: Patch<ApplicationStatus> = .absent
    public var notes: Patch<String> = .absent

    public static let maxNotesLength = 20_000

    public static func read(_ body: JSONValue, creating: Bool) throws(DomainError) -> ApplicationDraft {
        var reader = try BodyReader(body: body)
        var draft = ApplicationDraft()
        draft.jobID = reader.integer("job_id", min: 1, max: Int(Int32.max), required: creating)
        draft.status = reader.enumeration("status", ApplicationStatus.self)
        if case .null = draft.status { reader.addIssue("status must be one of: \(ApplicationStatus.allowedValues)") }
        if !creating, case .null = draft.jobID { reader.addIssue("job_id cannot be changed; track the other job instead") }
        draft.notes = reader.string("notes", maxLength: maxNotesLength)
        try reader.validate()
        return draft
    }
}

/// The rules of moving an application between statuses.
public enum ApplicationPipeline {
    /// When `applied_at` must be set by a move to `status`: on the first move to `applied`,
    /// or to any later stage of progress when the user skipped `applied` (they did apply).
    public static func setsAppliedAt(movingTo status: ApplicationStatus, appliedAt: Date?) -> Bool {
        guard appliedAt == nil else { return false }
        guard let stage = ApplicationStatus.pipeline.firstIndex(of: status) else { return false }
        return stage >= 1
    }
}
