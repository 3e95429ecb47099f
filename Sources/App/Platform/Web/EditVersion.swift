import CareerCopilotCore
import Vapor

/// A short fingerprint of what a person can edit in a record, so that a save made from an
/// old copy (another tab, another device, a client's stale read) is caught rather than
/// silently undoing the other change (decision 0015). The API sends it as the `ETag` of a job
/// or an application and checks `If-Match`; the pages carry it in a hidden field.
///
/// It is a hash of the content, not a counter: what discovery refreshes and nobody edits
/// (when a board last listed the job) does not change it, and a save that changes nothing
/// leaves it as it was.
enum EditVersion {
    static func of(_ parts: [String?]) -> String {
        var text = ""
        for part in parts {
            // A separator that no part contains, and a mark for "absent" unlike any text.
            text += part.map { "\u{1E}" + $0 } ?? "\u{1F}"
        }
        return SHA256.hash(data: Data(text.utf8)).prefix(10).map { String(format: "%02x", $0) }.joined()
    }

    static func job(_ job: JobRecord, skills: [String]) -> String {
        let number: (Double?) -> String? = { $0.map { String($0) } }
        let date: (Date?) -> String? = { $0.map { String($0.timeIntervalSince1970) } }
        return of([
            job.title, job.company, job.location, job.source, job.externalId, job.url, job.description, job.remote?.rawValue, job.employmentType?.rawValue,
            number(job.salaryMin), number(job.salaryMax), job.salaryCurrency, job.salaryPeriod?.rawValue, date(job.postedAt),
            String(job.isActive), job.privateTo.map(String.init), skills.joined(separator: "\u{1D}"),
        ])
    }

    static func application(_ application: JobApplication) -> String {
        of([application.status.rawValue, application.notes, application.appliedAt.map { String($0.timeIntervalSince1970) }])
    }

    static func notes(_ notes: String?) -> String {
        of([notes])
    }

    /// `"…"`: a strong validator.
    static func etag(_ version: String) -> String { "\"\(version)\"" }

    /// Whether an `If-Match` header admits `version`: `*`, or a list of tags one of which is it.
    static func ifMatch(_ header: String, admits version: String) -> Bool {
        header.split(separator: ",").contains { tag in
            let tag = tag.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag(version)
        }
    }

    static let conflictMessage = "It was changed since you read it; read it again, and apply your change to what is there now"
}

extension Request {
    /// The `If-Match` header of a conditional `PUT`, if any.
    var ifMatch: String? { headers.first(name: .ifMatch) }
}
