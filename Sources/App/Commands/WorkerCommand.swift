import Foundation
import NIOConcurrencyHelpers
import Vapor

/// `career-copilot worker [--concurrency N] [--queues a,b]`: runs tasks (and the scheduler)
/// without serving HTTP, until SIGTERM or Ctrl-C; then it stops claiming, lets running
/// tasks finish for up to 10 seconds and gives the rest back to the queue.
struct WorkerCommand: AsyncCommand {
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
        let service = BackgroundService(app: context.application, queues: queues, concurrency: signature.concurrency)
        service.start()
        context.console.print("Worker \(service.worker.id) running (Ctrl-C or SIGTERM stops it).")
        await Self.waitForTermination()
        context.console.print("Stopping: finishing running tasks…")
        await service.stop()
    }

    struct ValidationFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Suspends until SIGTERM or SIGINT.
    static func waitForTermination() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumed = NIOLockedValueBox(false)
            var sources: [any DispatchSourceSignal] = []
            for signalNumber in [SIGTERM, SIGINT] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler {
                    let first = resumed.withLockedValue { done in
                        defer { done = true }
                        return !done
                    }
                    if first { continuation.resume() }
                }
                source.resume()
                sources.append(source)
            }
            // The sources live as long as the process: a worker stops by exiting.
            SignalSources.keep(sources)
        }
    }
}

private enum SignalSources {
    nonisolated(unsafe) static var kept: [any DispatchSourceSignal] = []
    static func keep(_ sources: [any DispatchSourceSignal]) { kept = sources }
}
