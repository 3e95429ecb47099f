import CareerCopilotCore
import Fluent
import Foundation
import NIOHTTP1
import SQLKit
import Testing

@testable import App

@Suite("Applications API")
struct ApplicationsAPITests {
    func job(_ server: TestServer, title: String = "Engineer") async throws -> Int {
        try #require(try await server.post("/api/v1/jobs", ["title": .string(title), "company": "Acme"]).data["id"]?.intValue)
    }

    @Test(arguments: TestDatabase.all)
    func create_startsAsSaved_withATimeline(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let jobID = try await job(server)
            let response = try await server.post("/api/v1/applications", ["job_id": .number(Double(jobID)), "notes": "Referral from Sam"])
            #expect(response.status == .created)
            let application = try response.data
            #expect(application["status"] == "saved")
            #expect(application["notes"] == "Referral from Sam")
            #expect(application["applied_at"]?.isNull == true)
            #expect(application["job"]?["title"] == "Engineer")
            let timeline = try #require(application["timeline"]?.arrayValue)
            #expect(timeline.count == 1)
            #expect(timeline[0]["from_status"]?.isNull == true)
            #expect(timeline[0]["to_status"] == "saved")
        }
    }

    @Test(arguments: TestDatabase.all)
    func statusChanges_areKept_andAppliedAtIsSetOnce(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let jobID = try await job(server)
            let id = try #require(try await server.post("/api/v1/applications", ["job_id": .number(Double(jobID))]).data["id"]?.intValue)

            let applied = try await server.put("/api/v1/applications/\(id)", ["status": "applied"]).data
            #expect(applied["applied_at"]?.stringValue != nil)
            // Dated long ago: were it set again by the moves below, it would change.
            let longAgo = Date(timeIntervalSince1970: 1_600_000_000)
            try await server.app.db.sql.raw("UPDATE applications SET applied_at = \(bind: longAgo) WHERE id = \(bind: id)").run()
            let appliedAt = ISODate.format(longAgo)
            _ = try await server.put("/api/v1/applications/\(id)", ["status": "interviewing"])
            _ = try await server.put("/api/v1/applications/\(id)", ["status": "interviewing", "notes": "same status: no entry"])
            _ = try await server.put("/api/v1/applications/\(id)", ["status": "applied"])
            let final = try await server.get("/api/v1/applications/\(id)").data
            #expect(final["applied_at"]?.stringValue == appliedAt)
            #expect(final["notes"] == "same status: no entry")
            let steps = try #require(final["timeline"]?.arrayValue).map { ($0["from_status"]?.stringValue, $0["to_status"]?.stringValue) }
            #expect(steps.map(\.0) == [nil, "saved", "applied", "interviewing"])
            #expect(steps.map(\.1) == ["saved", "applied", "interviewing", "applied"])

            let timeline = try await server.get("/api/v1/applications/\(id)/timeline").data
            #expect(timeline.arrayValue?.count == 4)
        }
    }

    @Test(arguments: TestDatabase.all)
    func createdAsApplied_setsAppliedAt(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let jobID = try await job(server)
            let application = try await server.post("/api/v1/applications", ["job_id": .number(Double(jobID)), "status": "applied"]).data
            #expect(application["applied_at"]?.stringValue != nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func oneApplicationPerJob(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let jobID = try await job(server)
            #expect(try await server.post("/api/v1/applications", ["job_id": .number(Double(jobID))]).status == .created)
            let second = try await server.post("/api/v1/applications", ["job_id": .number(Double(jobID))])
            #expect(second.status == .conflict)
            #expect(try second.error.code == "CONFLICT")
        }
    }

    @Test(arguments: TestDatabase.all)
    func validation(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let jobID = try await job(server)
            let cases: [(JSONValue, String)] = [
                ([:], "job_id is required"),
                (["job_id": "1"], "job_id must be a whole number, not a string"),
                (["job_id": 1.5], "job_id must be a whole number, not a number"),
                (["job_id": 999], "job_id does not refer to an existing job"),
                (
                    ["job_id": .number(Double(jobID)), "status": "hired"],
                    "status must be one of: saved, applied, screening, interviewing, offer, accepted, rejected, withdrawn"
                ),
                (
                    ["job_id": .number(Double(jobID)), "status": nil],
                    "status must be one of: saved, applied, screening, interviewing, offer, accepted, rejected, withdrawn"
                ),
            ]
            for (body, expected) in cases {
                let response = try await server.post("/api/v1/applications", body)
                #expect(response.status == .unprocessableEntity, "\(body)")
                #expect(try response.error.details == [expected], "\(body)")
            }
            let id = try #require(try await server.post("/api/v1/applications", ["job_id": .number(Double(jobID))]).data["id"]?.intValue)
            let otherJob = try await job(server, title: "Other")
            let moved = try await server.put("/api/v1/applications/\(id)", ["job_id": .number(Double(otherJob))])
            #expect(try moved.error.details == ["job_id cannot be changed; track the other job instead"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func list_filtersAndSorts(database: TestDatabase) async throws {
        try await withServer(database) { server in
            var ids: [Int] = []
            var jobIDs: [Int] = []
            for (title, status) in [("A", "saved"), ("B", "applied"), ("C", "rejected")] {
                let jobID = try await job(server, title: title)
                jobIDs.append(jobID)
                ids.append(
                    try #require(
                        try await server.post("/api/v1/applications", ["job_id": .number(Double(jobID)), "status": .string(status)]).data["id"]?.intValue))
            }
            let all = try await server.get("/api/v1/applications?sort=id").data
            #expect(all["total"] == 3)
            #expect(all["items"]?.arrayValue?.compactMap { $0["id"]?.intValue } == ids)
            #expect(all["items"]?.arrayValue?.first?["timeline"] == nil)
            let open = try await server.get("/api/v1/applications?status=saved,applied&sort=-id").data
            #expect(open["items"]?.arrayValue?.compactMap { $0["job"]?["title"]?.stringValue } == ["B", "A"])
            let byJob = try await server.get("/api/v1/applications?job_id=\(jobIDs[2])").data
            #expect(byJob["total"] == 1)
            #expect(byJob["items"]?.arrayValue?.first?["status"] == "rejected")
        }
    }

    @Test(arguments: TestDatabase.all)
    func delete_removesApplicationAndTimeline(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let jobID = try await job(server)
            let id = try #require(try await server.post("/api/v1/applications", ["job_id": .number(Double(jobID))]).data["id"]?.intValue)
            #expect(try await server.delete("/api/v1/applications/\(id)").status == .ok)
            #expect(try await server.get("/api/v1/applications/\(id)").status == .notFound)
            #expect(try await server.get("/api/v1/applications/\(id)/timeline").status == .notFound)
            let left = try await ApplicationStatusChange.query(on: server.app.db).count()
            #expect(left == 0)
            // The job can go now that nobody tracks it.
            #expect(try await server.delete("/api/v1/jobs/\(jobID)").status == .ok)
        }
    }

    /// Another user's application is not found — not by id, not in lists.
    @Test(arguments: TestDatabase.all)
    func anotherUsersApplication_isInvisible(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let jobID = try await job(server)
            let other = User(email: "other@example.com", fullName: "Other", role: .user)
            try await other.create(on: server.app.db)
            let theirs = JobApplication()
            theirs.$user.id = try other.requireID()
            theirs.$job.id = jobID
            theirs.status = .applied
            try await theirs.create(on: server.app.db)
            let id = try theirs.requireID()

            for response in [
                try await server.get("/api/v1/applications/\(id)"),
                try await server.get("/api/v1/applications/\(id)/timeline"),
                try await server.put("/api/v1/applications/\(id)", ["status": "rejected"]),
                try await server.delete("/api/v1/applications/\(id)"),
            ] {
                #expect(response.status == .notFound)
                #expect(try response.error.message == "Application not found")
            }
            #expect(try await server.get("/api/v1/applications").data["total"] == 0)
            // The same job may still be tracked by this user.
            #expect(try await server.post("/api/v1/applications", ["job_id": .number(Double(jobID))]).status == .created)
            let unchanged = try await JobApplication.find(id, on: server.app.db)
            #expect(unchanged?.status == .applied)
        }
    }
}
