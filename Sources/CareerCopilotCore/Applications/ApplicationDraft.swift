import Foundation

/// An application as a client submits it, read and validated from JSON.
public struct ApplicationDraft: Sendable {
    public var jobID: Patch<Int> = .absent
    public var status: Patch<ApplicationStatus> = .absent
    public var notes: Patch<String> = .absent

    public static let maxNotesLength = 20_000

    /// The fields of an application body, each with its rule. An update has no `job_id`: one
    /// sent anyway is read only to be refused unless it names the same job.
    public static func fields(creating: Bool) -> [FieldRule] {
        creating ? [Field.jobID.required(true), Field.status, Field.notes] : [Field.status, Field.notes]
    }

    public enum Field {
        public static let jobID = FieldRule(
            "job_id", .integer(min: 1, max: Int(Int32.max)), clearable: false, note: "The job to track; it cannot change",
            refusal: "job_id cannot be changed; track the other job instead"
        )
        public static let status = FieldRule(
            "status", .choice(ApplicationStatus.allCases.map(\.rawValue)), clearable: false,
            refusal: "status must be one of: \(ApplicationStatus.allowedValues)"
        )
        public static let notes = FieldRule("notes", .text(maxLength: maxNotesLength))
    }

    public static func read(_ body: JSONValue, creating: Bool) throws(DomainError) -> ApplicationDraft {
        var reader = try BodyReader(body: body)
        var draft = ApplicationDraft()
        draft.jobID = reader.read(Field.jobID.required(creating))
        draft.status = reader.read(Field.status, as: ApplicationStatus.self)
        draft.notes = reader.read(Field.notes)
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
