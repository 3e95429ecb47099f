import CareerCopilotCore
import Foundation
import Matching

/// A job as the API shows it: the stored job and its skills. Written by `JSONWriter`
/// (lists write many of them); the keys are those of `JobRecord`'s columns plus `skills`.
struct JobDTO: JSONWritable {
    let job: JobRecord
    let skills: [String]
    /// Every source that lists the job.
    let sources: [JobSourceLink]
    /// The viewer's stored match score (0–100), nil before their profile scored it.
    var matchScore: Int? = nil
    /// In recommendations: the match with its evidence, and the application this job already
    /// is (the same job, or the same role reposted).
    var match: Match? = nil
    var applied: AppliedMark? = nil
    /// In a ranked search: how well the job answers it (higher is better; comparable within
    /// one answer only, its scale depends on the mode).
    var score: Double? = nil
    /// In recommendations: how alike in meaning the posting and the profile are (cosine).
    var similarity: Double? = nil

    struct AppliedMark: Encodable, Sendable {
        let jobID: Int
        let title: String
        let company: String
        let reason: String

        enum CodingKeys: String, CodingKey {
            case jobID = "job_id"
            case title, company, reason
        }
    }

    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.key("id"); json.value(job.id)
            json.key("title"); json.value(job.title)
            json.key("company"); json.value(job.company)
            json.key("location"); json.value(job.location)
            json.key("source"); json.value(job.source)
            json.key("external_id"); json.value(job.externalId)
            json.key("url"); json.value(job.url)
            json.key("description"); json.value(job.description)
            json.key("description_text"); json.value(job.descriptionText)
            json.key("remote"); json.value(job.remote?.rawValue)
            json.key("employment_type"); json.value(job.employmentType?.rawValue)
            json.key("salary_min"); json.value(job.salaryMin)
            json.key("salary_max"); json.value(job.salaryMax)
            json.key("salary_currency"); json.value(job.salaryCurrency)
            json.key("salary_period"); json.value(job.salaryPeriod?.rawValue)
            json.key("posted_at"); json.value(job.postedAt)
            json.key("scraped_at"); json.value(job.scrapedAt)
            json.key("is_active"); json.value(job.isActive)
            json.key("inactive_since"); json.value(job.inactiveSince)
            json.key("skills"); json.value(skills)
            json.key("match_score"); json.value(matchScore)
            if let score {
                json.key("score"); json.value((score * 10_000).rounded() / 10_000)
            }
            if let match {
                json.key("match"); json.encoded(match)
                json.key("applied")
                if let applied { json.encoded(applied) } else { json.value(nil as Bool?) }
                json.key("similarity"); json.value(similarity.map { ($0 * 10_000).rounded() / 10_000 })
            }
            json.key("sources")
            json.array(sources) { json, link in
                json.object { json in
                    json.key("source"); json.value(link.source)
                    json.key("source_name"); json.value(link.sourceName)
                    json.key("external_id"); json.value(link.externalID)
                    json.key("url"); json.value(link.url)
                    json.key("merge_reason"); json.value(link.mergeReason)
                    json.key("first_seen_at"); json.value(link.firstSeenAt)
                    json.key("last_seen_at"); json.value(link.lastSeenAt)
                    json.key("missing_since"); json.value(link.missingSince)
                }
            }
            json.key("created_by"); json.value(job.createdBy)
            json.key("is_private"); json.value(job.privateTo != nil)
            json.key("created_at"); json.value(job.createdAt)
            json.key("updated_at"); json.value(job.updatedAt)
        }
    }
}

/// One place a job is listed: a source's id for it, and — when it joined a job another source
/// had brought — why the deduplicator judged them the same.
struct JobSourceLink: Sendable {
    let source: String
    let sourceName: String?
    let externalID: String
    let url: String?
    let mergeReason: String?
    let firstSeenAt: Date
    let lastSeenAt: Date
    let missingSince: Date?
}
