import CareerCopilotCore
import Foundation

/// `/applications/{id}`: the job applied for, the status and how it got there, the notes.
public enum ApplicationPage {
    public static let notesFields: FormFields = ["notes": "Your notes"]
    public struct TimelineEntry: Sendable {
        public var from: ApplicationStatus?
        public var to: ApplicationStatus
        public var at: Date

        public init(from: ApplicationStatus?, to: ApplicationStatus, at: Date) {
            self.from = from
            self.to = to
            self.at = at
        }
    }

    public struct Model: Sendable {
        public var summary: ApplicationSummary
        public var appliedAt: Date?
        public var createdAt: Date?
        public var timeline: [TimelineEntry]
        /// The notes form as submitted or stored.
        public var notes: FormState
        /// The notes saved meanwhile (another tab), when a save found them changed.
        public var savedNotes: String?

        public init(summary: ApplicationSummary, appliedAt: Date?, createdAt: Date?, timeline: [TimelineEntry], notes: FormState, savedNotes: String? = nil) {
            self.savedNotes = savedNotes
            self.summary = summary
            self.appliedAt = appliedAt
            self.createdAt = createdAt
            self.timeline = timeline
            self.notes = notes
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let application = model.summary
        return Layout.document(title: "\(application.jobTitle) — application", context: context) {
            div(.class("page-head")) {
                div {
                    p(.class("muted")) { a(.href(.applications)) { "← Board" } }
                    h1 { application.jobTitle }
                    p(.class("muted")) {
                        strong { application.company }
                        if let location = application.location { " · \(location)" }
                        " · "
                        a(.href(.job(application.jobID)), .id("job-link")) { "View the job" }
                    }
                }
                div(.class("actions")) {
                    Components.statusBadge(application.status)
                    if application.isDemo { Components.demoBadge }
                }
            }
            div(.class("detail")) {
                div(.class("stack")) {
                    section(.class("card"), .aria("labelledby", "notes-title")) {
                        h2(.id("notes-title")) { "Notes" }
                        Components.errorSummary(model.notes)
                        if let saved = model.savedNotes {
                            div(.class("conflict"), .id("conflict"), .role("alert")) {
                                strong { "These notes were saved from elsewhere while you were writing." }
                                p {
                                    "Your text is in the box below, not saved yet. Here is what is saved now; save again to replace it with yours, or copy from it what you need."
                                }
                                div(.class("saved-notes"), .id("conflict-saved")) { saved.isEmpty ? "(no notes)" : saved }
                            }
                        }
                        Components.postForm(.applicationNotes(application.id), context, .id("notes-form")) {
                            input(.type("hidden"), .name("notes_version"), .value(model.notes["notes_version"]))
                            Components.textArea(
                                .init(
                                    name: "notes", label: "Your notes", hint: "Contacts, dates, questions to ask, how it went.",
                                    maxLength: ApplicationDraft.maxNotesLength), model.notes, rows: 10)
                            div(.class("form-actions")) { button(.type("submit"), .class("btn", "btn-primary")) { "Save notes" } }
                        }
                    }
                    section(.class("card"), .aria("labelledby", "timeline-title")) {
                        h2(.id("timeline-title")) { "Timeline" }
                        ol(.class("timeline"), .id("timeline")) {
                            for entry in model.timeline.reversed() {
                                li(.data("to", entry.to.rawValue)) {
                                    if let from = entry.from {
                                        "Moved from \(Formatting.statusLabel(from)) to "
                                        strong { Formatting.statusLabel(entry.to) }
                                    } else {
                                        "Started as "
                                        strong { Formatting.statusLabel(entry.to) }
                                    }
                                    Formatting.time(entry.at, withTime: true)
                                }
                            }
                        }
                    }
                }
                aside(.class("card")) {
                    h2 { "Status" }
                    Components.postForm(.applicationStatus(application.id), context, .id("status-form")) {
                        Components.selectField(
                            .init(name: "status", label: "Move to"),
                            options: ApplicationStatus.allCases.map { ($0.rawValue, Formatting.statusLabel($0)) },
                            FormState(values: ["status": application.status.rawValue])
                        )
                        div(.class("form-actions")) { button(.type("submit"), .class("btn", "btn-primary")) { "Update status" } }
                    }
                    dl(.class("job-facts")) {
                        if let created = model.createdAt { dt { "Tracked since" }; dd { Formatting.time(created) } }
                        if let applied = model.appliedAt { dt { "Applied" }; dd { Formatting.time(applied) } }
                        if let updated = application.updatedAt { dt { "Last change" }; dd { Formatting.time(updated) } }
                    }
                    Components.postForm(
                        .deleteApplication(application.id), context, .id("delete-application-form"),
                        .data("confirm", "Stop tracking this job? Its notes and timeline are deleted.")
                    ) {
                        button(.type("submit"), .class("btn", "btn-danger")) { "Stop tracking" }
                    }
                }
            }
        }
    }
}
