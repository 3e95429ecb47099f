import CareerCopilotCore
import Fluent
import Foundation
import Vapor

/// `/api/v1/tasks`: a background task's state for the user it works for (and admins); the
/// failed tasks (the dead-letter view) and retrying one, for admins.
struct TasksController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let tasks = routes.grouped("tasks")
        tasks.get(use: list)
        tasks.get(":id", use: show)
        tasks.post(":id", "retry", use: retry)
    }

    func show(request: Request) async throws -> Response {
        let user = try request.currentUser
        let id = try request.idParameter(resource: "Task")
        // Someone else's task is not found: its existence is not disclosed.
        guard let task = try await TaskQueue(database: request.db).find(id), user.isAdmin || task.userID == user.id else {
            throw DomainError.notFound("Task not found")
        }
        return try request.envelope(TaskDTO(task), message: "Task retrieved successfully")
    }

    func list(request: Request) async throws -> Response {
        guard try request.currentUser.isAdmin else { throw DomainError.forbidden("Only an admin may list tasks") }
        var reader = QueryReader(items: request.queryItems)
        let status = reader.enumerationList("status", TaskRecord.Status.self)
        let page = reader.page()
        try reader.validate()
        guard let status, status.count == 1 else { throw DomainError.badRequest("status must be one of: \(TaskRecord.Status.allowedValues)") }
        let (tasks, total) = try await TaskQueue(database: request.db).list(status: status[0], page: page)
        return try request.envelope(ListPage(items: tasks.map(TaskDTO.init), request: page, total: total), message: "Tasks retrieved successfully")
    }

    func retry(request: Request) async throws -> Response {
        guard try request.currentUser.isAdmin else { throw DomainError.forbidden("Only an admin may retry tasks") }
        let id = try request.idParameter(resource: "Task")
        let queue = TaskQueue(database: request.db)
        guard let task = try await queue.find(id) else { throw DomainError.notFound("Task not found") }
        guard try await queue.retry(id) else {
            throw DomainError.conflict("Only a failed task can be retried; this one is \(task.status.rawValue)")
        }
        TaskSignal.current?.signal()
        return try request.envelope(TaskDTO(try await queue.find(id) ?? task), message: "Task queued again")
    }
}

/// A task as the API shows it.
struct TaskDTO: Encodable {
    let id: Int
    let kind: String
    let queue: String
    let status: String
    let attempts: Int
    let maxAttempts: Int
    let runAt: Date
    @Nullable var result: JSONValue?
    @Nullable var error: String?
    let createdAt: Date
    @Nullable var startedAt: Date?
    @Nullable var finishedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, kind, queue, status, attempts, result, error
        case maxAttempts = "max_attempts"
        case runAt = "run_at"
        case createdAt = "created_at"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
    }

    init(_ task: TaskRecord) {
        id = task.id
        kind = task.kind
        queue = task.queue
        status = task.status.rawValue
        attempts = task.attempts
        maxAttempts = task.maxAttempts
        runAt = task.runAt
        result = task.result.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        error = task.lastError
        createdAt = task.createdAt
        startedAt = task.startedAt
        finishedAt = task.finishedAt
    }
}
