import CareerCopilotCore
import Fluent
import Foundation
import JobSources
import SQLKit
import Vapor

/// `discovery.run`: runs one source (payload `source_id`). Safe to run twice: the second run
/// finds the postings stored and counts them unchanged.
struct DiscoveryRunHandler: TaskHandler {
    static let kind = "discovery.run"
    let fetcher: SourceFetcher
    let counts: CountCache?
    let policy: Deduplicator.Policy

    func run(_ context: TaskContext) async throws -> JSONValue? {
        guard let id = context.payload["source_id"]?.intValue else { throw PermanentTaskError("payload needs source_id") }
        guard let source = try await SourceRecord.find(id, on: context.database) else { return ["skipped": "the source no longer exists"] }
        let report = try await SourceRunner(database: context.database, fetcher: fetcher, logger: context.logger, counts: counts, policy: policy).run(source)
        // The run stored its error on the source; the task says so too (failed, with the same
        // words), and is not retried: the source's schedule runs it again.
        if let error = report.error { throw PermanentTaskError(error) }
        let counts = report.counts
        return [
            "source": .string(source.name), "pages": .number(Double(report.pages)), "not_modified": .bool(report.notModified),
            "error": report.error.map(JSONValue.string) ?? .null,
            "new": .number(Double(counts.new)), "updated": .number(Double(counts.updated)), "unchanged": .number(Double(counts.unchanged)),
            "merged": .number(Double(counts.merged)), "closed": .number(Double(counts.closed)), "rejected": .number(Double(counts.rejected)),
        ]
    }
}

/// `discovery.due` (scheduled every 15 minutes): queues a run of every enabled source whose
/// own schedule has come round since its last run. One queued run per source at a time.
struct DiscoveryDueHandler: TaskHandler {
    static let kind = "discovery.due"

    func run(_ context: TaskContext) async throws -> JSONValue? {
        let now = Date()
        var queued = 0
        for source in try await SourceRecord.all(on: context.database) where source.enabled {
            guard let schedule = try? Schedule(source.schedule) else { continue }
            let due = source.lastRunAt.map { schedule.next(after: $0) <= now } ?? true
            guard due else { continue }
            if try await TaskQueue(database: context.database).enqueue(DiscoveryRunHandler.request(sourceID: source.id, userID: nil)) != nil { queued += 1 }
        }
        return ["queued": .number(Double(queued))]
    }
}

extension DiscoveryRunHandler {
    static func request(sourceID: Int, userID: Int?) -> TaskRequest {
        TaskRequest(
            kind: kind, payload: ["source_id": .number(Double(sourceID))], queue: "default", maxAttempts: 3, uniqueKey: "discovery:source:\(sourceID)",
            userID: userID)
    }
}
