import Fluent
import Foundation
import Vapor

/// `career-copilot worker [--concurrency N] [--queues a,b]`: runs tasks (and the scheduler)
/// without serving HTTP, as services of a `ServiceGroup`, until SIGTERM or Ctrl-C; then it
/// stops claiming, lets running tasks finish for up to 10 seconds and gives the rest back to
/// the queue.
struct WorkerCommand: AsyncCommand {
    let services: AppServices

    struct Signature: CommandSignature {
        @Option(name: "concurrency", help: "Tasks run at once (default CC_WORKER_CONCURRENCY, 4)")
        var concurrency: Int?

        @Option(name: "queues", help: "Comma-separated queues to take tasks from (default: default)")
        var queues: String?
    }

    var help: String { "Runs background tasks and the scheduler (run `migrate` or `serve` once first)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        if let concurrency = signature.concurrency, !(1...64).contains(concurrency) {
            throw ValidationFailure("--concurrency must be from 1 to 64")
        }
        let queues = signature.queues.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        if let queues, queues.isEmpty { throw ValidationFailure("--queues needs at least one queue name") }
        let work = BackgroundWork(services, application: context.application, queues: queues, concurrency: signature.concurrency)
        await BackgroundWork.enqueueStartUpWork(on: context.application.db, logger: context.application.logger)
        context.console.print("Worker \(work.worker.id) running (Ctrl-C or SIGTERM stops it).")
        try await ProcessServices.run(work.services, signal: services.taskSignal, logger: context.application.logger)
        context.console.print("Worker stopped.")
    }

    struct ValidationFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
