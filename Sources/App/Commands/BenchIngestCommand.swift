import CareerCopilotCore
import Fluent
import Foundation
import JobSources
import SQLKit
import Vapor

/// `career-copilot bench-ingest --base-url URL --boards a,b,c [--type greenhouse]`: discovery's
/// own speed. Adds one source per board (all at `URL`, a local server of recorded payloads),
/// runs them all — fetch, parse, normalise, sanitise, deduplicate, extract skills, store — and
/// prints postings/s; then runs them again, asking "changed since?" (a server that answers 304
/// makes this cheap), and a third time reading every listing in full (every posting
/// unchanged). Ends with the process's peak memory.
struct BenchIngestCommand: AsyncCommand {
    let services: AppServices

    struct Signature: CommandSignature {
        @Option(name: "base-url", help: "Where the boards are served")
        var baseURL: String?

        @Option(name: "boards", help: "Board names, comma-separated")
        var boards: String?

        @Option(name: "type", help: "Source type of every board (default greenhouse)")
        var type: String?
    }

    var help: String { "Benchmarks ingestion from a local server of board payloads" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        guard let baseURL = signature.baseURL, let boards = signature.boards?.split(separator: ",").map(String.init), !boards.isEmpty else {
            throw ScrapeError(description: "bench-ingest needs --base-url and --boards")
        }
        let type = signature.type ?? SourceKind.greenhouse.rawValue
        var sources: [SourceRecord] = []
        for board in boards {
            let body: JSONValue = ["name": .string("bench \(board)"), "type": .string(type), "identifier": .string(board), "base_url": .string(baseURL)]
            sources.append(try await SourceCatalogue(database: app.db, credentials: services.configuration.sourceCredentials).create(body))
        }
        let runner = SourceRunner(services, database: app.db, logger: app.logger)
        context.console.print("| pass | sources | postings | new | unchanged | merged | rejected | seconds | postings/s |")
        context.console.print("|---|---|---|---|---|---|---|---|---|")
        for pass in ["1: all new", "2: conditional (304 when the server supports it)", "3: full re-read, all unchanged"] {
            if pass.hasPrefix("3") { try await app.db.sql.raw("UPDATE sources SET etag = NULL, last_modified = NULL").run() }
            var total = IngestionService.Counts()
            let start = Date()
            for source in sources {
                guard let current = try await SourceRecord.find(source.id, on: app.db) else { continue }
                let report = try await runner.run(current)
                if let error = report.error { throw ScrapeError(description: "\(source.name): \(error)") }
                total.new += report.counts.new
                total.unchanged += report.counts.unchanged + report.counts.updated
                total.merged += report.counts.merged
                total.rejected += report.counts.rejected
            }
            let seconds = Date().timeIntervalSince(start)
            let postings = total.new + total.unchanged + total.merged + total.rejected
            context.console.print(
                "| \(pass) | \(sources.count) | \(postings) | \(total.new) | \(total.unchanged) | \(total.merged) | \(total.rejected) | \(String(format: "%.2f", seconds)) | \(Int(Double(postings) / seconds)) |"
            )
        }
        context.console.print("")
        context.console.print("Peak memory (VmHWM) of this process: \(Self.peakMemory())")
    }

    /// The process's high-water resident memory, from /proc.
    static func peakMemory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return "unknown" }
        return String(format: "%.1f MiB", kilobytes / 1024)
    }
}
