import CareerCopilotCore
import Fluent
import JobSources
import Vapor

/// `career-copilot scrape [--source NAME]`: runs every enabled source (or one) now, in this
/// process, printing each as it finishes and a summary table.
struct ScrapeCommand: AsyncCommand {
    let services: AppServices

    struct Signature: CommandSignature {
        @Option(name: "source", help: "Run only the source with this name")
        var source: String?
    }

    var help: String { "Runs job discovery now and prints what each source found" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        var sources = try await SourceRecord.all(on: app.db).filter(\.enabled)
        if let name = signature.source {
            sources = sources.filter { $0.name == name }
            guard !sources.isEmpty else {
                throw ScrapeError(description: "No enabled source named '\(name)'. Add one with POST /api/v1/sources.")
            }
        }
        guard !sources.isEmpty else {
            context.console.print(
                "No sources yet. Add one with POST /api/v1/sources (as admin), e.g. {\"name\": \"Stripe\", \"type\": \"greenhouse\", \"identifier\": \"stripe\"}."
            )
            return
        }
        let runner = SourceRunner(services, database: app.db, logger: app.logger)
        var rows: [[String]] = []
        for (index, source) in sources.enumerated() {
            context.console.print("[\(index + 1)/\(sources.count)] \(source.name) (\(source.definition.kind.rawValue))…", newLine: false)
            let report = try await runner.run(source)
            let counts = report.counts
            context.console.print(
                report.error.map { " failed: \($0)" }
                    ?? (report.notModified ? " not modified since the last run" : " \(counts.new) new, \(counts.updated) updated, \(counts.merged) merged"))
            rows.append([
                source.name, report.error != nil ? "failed" : report.notModified ? "unchanged (304)" : "ok", String(report.pages), String(counts.new),
                String(counts.updated),
                String(counts.unchanged), String(counts.merged), String(counts.closed), String(counts.rejected),
            ])
        }
        let header = ["source", "status", "pages", "new", "updated", "unchanged", "merged", "closed", "rejected"]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for (index, row) in ([header] + rows).enumerated() {
            context.console.print(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  "))
            if index == 0 { context.console.print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
    }
}

struct ScrapeError: Error, CustomStringConvertible {
    let description: String
}
