import CareerCopilotCore
import Fluent
import Foundation
import SQLKit

/// Loads and removes the demo dataset (`DemoDataset`): jobs from the source `demo`, and the
/// loading user's applications to some of them. Loading twice adds nothing; removing deletes
/// the demo jobs and every application that tracks them. Admins only: the catalogue is shared.
struct DemoDataService {
    let database: any Database
    var counts: CountCache?

    struct Loaded {
        var jobs = 0
        var applications = 0
    }

    func jobCount() async throws -> Int {
        try await Job.query(on: database).filter(\.$source == DemoDataset.source).countRows()
    }

    func canLoad(_ user: CurrentUser) async throws -> Bool {
        guard user.isAdmin else { return false }
        return try await jobCount() == 0
    }

    func load(for user: CurrentUser) async throws -> Loaded {
        guard user.isAdmin else { throw DomainError.forbidden("Only an admin may load demo data into the shared catalogue") }
        let now = Date()
        let loaded = try await database.writeTransaction { transaction in
            var loaded = Loaded()
            for demo in DemoDataset.jobs {
                let existing = try await Job.query(on: transaction)
                    .filter(\.$source == DemoDataset.source).filter(\.$externalID == demo.externalID).first()
                let job: Job
                if let existing {
                    job = existing
                } else {
                    job = try await create(demo, by: user, at: now, on: transaction)
                    loaded.jobs += 1
                }
                guard !demo.pipeline.isEmpty else { continue }
                let jobID = try job.requireID()
                let tracked = try await JobApplication.query(on: transaction)
                    .filter(\.$user.$id == user.id).filter(\.$job.$id == jobID).first()
                if tracked == nil {
                    try await track(demo, jobID: jobID, for: user, now: now, on: transaction)
                    loaded.applications += 1
                }
            }
            return loaded
        }
        counts?.invalidate()
        return loaded
    }

    /// Removes every demo job and every application to one; returns how many jobs.
    func remove(by user: CurrentUser) async throws -> Int {
        guard user.isAdmin else { throw DomainError.forbidden("Only an admin may remove demo data") }
        let removed = try await database.writeTransaction { transaction in
            let ids = try await Job.query(on: transaction).filter(\.$source == DemoDataset.source).all(\.$id)
            guard !ids.isEmpty else { return 0 }
            // Timelines go with their applications, skills with their jobs (foreign keys cascade).
            try await JobApplication.query(on: transaction).filter(\.$job.$id ~~ ids).delete()
            try await Job.query(on: transaction).filter(\.$id ~~ ids).delete()
            return ids.count
        }
        counts?.invalidate()
        return removed
    }

    private func create(_ demo: DemoDataset.DemoJob, by user: CurrentUser, at now: Date, on database: any Database) async throws -> Job {
        let job = Job()
        let description = HTMLSanitizer.sanitizeDescription(demo.description)
        job.title = demo.title
        job.company = demo.company
        job.companyKey = TextNormalizer.key(demo.company)
        job.location = demo.location
        job.source = DemoDataset.source
        job.externalID = demo.externalID
        job.url = "https://example.com/careers/\(demo.externalID)"
        job.description = description.html
        job.descriptionText = description.text
        job.remote = demo.remote
        job.employmentType = demo.employmentType
        if let salary = demo.salary {
            job.salaryMin = salary.min
            job.salaryMax = salary.max
            job.salaryCurrency = salary.currency
            job.salaryPeriod = .year
        }
        job.postedAt = now.addingTimeInterval(-Double(demo.daysAgo) * 86_400)
        job.scrapedAt = now
        job.isActive = true
        job.$creator.id = user.id
        try await job.create(on: database)
        try await JobService(database: database).replaceSkills(of: try job.requireID(), with: demo.skills)
        return job
    }

    /// The application and its timeline: one step a day, ending today.
    private func track(_ demo: DemoDataset.DemoJob, jobID: Int, for user: CurrentUser, now: Date, on database: any Database) async throws {
        let application = JobApplication()
        application.$user.id = user.id
        application.$job.id = jobID
        application.status = demo.pipeline.last!
        application.notes = demo.notes
        let stepDates = demo.pipeline.indices.map { now.addingTimeInterval(-Double(demo.pipeline.count - 1 - $0) * 86_400) }
        if let applied = demo.pipeline.firstIndex(where: { ApplicationPipeline.setsAppliedAt(movingTo: $0, appliedAt: nil) }) {
            application.appliedAt = stepDates[applied]
        }
        try await application.create(on: database)
        let applicationID = try application.requireID()
        // Tracked since the timeline starts ("Tracked since" and "Started as" name one day).
        try await database.sql.raw("UPDATE applications SET created_at = \(bind: stepDates[0]) WHERE id = \(bind: applicationID)").run()
        for (index, status) in demo.pipeline.enumerated() {
            try await ApplicationStatusChange(
                applicationID: applicationID, from: index == 0 ? nil : demo.pipeline[index - 1], to: status, at: stepDates[index]
            ).create(on: database)
        }
    }
}
